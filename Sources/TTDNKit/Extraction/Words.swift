import Foundation

/// A word of running text with the punctuation glued to it split off, and a key for lexicon look-ups.
struct Word {
    /// The word without surrounding punctuation, as written.
    let core: Substring
    /// Lower case with tone marks in one placement (`uỷ` → `ủy`), for look-ups.
    let key: String
    /// Punctuation written before the word (`(`, `“`). `lead` and `trail` hold punctuation scalars only
    /// (see `Words.split`), so callers test them for an ASCII mark on bytes, without Foundation's
    /// `contains(_: String)` (a bridged search, once 7 % of a plan).
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

    /// White space without the Unicode property tables (a profile showed them at 15 %).
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return v == 0xA0 || v == 0x1680 || (v >= 0x2000 && v <= 0x200B) || v == 0x2028 || v == 0x2029 || v == 0x202F
            || v == 0x205F || v == 0x3000 || v == 0xFEFF
    }

    static let punctuationScalars: Set<Unicode.Scalar> = Set(punctuation.flatMap { $0.unicodeScalars })

    /// Splits on white space; punctuation at either end of a token goes to `lead` / `trail`.
    /// Walks scalars (spaces and punctuation are single scalars; text is NFC): much cheaper than
    /// Characters, and the indices stay valid String indices.
    static func split(_ text: String) -> [Word] {
        var words: [Word] = []
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        let end = scalars.endIndex
        while i < end {
            while i < end, isSpace(scalars[i]) { i = scalars.index(after: i) }
            guard i < end else { break }
            let start = i
            while i < end, !isSpace(scalars[i]) { i = scalars.index(after: i) }
            var coreStart = start
            var coreEnd = i
            while coreStart < coreEnd, punctuationScalars.contains(scalars[coreStart]) { coreStart = scalars.index(after: coreStart) }
            while coreEnd > coreStart {
                let prev = scalars.index(before: coreEnd)
                if punctuationScalars.contains(scalars[prev]) { coreEnd = prev } else { break }
            }
            let core = text[coreStart..<coreEnd]
            words.append(
                Word(core: core, key: key(core), lead: text[start..<coreStart], trail: text[coreEnd..<i], range: start..<i))
        }
        return words
    }

    /// Old-style tone placement in open syllables, mapped to the new style (rules.md §7).
    private static let tonePlacement: [(String, String)] = [
        ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
        ("oè", "òe"), ("oé", "óe"), ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"),
        ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"),
    ]

    /// Last letters an old-style spelling can end in.
    private static let oldToneFinals: Set<Character> = ["à", "á", "ả", "ã", "ạ", "è", "é", "ẻ", "ẽ", "ẹ", "ỳ", "ý", "ỷ", "ỹ", "ỵ"]

    static func key<S: StringProtocol>(_ word: S) -> String {
        // ASCII words (abbreviations, numbers) need no Unicode tables.
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: word.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
        }
        if let fast = vietnameseKey(word) { return fast }
        var lower = word.lowercased()
        if let last = lower.last, oldToneFinals.contains(last), lower.count >= 2 {
            for (old, new) in tonePlacement where lower.hasSuffix(old) {
                lower = String(lower.dropLast(2)) + new
                break
            }
        }
        return lower
    }

    /// `key` for the common case, without `lowercased()` and its Unicode tables (the key of nearly every
    /// word of a plan is taken; `lowercased()` was 10 % of a plan's time). Handles words made of ASCII,
    /// Latin-1 and the Vietnamese letters of Latin Extended-A/B and Extended Additional, whose lower
    /// case is a fixed offset; anything else (combining marks, other scripts) returns nil and takes the
    /// general path, so results are the same as `lowercased()` followed by the tone mapping.
    private static func vietnameseKey<S: StringProtocol>(_ word: S) -> String? {
        // Writes into the new string's own storage: no array to allocate, and no allocation at all
        // for a short word. The mapping keeps every scalar's UTF-8 length, and so does the tone swap.
        var failed = false
        let key = String(unsafeUninitializedCapacity: word.utf8.count) { buffer in
            var length = 0
            func put(_ scalar: Unicode.Scalar) {
                for byte in UTF8.encode(scalar)! {
                    buffer[length] = byte
                    length += 1
                }
            }
            var count = 0
            var previous: Unicode.Scalar = " "
            var last: Unicode.Scalar = " "
            var lastStart = 0  // where `last` begins in the buffer
            for scalar in word.unicodeScalars {
                var v = scalar.value
                switch v {
                case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE: v += 0x20
                case 0x00...0x7F, 0xDF...0xFF: break
                case 0x100...0x12F, 0x168...0x169: v |= 1  // pairs: upper case even, lower case odd
                case 0x1A0...0x1A1: v = 0x1A1  // Ơ ơ
                case 0x1AF...0x1B0: v = 0x1B0  // Ư ư
                case 0x1EA0...0x1EF9: v |= 1
                default:
                    failed = true
                    return 0
                }
                previous = last
                last = Unicode.Scalar(v)!
                lastStart = length
                put(last)
                count += 1
            }
            // The old tone placement (`uỷ` → `ủy`): every scalar here is a whole Character, so comparing
            // the last two scalars is comparing the last two Characters. `previous` is `o` or `u`: one byte.
            if count >= 2, oldToneFinalScalars.contains(last) {
                for (old, new) in tonePlacementScalars where old.0 == previous && old.1 == last {
                    length = lastStart - 1
                    put(new.0)
                    put(new.1)
                    break
                }
            }
            return length
        }
        return failed ? nil : key
    }

    private static let oldToneFinalScalars: Set<Unicode.Scalar> = Set(oldToneFinals.map { $0.unicodeScalars.first! })
    private static let tonePlacementScalars: [((Unicode.Scalar, Unicode.Scalar), (Unicode.Scalar, Unicode.Scalar))] =
        tonePlacement.map { old, new in
            let o = Array(old.unicodeScalars), n = Array(new.unicodeScalars)
            return ((o[0], o[1]), (n[0], n[1]))
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
