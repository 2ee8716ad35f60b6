import Foundation

/// A small streaming XML reader for Office Open XML parts: start tags with attributes, end tags, text.
///
/// Deliberately limited: no DTDs (a `<!DOCTYPE` is refused, so no entity expansion can blow up), no
/// recursion (nesting depth costs nothing but a counter), names reported without their prefix
/// (`w:p` → `p`). Malformed input ends with `XMLError`, never a crash.
struct XMLTokenizer {
    enum Event {
        case start(name: Substring, attributes: [(Substring, String)], selfClosing: Bool)
        case end(name: Substring)
        case text(String)
    }

    struct XMLError: Error {
        var reason: String
        var offset: Int
    }

    private let bytes: [UInt8]
    private var i = 0
    private(set) var depth = 0
    /// Deeper nesting than this is refused: no real document part comes near it.
    static let maxDepth = 2_000

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    private static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), amp = UInt8(ascii: "&")
    private static let slash = UInt8(ascii: "/"), bang = UInt8(ascii: "!"), question = UInt8(ascii: "?")
    private static let eq = UInt8(ascii: "="), quote = UInt8(ascii: "\""), apos = UInt8(ascii: "'")
    private static let colon = UInt8(ascii: ":")

    /// The next event, or nil at the end of input.
    mutating func next() throws(XMLError) -> Event? {
        while i < bytes.count {
            if bytes[i] != Self.lt {
                let start = i
                while i < bytes.count, bytes[i] != Self.lt { i += 1 }
                return .text(try decodeText(bytes[start..<i]))
            }
            // Markup
            guard i + 1 < bytes.count else { throw XMLError(reason: "unterminated tag", offset: i) }
            let c = bytes[i + 1]
            if c == Self.question {
                try skip(past: [Self.question, Self.gt])
                continue
            }
            if c == Self.bang {
                if matches("<!--") {
                    try skip(past: Array("-->".utf8))
                    continue
                }
                if matches("<![CDATA[") {
                    let start = i + 9
                    try skip(past: Array("]]>".utf8))
                    return .text(String(decoding: bytes[start..<(i - 3)], as: UTF8.self))
                }
                throw XMLError(reason: "DOCTYPE and other declarations are not accepted", offset: i)
            }
            if c == Self.slash {
                i += 2
                let name = try readName()
                skipSpaces()
                guard i < bytes.count, bytes[i] == Self.gt else { throw XMLError(reason: "bad end tag", offset: i) }
                i += 1
                depth -= 1
                guard depth >= 0 else { throw XMLError(reason: "unbalanced end tag", offset: i) }
                return .end(name: name)
            }
            i += 1
            let name = try readName()
            var attributes: [(Substring, String)] = []
            while true {
                skipSpaces()
                guard i < bytes.count else { throw XMLError(reason: "unterminated tag", offset: i) }
                if bytes[i] == Self.gt {
                    i += 1
                    depth += 1
                    guard depth <= Self.maxDepth else {
                        throw XMLError(reason: "nesting deeper than \(Self.maxDepth)", offset: i)
                    }
                    return .start(name: name, attributes: attributes, selfClosing: false)
                }
                if bytes[i] == Self.slash {
                    guard i + 1 < bytes.count, bytes[i + 1] == Self.gt else {
                        throw XMLError(reason: "bad empty tag", offset: i)
                    }
                    i += 2
                    return .start(name: name, attributes: attributes, selfClosing: true)
                }
                let attrName = try readName()
                skipSpaces()
                guard i < bytes.count, bytes[i] == Self.eq else {
                    throw XMLError(reason: "attribute without value", offset: i)
                }
                i += 1
                skipSpaces()
                guard i < bytes.count, bytes[i] == Self.quote || bytes[i] == Self.apos else {
                    throw XMLError(reason: "unquoted attribute", offset: i)
                }
                let q = bytes[i]
                i += 1
                let start = i
                while i < bytes.count, bytes[i] != q { i += 1 }
                guard i < bytes.count else { throw XMLError(reason: "unterminated attribute", offset: start) }
                let value = try decodeText(bytes[start..<i])
                i += 1
                if attributes.count < 64 { attributes.append((attrName, value)) }
            }
        }
        return nil
    }

    private func matches(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard i + u.count <= bytes.count else { return false }
        for k in 0..<u.count where bytes[i + k] != u[k] { return false }
        return true
    }

    private mutating func skip(past terminator: [UInt8]) throws(XMLError) {
        var j = i
        while j + terminator.count <= bytes.count {
            var hit = true
            for k in 0..<terminator.count where bytes[j + k] != terminator[k] {
                hit = false
                break
            }
            if hit {
                i = j + terminator.count
                return
            }
            j += 1
        }
        throw XMLError(reason: "unterminated markup", offset: i)
    }

    private mutating func skipSpaces() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    /// A name without its namespace prefix.
    private mutating func readName() throws(XMLError) -> Substring {
        let start = i
        var local = i
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == Self.gt || b == Self.slash || b == Self.eq {
                break
            }
            if b == Self.colon { local = i + 1 }
            i += 1
        }
        guard i > start, local < i, i - start < 256 else { throw XMLError(reason: "bad name", offset: start) }
        return Substring(String(decoding: bytes[local..<i], as: UTF8.self))
    }

    /// Text with the five entities and numeric character references resolved.
    private func decodeText(_ slice: ArraySlice<UInt8>) throws(XMLError) -> String {
        guard slice.contains(Self.amp) else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var j = slice.startIndex
        while j < slice.endIndex {
            let b = slice[j]
            guard b == Self.amp else {
                out.append(b)
                j += 1
                continue
            }
            guard let semi = slice[j..<min(slice.endIndex, j + 12)].firstIndex(of: UInt8(ascii: ";")) else {
                throw XMLError(reason: "bad entity", offset: j)
            }
            let name = String(decoding: slice[(j + 1)..<semi], as: UTF8.self)
            var scalar: Unicode.Scalar?
            switch name {
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "amp": scalar = "&"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if name.hasPrefix("#") {
                    scalar = UInt32(name.dropFirst(1)).flatMap(Unicode.Scalar.init)
                }
            }
            guard let scalar else { throw XMLError(reason: "unknown entity &\(name);", offset: j) }
            out.append(contentsOf: Array(String(scalar).utf8))
            j = semi + 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
