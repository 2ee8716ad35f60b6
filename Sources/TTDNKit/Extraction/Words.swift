import Foundation

/// A word of running text with the punctuation glued to it split off, and a key for lexicon look-ups.
struct Word {
    /// The word without surrounding punctuation, as written.
    let core: Substring
    /// Lower case with tone marks in one placement (`uỷ` → `ủy`), for look-ups.
    let key: String
    /// Punctuation written before the word (`(`, `“`).
    let lead: Substring
    /// Punctuation written after the word (`,`, `;`, `.`, `)`, `:`).
    let trail: Substring
    /// Offsets of the whole token in the text it came from (in `Character`s are not needed:
    /// callers rebuild text from words).
    let range: Range<String.Index>

    var isCapitalised: Bool { core.first.map { $0.isUppercase } ?? false }
    var isAllCaps: Bool {
        var letters = 0
        for ch in core where ch.isLetter {
            if ch.isLowercase { return false }
            letters += 1
        }
        return letters > 0
    }
}

enum Words {
    static let punctuation: Set<Character> = [",", ";", ":", ".", "(", ")", "\"", "“", "”", "'", "‘", "’", "!", "?", "…", "[", "]"]

    /// Splits on white space; punctuation at either end of a token goes to `lead` / `trail`.
    static func split(_ text: String) -> [Word] {
        var words: [Word] = []
        var i = text.startIndex
        let end = text.endIndex
        while i < end {
            while i < end, text[i].isWhitespace { i = text.index(after: i) }
            guard i < end else { break }
            let start = i
            while i < end, !text[i].isWhitespace { i = text.index(after: i) }
            let token = text[start..<i]
            var coreStart = token.startIndex
            var coreEnd = token.endIndex
            while coreStart < coreEnd, punctuation.contains(token[coreStart]) { coreStart = token.index(after: coreStart) }
            while coreEnd > coreStart {
                let prev = token.index(before: coreEnd)
                if punctuation.contains(token[prev]) { coreEnd = prev } else { break }
            }
            let core = token[coreStart..<coreEnd]
            words.append(
                Word(core: core, key: key(core), lead: token[token.startIndex..<coreStart],
                    trail: token[coreEnd..<token.endIndex], range: start..<i))
        }
        return words
    }

    /// Old-style tone placement in open syllables, mapped to the new style (rules.md §7).
    private static let tonePlacement: [(String, String)] = [
        ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
        ("oè", "òe"), ("oé", "óe"), ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"),
        ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"),
    ]

    static func key<S: StringProtocol>(_ word: S) -> String {
        var lower = word.lowercased()
        if lower.count >= 2 {
            for (old, new) in tonePlacement where lower.hasSuffix(old) {
                lower = String(lower.dropLast(2)) + new
                break
            }
        }
        return lower
    }

    /// The text from word `from` up to (not including) word `to`, as written in `text`.
    static func text(_ text: String, _ words: [Word], from: Int, to: Int) -> String {
        guard from < to, from >= 0, to <= words.count else { return "" }
        return String(text[words[from].range.lowerBound..<words[to - 1].range.upperBound])
    }

    /// Whether the words from `index` spell `phrase` (a list of keys).
    static func matches(_ words: [Word], at index: Int, _ phrase: [String]) -> Bool {
        guard index + phrase.count <= words.count else { return false }
        for (offset, part) in phrase.enumerated() where words[index + offset].key != part {
            return false
        }
        // Only the last word of the phrase may carry punctuation after it.
        for offset in 0..<max(0, phrase.count - 1) where !words[index + offset].trail.isEmpty {
            return false
        }
        return true
    }
}
