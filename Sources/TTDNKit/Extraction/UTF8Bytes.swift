import Foundation

/// Building strings as UTF-8 bytes. `String.UnicodeScalarView.append` costs several hundred
/// instructions a scalar (a profile showed it at 10 % of a plan); appending bytes to an array and
/// decoding once is a few.
extension Array where Element == UInt8 {
    @inline(__always)
    mutating func appendUTF8(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        if v < 0x80 {
            append(UInt8(v))
        } else if v < 0x800 {
            append(UInt8(0xC0 | (v >> 6)))
            append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            append(UInt8(0xE0 | (v >> 12)))
            append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            append(UInt8(0x80 | (v & 0x3F)))
        } else {
            append(UInt8(0xF0 | (v >> 18)))
            append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}

enum UTF8Text {
    /// Whether `text` is certainly already in NFC, so composing it would return it unchanged: every
    /// scalar is one whose NFC quick-check property is Yes and that no neighbour composes with — below
    /// U+0300 (ASCII, Latin-1, Latin Extended-A/B), Latin Extended Additional (the precomposed
    /// Vietnamese letters), general punctuation and currency signs, the BOM. Anything else (combining
    /// marks above all) answers false and the caller composes as before.
    static func isCertainlyNFC(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x300 { continue }
            if (0x1E00...0x1EFF).contains(v) || (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v)
                || (0x20A0...0x20BF).contains(v) || v == 0xFEFF
            {
                continue
            }
            return false
        }
        return true
    }
}
