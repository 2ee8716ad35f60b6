import Foundation

/// What an uploaded image is and how big, read from its first bytes: PNG, JPEG, GIF or WebP. The site serves
/// only these, with the width and height in the page (no layout shift), and refuses anything else whatever
/// its name or declared type says.
public struct ImageHeader: Sendable, Equatable {
    public enum Format: String, Sendable, CaseIterable {
        case png, jpeg, gif, webp

        public var contentType: String { "image/\(rawValue)" }
    }

    public var format: Format
    public var width: Int
    public var height: Int

    public init(format: Format, width: Int, height: Int) {
        self.format = format
        self.width = width
        self.height = height
    }

    /// The largest side accepted: bigger images are not for a web page.
    public static let maxSide = 12_000

    /// nil when the bytes are not one of the four formats, or their size cannot be read or is out of bounds.
    public static func read(_ data: Data) -> ImageHeader? {
        let b = [UInt8](data.prefix(512 * 1024))
        func be16(_ i: Int) -> Int? { i + 1 < b.count ? Int(b[i]) << 8 | Int(b[i + 1]) : nil }
        func le16(_ i: Int) -> Int? { i + 1 < b.count ? Int(b[i]) | Int(b[i + 1]) << 8 : nil }
        func be32(_ i: Int) -> Int? {
            guard let hi = be16(i), let lo = be16(i + 2) else { return nil }
            return hi << 16 | lo
        }
        func checked(_ format: Format, _ width: Int?, _ height: Int?) -> ImageHeader? {
            guard let width, let height, (1...maxSide).contains(width), (1...maxSide).contains(height) else {
                return nil
            }
            return ImageHeader(format: format, width: width, height: height)
        }
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            // The IHDR chunk comes first: width and height at bytes 16 and 20.
            guard b.count >= 24, Array(b[12..<16]) == Array("IHDR".utf8) else { return nil }
            return checked(.png, be32(16), be32(20))
        }
        if b.starts(with: Array("GIF87a".utf8)) || b.starts(with: Array("GIF89a".utf8)) {
            return checked(.gif, le16(6), le16(8))
        }
        if b.count >= 30, b.starts(with: Array("RIFF".utf8)), Array(b[8..<12]) == Array("WEBP".utf8) {
            let chunk = String(decoding: b[12..<16], as: UTF8.self)
            switch chunk {
            case "VP8 ":
                guard let w = le16(26), let h = le16(28) else { return nil }
                return checked(.webp, w & 0x3FFF, h & 0x3FFF)
            case "VP8L":
                guard b.count >= 25 else { return nil }
                let bits = Int(b[21]) | Int(b[22]) << 8 | Int(b[23]) << 16 | Int(b[24]) << 24
                return checked(.webp, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
            case "VP8X":
                let w = Int(b[24]) | Int(b[25]) << 8 | Int(b[26]) << 16
                let h = Int(b[27]) | Int(b[28]) << 8 | Int(b[29]) << 16
                return checked(.webp, w + 1, h + 1)
            default: return nil
            }
        }
        if b.starts(with: [0xFF, 0xD8]) {
            // Walk the segments to the first start-of-frame marker, which holds the size.
            var i = 2
            while i + 9 < b.count {
                guard b[i] == 0xFF else { return nil }
                let marker = b[i + 1]
                if marker == 0xFF {
                    i += 1
                    continue
                }
                if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) {
                    i += 2
                    continue
                }
                guard let length = be16(i + 2), length >= 2 else { return nil }
                let startOfFrame: Set<UInt8> = [
                    0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF,
                ]
                if startOfFrame.contains(marker) { return checked(.jpeg, be16(i + 7), be16(i + 5)) }
                i += 2 + length
            }
            return nil
        }
        return nil
    }
}
