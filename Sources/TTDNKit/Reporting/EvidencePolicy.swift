import Foundation

/// Which files a report may carry as evidence, and how big. The extension decides the type, and the first
/// bytes must agree with it, so a renamed executable or an HTML page cannot pass as a PDF. The content type
/// stored (and served) comes from this table, never from what the browser claimed.
public struct EvidencePolicy: Sendable, Equatable {
    public var maxBytes: Int
    public var maxFiles: Int

    public init(maxBytes: Int = 10 << 20, maxFiles: Int = 10) {
        self.maxBytes = maxBytes
        self.maxFiles = maxFiles
    }

    public enum Problem: String, Sendable, Equatable {
        case empty
        case tooLarge = "too-large"
        case type
        case contentMismatch = "content-mismatch"
        case tooMany = "too-many"
        case name
    }

    enum Magic { case pdf, zip, ole, jpeg, png, text }

    static let types: [String: (contentType: String, magic: Magic)] = [
        "pdf": ("application/pdf", .pdf),
        "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", .zip),
        "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", .zip),
        "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", .zip),
        "odt": ("application/vnd.oasis.opendocument.text", .zip),
        "zip": ("application/zip", .zip),
        "doc": ("application/msword", .ole),
        "xls": ("application/vnd.ms-excel", .ole),
        "jpg": ("image/jpeg", .jpeg),
        "jpeg": ("image/jpeg", .jpeg),
        "png": ("image/png", .png),
        "txt": ("text/plain; charset=utf-8", .text),
    ]

    /// The accepted extensions, for the form's `accept` attribute and its hint.
    public static var extensions: [String] { types.keys.sorted() }

    /// The content type to store for a file, or the first problem with it.
    public func check(filename: String, data: Data, alreadyAttached: Int = 0) -> Result<String, ProblemError> {
        check(filename: filename, sample: EvidenceSample(data), alreadyAttached: alreadyAttached)
    }

    /// The same for a file whose bytes were seen as they streamed past (`EvidenceSample`).
    public func check(filename: String, sample: EvidenceSample, alreadyAttached: Int = 0) -> Result<
        String, ProblemError
    > {
        let name = Self.cleanName(filename)
        guard !name.isEmpty else { return .failure(ProblemError(problem: .name)) }
        guard alreadyAttached < maxFiles else { return .failure(ProblemError(problem: .tooMany)) }
        guard sample.size > 0 else { return .failure(ProblemError(problem: .empty)) }
        guard sample.size <= maxBytes else { return .failure(ProblemError(problem: .tooLarge)) }
        let ext = (name as NSString).pathExtension.lowercased()
        guard let type = Self.types[ext] else { return .failure(ProblemError(problem: .type)) }
        guard Self.matches(type.magic, sample) else { return .failure(ProblemError(problem: .contentMismatch)) }
        return .success(type.contentType)
    }

    public struct ProblemError: Error, Equatable, Sendable {
        public var problem: Problem
    }

    static func matches(_ magic: Magic, _ sample: EvidenceSample) -> Bool {
        func starts(_ bytes: [UInt8]) -> Bool { sample.head.starts(with: bytes) }
        switch magic {
        case .pdf: return starts([0x25, 0x50, 0x44, 0x46, 0x2D])
        case .zip: return starts([0x50, 0x4B, 0x03, 0x04])
        case .ole: return starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        case .jpeg: return starts([0xFF, 0xD8, 0xFF])
        case .png: return starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case .text: return sample.isUTF8 && !sample.containsNUL
        }
    }

    /// The name as stored and offered on download: the last path component, without control characters or
    /// quotes, at most 180 characters (keeping the extension).
    public static func cleanName(_ filename: String) -> String {
        let last = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var name = String(
            last.unicodeScalars.filter { $0.value >= 0x20 && $0 != "\"" && $0.value != 0x7F }.map(Character.init))
        name = VietnameseText.nfc(name).trimmingCharacters(in: .whitespaces)
        if name.count > 180 {
            let ext = (name as NSString).pathExtension
            name = String(name.prefix(170 - ext.count)) + (ext.isEmpty ? "" : "." + ext)
        }
        return name
    }
}
