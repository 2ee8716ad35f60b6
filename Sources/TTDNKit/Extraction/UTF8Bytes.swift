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
    /// Calls `body` with the value of each scalar of `text`, in order, until it returns false. Decodes
    /// the string's own UTF-8 bytes (a Swift string is always valid UTF-8): iterating
    /// `unicodeScalars` costs about a hundred instructions a scalar, and whole-text passes (the
    /// decoder's checks, the NFC test) were 7 % of a plan.
    @inline(__always)
    static func forEachScalar(_ text: String, _ body: (UInt32) -> Bool) {
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let (v, length) = scalar(bytes, at: i)
                i += length
                if !body(v) { return }
            }
        }
    }

    /// The scalar whose UTF-8 encoding starts at `bytes[i]`, and that encoding's length. `bytes` must be
    /// valid UTF-8 (a Swift string's bytes are).
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        let high = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
        return (high | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F), 4)
    }

    /// Whether `text` is certainly already in NFC, so composing it would return it unchanged: every
    /// scalar is one whose NFC quick-check property is Yes and that no neighbour composes with — below
    /// U+0300 (ASCII, Latin-1, Latin Extended-A/B), Latin Extended Additional (the precomposed
    /// Vietnamese letters), general punctuation and currency signs, the BOM. Anything else (combining
    /// marks above all) answers false and the caller composes as before.
    static func isCertainlyNFC(_ text: String) -> Bool {
        var certain = true
        forEachScalar(text) { v in
            if v < 0x300 { return true }
            if (0x1E00...0x1EFF).contains(v) || (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v)
                || (0x20A0...0x20BF).contains(v) || v == 0xFEFF
            {
                return true
            }
            certain = false
            return false
        }
        return certain
    }
}
