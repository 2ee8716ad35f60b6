import Foundation

/// `Word.key`: lower case, with the old tone placement in open syllables mapped to the new one
/// (`uỷ` → `ủy`, rules.md §7).
extension Words {
    /// Old-style tone placement in open syllables, mapped to the new style.
    private static let tonePlacement: [(String, String)] = [
        ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
        ("oè", "òe"), ("oé", "óe"), ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"),
        ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"),
    ]

    /// Last letters an old-style spelling can end in.
    private static let oldToneFinals: Set<Character> = [
        "à", "á", "ả", "ã", "ạ", "è", "é", "ẻ", "ẽ", "ẹ", "ỳ", "ý", "ỷ", "ỹ", "ỵ",
    ]

    static func key<S: StringProtocol>(_ word: S) -> String {
        let fast =
            word.utf8.withContiguousStorageIfAvailable { fastKey($0) }
            ?? Array(word.utf8).withUnsafeBufferPointer { fastKey($0) }
        return fast ?? generalKey(word)
    }

    /// `lowercased()` and the tone mapping, for words `fastKey` does not handle.
    static func generalKey<S: StringProtocol>(_ word: S) -> String {
        var lower = word.lowercased()
        if let last = lower.last, oldToneFinals.contains(last), lower.count >= 2 {
            for (old, new) in tonePlacement where lower.hasSuffix(old) {
                lower = String(lower.dropLast(2)) + new
                break
            }
        }
        return lower
    }

    /// `key` for the common case, from the word's UTF-8 bytes, without `lowercased()` and its Unicode
    /// tables (the key of nearly every word of a plan is taken; `lowercased()` was 10 % of a plan's
    /// time). Handles words made of ASCII, Latin-1 and the Vietnamese letters of Latin Extended-A/B and
    /// Extended Additional, whose lower case is a fixed offset; anything else (combining marks, other
    /// scripts) returns nil and takes `generalKey`, so results are the same as `lowercased()` followed
    /// by the tone mapping.
    static func fastKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // Writes into the new string's own storage: no array to allocate, and no allocation at all
        // for a short word. The mapping keeps every scalar's UTF-8 length, and so does the tone swap.
        var failed = false
        let key = String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var length = 0
            func put(_ v: UInt32) {
                for byte in UTF8.encode(Unicode.Scalar(v)!)! {
                    buffer[length] = byte
                    length += 1
                }
            }
            var count = 0
            var previous: UInt32 = 0x20
            var last: UInt32 = 0x20
            var lastStart = 0  // where `last` begins in the buffer
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte < 0x80 {
                    // ASCII, the common case: one byte in, one byte out.
                    previous = last
                    last = UInt32(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                    lastStart = length
                    buffer[length] = UInt8(last)
                    length += 1
                    count += 1
                    i += 1
                    continue
                }
                var (v, size) = UTF8Text.scalar(bytes, at: i)
                i += size
                switch v {
                case 0xC0...0xD6, 0xD8...0xDE: v += 0x20
                case 0xDF...0xFF: break
                case 0x100...0x12F, 0x168...0x169: v |= 1  // pairs: upper case even, lower case odd
                case 0x1A0...0x1A1: v = 0x1A1  // Ơ ơ
                case 0x1AF...0x1B0: v = 0x1B0  // Ư ư
                case 0x1EA0...0x1EF9: v |= 1
                default:
                    failed = true
                    return 0
                }
                previous = last
                last = v
                lastStart = length
                put(v)
                count += 1
            }
            // The old tone placement (`uỷ` → `ủy`): every scalar here is a whole Character, so comparing
            // the last two scalars is comparing the last two Characters. Every old spelling starts with
            // `o` or `u` (one byte), so other words skip the table.
            if count >= 2, previous == 0x6F || previous == 0x75 {
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

    private static let tonePlacementScalars: [((UInt32, UInt32), (UInt32, UInt32))] =
        tonePlacement.map { old, new in
            let o = Array(old.unicodeScalars)
            let n = Array(new.unicodeScalars)
            return ((o[0].value, o[1].value), (n[0].value, n[1].value))
        }
}
