import Foundation

/// Normalisation of Vietnamese text for storage, matching and sorting (rules.md §7).
///
/// Three levels, from strict to loose:
/// - `nfc`: what we store and show. Canonical composition, nothing else changes.
/// - `toneKey`: equal for spellings that differ only in where the tone mark sits
///   (`uỷ`/`ủy`, `hoá`/`hóa`) and in case; still tells `Sở` from `Số`.
/// - `fold`: no diacritics at all, `đ`→`d`, lower case. For search and fuzzy matching.
public enum VietnameseText {
    /// The five tone marks as combining characters (huyền, sắc, ngã, hỏi, nặng).
    static let toneMarks: [Unicode.Scalar: Character] = [
        "\u{0300}": "2", "\u{0301}": "1", "\u{0303}": "4", "\u{0309}": "3", "\u{0323}": "5",
    ]

    /// Canonical composition (NFC). Everything the platform stores goes through this.
    public static func nfc(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }

    /// Collapses runs of white space (including non-breaking spaces) into one space and trims the ends.
    public static func collapseWhitespace(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for ch in text {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            }
        }
        return out
    }

    /// A key equal for the same words written with old or new tone-mark placement, in any case.
    /// Each word keeps its vowel marks (â, ă, ê, ô, ơ, ư, đ) and carries its tone as a trailing digit.
    public static func toneKey(_ text: String) -> String {
        let words = collapseWhitespace(text.lowercased()).split(separator: " ", omittingEmptySubsequences: true)
        return words.map { word -> String in
            var tone: Character?
            var scalars = String.UnicodeScalarView()
            for scalar in String(word).decomposedStringWithCanonicalMapping.unicodeScalars {
                if let t = toneMarks[scalar] {
                    tone = t
                } else {
                    scalars.append(scalar)
                }
            }
            var base = String(scalars).precomposedStringWithCanonicalMapping
            if let tone { base.append(tone) }
            return base
        }.joined(separator: " ")
    }

    /// Removes every diacritic, folds `đ` to `d` and lower-cases. SQLite's FTS5 cannot fold `đ`,
    /// so search keys are computed here, in Swift, for both databases.
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue  // combining marks
            case 0x0111: out.append("d")  // đ
            default: out.append(scalar)
            }
        }
        return collapseWhitespace(String(out))
    }

    /// `fold` reduced to letters and digits separated by single spaces: punctuation becomes a space.
    /// Used for matching names written with different punctuation (`Phát thanh - Truyền hình`).
    public static func searchKey(_ text: String) -> String {
        let folded = fold(text)
        var out = ""
        out.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        for ch in folded {
            if ch.isLetter || ch.isNumber {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// A key that sorts Vietnamese names in dictionary order on both databases (binary collation):
    /// the folded letters first, then the tone key to break ties deterministically.
    public static func sortKey(_ text: String) -> String {
        searchKey(text) + "\u{1}" + toneKey(text)
    }
}
