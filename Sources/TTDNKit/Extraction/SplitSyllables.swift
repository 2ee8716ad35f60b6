import Foundation

/// Rejoins Vietnamese syllables that a PDF's text layer split before their vowel (`S ở` → `Sở`,
/// `t ỉnh` → `tỉnh`, `kinh t ế` → `kinh tế`). Some PDF makers place a vowel with its marks as a glyph of
/// its own, and `pdftotext` then sees a gap after the initial consonants. A Vietnamese word never consists
/// of consonants alone, so a token made only of a valid onset (`t`, `ng`, `Tr`), followed by a token that
/// begins with a vowel, is one syllable cut in two. Abbreviations (`UBND`, `TP`, `HĐND`: two or more
/// capitals) are left alone.
enum SplitSyllables {
    /// The onsets of Vietnamese syllables, lower case.
    static let onsets: Set<String> = [
        "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p", "ph",
        "qu", "r", "s", "t", "th", "tr", "v", "x",
    ]

    static let vowels: Set<Character> = Set("aăâeêioôơuưy")

    /// Whether `c`, with its tone and vowel marks removed, is a vowel.
    static func isVowel(_ c: Character) -> Bool {
        guard let base = String(c).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars.first else {
            return false
        }
        let letter = Character(base)
        if vowels.contains(letter) { return true }
        // ă, â, ê, ô, ơ, ư keep a mark of their own after decomposition: test the composed letter's base.
        return "aeiouy".contains(letter)
    }

    static func repair(_ line: String) -> String {
        guard line.contains(" ") else { return line }
        var tokens = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var i = 0
        while i + 1 < tokens.count {
            if joins(tokens[i], tokens[i + 1]) {
                tokens[i] += tokens[i + 1]
                tokens.remove(at: i + 1)
            }
            i += 1
        }
        return tokens.joined(separator: " ")
    }

    /// `a` is only the onset of a syllable whose rest is `b`.
    static func joins(_ a: String, _ b: String) -> Bool {
        guard let first = b.first, first.isLetter, isVowel(first), !a.isEmpty, a.count <= 3,
            a.allSatisfy({ $0.isLetter && !isVowel($0) }), onsets.contains(a.lowercased())
        else { return false }
        let aCaps = a.allSatisfy(\.isUppercase)
        let bCaps = b.filter(\.isLetter).allSatisfy(\.isUppercase)
        // Two capitals may be an abbreviation (`TP`, `TH`); in a line of capitals they are an onset only
        // before a vowel with Vietnamese marks (`TR ƯỜNG`).
        if a.count >= 2 && aCaps { return bCaps && !first.isASCII }
        // `S ở`, `t ỉnh`, `T ỈNH`; not a capital word after a lower-case letter.
        return first.isUppercase ? aCaps && bCaps : true
    }
}
