import Foundation

/// `Character.isLetter`, `isUppercase` and `isLowercase` for the scalars Vietnamese text is made of,
/// from a table instead of the Unicode property look-ups (they were most of the agency rules' time).
///
/// The table is filled by asking `Character` itself about each scalar, so the two cannot disagree. It
/// answers for a Character only when that Character is the scalar alone; every scalar in the table
/// (printable ASCII, Latin-1, Latin Extended-A/B, Latin Extended Additional) breaks graphemes on both
/// sides, so a run of them is a run of one-scalar Characters. Control characters are left out (`\r\n`
/// is one Character).
enum LetterCase {
    static let letter: UInt8 = 1
    static let upper: UInt8 = 2
    static let lower: UInt8 = 4
    /// Set for every scalar the table answers for.
    static let known: UInt8 = 0x80

    private static let latinEnd: UInt32 = 0x250
    private static let additional: ClosedRange<UInt32> = 0x1E00...0x1EFF

    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 0, count: Int(latinEnd) + additional.count)
        for v in UInt32(0x20)..<latinEnd where !(0x7F...0x9F).contains(v) {
            table[Int(v)] = flags(of: Character(Unicode.Scalar(v)!))
        }
        for v in additional {
            table[Int(latinEnd + v - additional.lowerBound)] = flags(of: Character(Unicode.Scalar(v)!))
        }
        return table
    }()

    private static func flags(of ch: Character) -> UInt8 {
        known | (ch.isLetter ? letter : 0) | (ch.isUppercase ? upper : 0) | (ch.isLowercase ? lower : 0)
    }

    /// The flags of scalar `v`, or 0 when the table does not answer for it.
    @inline(__always)
    static func flags(_ v: UInt32) -> UInt8 {
        if v < latinEnd { return table[Int(v)] }
        if additional.contains(v) { return table[Int(latinEnd + v - additional.lowerBound)] }
        return 0
    }
}

/// What the agency rules ask about a word's letters, read from `LetterCase` while the word is split.
/// Only for words whose core is all one-scalar Characters the table knows (nearly every word);
/// `Word` asks `Character` for the others.
struct WordShape {
    /// Characters (= scalars) in the core.
    var count = 0
    var letters = 0
    var hasLowercaseLetter = false
    var firstIsLetter = false
    var firstIsUppercase = false
    var firstIsLowercase = false
}
