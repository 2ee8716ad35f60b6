import Foundation

/// Which reader a file needs, by its first bytes (the name only breaks ties).
enum FormatSniffer {
    enum Format: Equatable {
        case text, docx, pdf, zip
        case binary(String)
        /// Word 97–2003 (an OLE compound file), converted by LibreOffice.
        case legacyDoc
    }

    static func sniff(_ data: Data, filename: String) -> Format {
        let head = [UInt8](data.prefix(8))
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .docx }
        if head.starts(with: Array("%PDF".utf8)) { return .pdf }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return .legacyDoc }
        if head.starts(with: Array("{\\rtf".utf8)) { return .binary("RTF; save it as .docx or plain text") }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) || head.starts(with: [0xFF, 0xD8, 0xFF])
            || head.starts(with: Array("GIF8".utf8))
        {
            return .binary("an image; scanned plans need OCR first")
        }
        if head.starts(with: [0x1F, 0x8B]) { return .binary("gzip data") }
        let lower = filename.lowercased()
        if lower.hasSuffix(".docx") && !data.isEmpty { return .docx }
        return .text
    }
}
