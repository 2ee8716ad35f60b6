/// What `EvidencePolicy` needs to know of a file's bytes, gathered while they arrive: an upload is streamed
/// to disk in chunks, never held whole in memory, so the size, the first bytes and whether the whole file is
/// UTF-8 text without NUL are kept up to date chunk by chunk.
public struct EvidenceSample: Sendable, Equatable {
    /// Bytes seen so far.
    public private(set) var size = 0
    /// The first bytes, for the type's signature.
    public private(set) var head: [UInt8] = []
    public private(set) var containsNUL = false
    private var utf8 = UTF8Check()

    static let headLength = 8

    public init() {}

    public init<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        append(bytes)
    }

    public mutating func append<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        size += bytes.count
        if head.count < Self.headLength { head.append(contentsOf: bytes.prefix(Self.headLength - head.count)) }
        for byte in bytes {
            if byte == 0 { containsNUL = true }
            utf8.feed(byte)
        }
    }

    /// Every byte so far forms well-formed UTF-8 (no sequence cut off at the end).
    public var isUTF8: Bool { utf8.isComplete }
}

/// A UTF-8 checker fed one byte at a time (RFC 3629: no overlong forms, no surrogates, nothing above
/// U+10FFFF), so a chunk boundary may fall inside a character.
struct UTF8Check: Sendable, Equatable {
    private var failed = false
    /// Continuation bytes still expected for the current character.
    private var pending = 0
    /// The allowed range of the next continuation byte (narrower right after some lead bytes).
    private var low: UInt8 = 0x80
    private var high: UInt8 = 0xBF

    var isComplete: Bool { !failed && pending == 0 }

    mutating func feed(_ byte: UInt8) {
        guard !failed else { return }
        if pending > 0 {
            guard byte >= low && byte <= high else {
                failed = true
                return
            }
            pending -= 1
            low = 0x80
            high = 0xBF
            return
        }
        switch byte {
        case 0x00...0x7F: return
        case 0xC2...0xDF: pending = 1
        case 0xE0: (pending, low) = (2, 0xA0)
        case 0xE1...0xEC, 0xEE...0xEF: pending = 2
        case 0xED: (pending, high) = (2, 0x9F)
        case 0xF0: (pending, low) = (3, 0x90)
        case 0xF1...0xF3: pending = 3
        case 0xF4: (pending, high) = (3, 0x8F)
        default: failed = true
        }
    }
}
