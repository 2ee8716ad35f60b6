import Foundation

/// `VietnameseText.fold` (lower case, tone and vowel marks gone, `đ` → `d`, white space collapsed)
/// without its Foundation decomposition, which bridges through `NSString` (7 % of a plan in a profile).
///
/// The fast path handles text whose every scalar is ASCII, a combining mark, or a precomposed Latin
/// letter that folds to one ASCII letter; the table of those letters is built by running
/// `VietnameseText.fold` on each of them, so the two cannot disagree. Any other scalar sends the whole
/// text to `VietnameseText.fold`.
enum FastFold {
    /// Folded ASCII letter for scalars below `tableEnd`, 0 where the fast path does not apply.
    private static let tableEnd: UInt32 = 0x1F00
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 0, count: Int(tableEnd))
        for v in UInt32(0xC0)..<tableEnd where v < 0x250 || v >= 0x1E00 {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let folded = VietnameseText.fold(String(scalar)).utf8
            if folded.count == 1, let byte = folded.first, (0x61...0x7A).contains(byte) { table[Int(v)] = byte }
        }
        return table
    }()

    static func fold(_ text: String) -> String {
        var failed = false
        let folded = String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
            var length = 0
            var pendingSpace = false
            for scalar in text.unicodeScalars {
                let v = scalar.value
                var byte: UInt8
                if v < 0x80 {
                    byte = UInt8(v)
                    // White space as `collapseWhitespace` sees it in ASCII (`\r\n` is one Character,
                    // but a run collapses to one space either way).
                    if byte == 0x20 || (0x09...0x0D).contains(byte) {
                        pendingSpace = length > 0
                        continue
                    }
                    if (0x41...0x5A).contains(byte) { byte += 0x20 }
                } else if (0x300...0x36F).contains(v) {
                    continue  // combining marks: fold drops them
                } else if v < tableEnd, table[Int(v)] != 0 {
                    byte = table[Int(v)]
                } else {
                    failed = true
                    return 0
                }
                if pendingSpace {
                    buffer[length] = 0x20
                    length += 1
                    pendingSpace = false
                }
                buffer[length] = byte
                length += 1
            }
            return length
        }
        return failed ? VietnameseText.fold(text) : folded
    }
}
