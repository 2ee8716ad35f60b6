import Foundation

/// Substring tests on UTF-8 bytes. Foundation's `range(of:)` goes through NSString on Linux and was a
/// large share of the run time in the per-paragraph pre-checks.
enum ByteSearch {
    static func contains(_ text: String, _ needle: String) -> Bool {
        offset(of: needle, in: text) != nil
    }

    /// The byte offset of the first occurrence of `needle` in `text`.
    static func offset(of needle: String, in text: String) -> Int? {
        let n = Array(needle.utf8)
        guard let first = n.first else { return 0 }
        return text.utf8.withContiguousStorageIfAvailable { hay in
            search(hay, n, first)
        } ?? Array(text.utf8).withUnsafeBufferPointer { search($0, n, first) }
    }

    private static func search(_ hay: UnsafeBufferPointer<UInt8>, _ n: [UInt8], _ first: UInt8) -> Int? {
        guard hay.count >= n.count else { return nil }
        var i = 0
        let last = hay.count - n.count
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < n.count, hay[i + k] == n[k] { k += 1 }
                if k == n.count { return i }
            }
            i += 1
        }
        return nil
    }

    static func containsAny(_ text: String, _ needles: [String]) -> Bool {
        needles.contains { contains(text, $0) }
    }
}

extension String {
    /// Foundation's `range(of:)`, by bytes when the string is ASCII, as folded text (`FastFold`) nearly
    /// always is: there the two agree exactly. Other text still goes to Foundation, whose matching of
    /// canonically equivalent sequences bytes would not reproduce.
    func foldedRange(of needle: String) -> Range<String.Index>? {
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return range(of: needle) }
        guard let start = ByteSearch.offset(of: needle, in: self) else { return nil }
        let lower = utf8.index(startIndex, offsetBy: start)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }

    /// Foundation's `contains(_:)`, by bytes when the string is ASCII (see `foldedRange(of:)`).
    func foldedContains(_ needle: String) -> Bool {
        foldedRange(of: needle) != nil
    }
}
