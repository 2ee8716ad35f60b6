import Crypto
import Foundation

extension Digest {
    /// The digest as lower-case hex, as files and evidence store it.
    var hex: String { map { String(format: "%02x", $0) }.joined() }
}

extension SHA256 {
    /// The SHA-256 of `data`, as lower-case hex.
    static func hex(_ data: Data) -> String { hash(data: data).hex }
}
