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

    /// Letter counts and cases from the split, or nil when `core` has a Character the table does
    /// not know (then the properties below ask `Character`, as they always did).
    let shape: WordShape?

    var isCapitalised: Bool {
        if let shape { return shape.firstIsUppercase }
        return core.first.map { $0.isUppercase } ?? false
    }
    var startsLowercase: Bool {
        if let shape { return shape.firstIsLowercase }
        return core.first.map { $0.isLowercase } ?? false
    }
    var startsWithLetter: Bool {
        if let shape { return shape.firstIsLetter }
        return core.first?.isLetter ?? false
    }
    var isAllCaps: Bool {
        if let shape { return shape.letters > 0 && !shape.hasLowercaseLetter }
        var letters = 0
        for ch in core where ch.isLetter {
            if ch.isLowercase { return false }
            letters += 1
        }
        return letters > 0
    }
    /// The number of letters in `core`.
    var letterCount: Int { shape?.letters ?? core.count(where: { $0.isLetter }) }
    /// The number of Characters in `core`.
    var count: Int { shape?.count ?? core.count }
}

enum Words {
    static let punctuation: Set<Character> = [
        ",", ";", ":", ".", "(", ")", "\"", "“", "”", "'", "‘", "’", "!", "?", "…", "[", "]",
    ]

    /// White space without the Unicode property tables (a profile showed them at 15 %).
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool { isSpace(s.value) }

    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return v == 0xA0 || v == 0x1680 || (v >= 0x2000 && v <= 0x200B) || v == 0x2028 || v == 0x2029 || v == 0x202F
            || v == 0x205F || v == 0x3000 || v == 0xFEFF
    }

    /// The scalars of `punctuation` (each of its Characters is one scalar), without hashing a `Set`.
    @inline(__always)
    static func isPunctuation(_ v: UInt32) -> Bool {
        switch v {
        case 0x21, 0x22, 0x27, 0x28, 0x29, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F, 0x5B, 0x5D: return true
        case 0x2018, 0x2019, 0x201C, 0x201D, 0x2026: return true
        default: return false
        }
    }

    /// Splits on white space; punctuation at either end of a token goes to `lead` / `trail`.
    /// Walks the UTF-8 bytes (spaces and punctuation are single scalars; text is NFC) and takes each
    /// word's key from them in the same pass: scalar-view indices and Substring keys were 17 % of a plan.
    static func split(_ text: String) -> [Word] {
        var words: [Word] = []
        var source = text
        source.withUTF8 { bytes in
            let utf8 = text.utf8
            func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
            let end = bytes.count
            var i = 0
            while i < end {
                var (v, length) = UTF8Text.scalar(bytes, at: i)
                if isSpace(v) {
                    i += length
                    continue
                }
                // A token: from here to the next space. Its core runs from the first scalar that is not
                // punctuation to the end of the last one.
                let start = i
                var coreStart = -1
                var coreEnd = i
                // Punctuation scalars are one-scalar Characters and not letters: the shape of the core
                // is the shape of the token's other scalars.
                var shape = WordShape()
                var shapeKnown = true
                var scalarsInCore = 0  // so far, from the core's start
                while true {
                    if coreStart >= 0 { scalarsInCore += 1 }
                    if !isPunctuation(v) {
                        let flags = LetterCase.flags(v)
                        if flags == 0 { shapeKnown = false }
                        if coreStart < 0 {
                            coreStart = i
                            scalarsInCore = 1
                            shape.firstIsLetter = flags & LetterCase.letter != 0
                            shape.firstIsUppercase = flags & LetterCase.upper != 0
                            shape.firstIsLowercase = flags & LetterCase.lower != 0
                        }
                        if flags & LetterCase.letter != 0 {
                            shape.letters += 1
                            if flags & LetterCase.lower != 0 { shape.hasLowercaseLetter = true }
                        }
                        coreEnd = i + length
                        shape.count = scalarsInCore
                    }
                    i += length
                    guard i < end else { break }
                    (v, length) = UTF8Text.scalar(bytes, at: i)
                    if isSpace(v) { break }
                }
                if coreStart < 0 {
                    coreStart = i
                    coreEnd = i
                    shape = WordShape()
                }
                let core = text[index(coreStart)..<index(coreEnd)]
                let key = fastKey(UnsafeBufferPointer(rebasing: bytes[coreStart..<coreEnd])) ?? generalKey(core)
                // Most words have no punctuation: an empty literal costs nothing, slicing `text` about
                // two hundred instructions (callers only read what `lead` and `trail` hold).
                let lead = coreStart == start ? "" : text[index(start)..<index(coreStart)]
                let trail = coreEnd == i ? "" : text[index(coreEnd)..<index(i)]
                words.append(
                    Word(
                        core: core, key: key, lead: lead, trail: trail, range: index(start)..<index(i),
                        shape: shapeKnown ? shape : nil))
            }
        }
        return words
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
