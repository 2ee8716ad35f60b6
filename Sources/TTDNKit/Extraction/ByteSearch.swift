import Foundation

/// Substring tests on UTF-8 bytes. Foundation's `range(of:)` goes through NSString on Linux and was a
/// large share of the run time in the per-paragraph pre-checks.
enum ByteSearch {
    static func contains(_ text: String, _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard let first = n.first else { return true }
        var found = false
        text.utf8.withContiguousStorageIfAvailable { hay in
            found = search(hay, n, first)
        } ?? {
            found = search(Array(text.utf8)[...].withUnsafeBufferPointer { $0 }, n, first)
        }()
        return found
    }

    private static func search(_ hay: UnsafeBufferPointer<UInt8>, _ n: [UInt8], _ first: UInt8) -> Bool {
        guard hay.count >= n.count else { return false }
        var i = 0
        let last = hay.count - n.count
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < n.count, hay[i + k] == n[k] { k += 1 }
                if k == n.count { return true }
            }
            i += 1
        }
        return false
    }

    static func containsAny(_ text: String, _ needles: [String]) -> Bool {
        needles.contains { contains(text, $0) }
    }
}
