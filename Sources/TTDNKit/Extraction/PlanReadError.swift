import Foundation

/// Why a file could not be read at all. Each case has a stable `code` and a one-line English `message`.
public enum PlanReadError: Error, Sendable, Equatable {
    case emptyFile
    case tooLarge(limit: Int)
    case unsupportedFormat(String)
    case notADocx(String)
    case docxBomb(limit: Int)
    case malformedXML(String)
    case pdfToolMissing
    case pdfFailed(String)
    case docToolMissing
    case ocrToolMissing
    case docFailed(String)
    case legacyEncodingUnconvertible(String)
    case unreadable(String)

    public var code: String {
        switch self {
        case .emptyFile: return "empty-file"
        case .tooLarge: return "too-large"
        case .unsupportedFormat: return "unsupported-format"
        case .notADocx: return "not-a-docx"
        case .docxBomb: return "docx-bomb"
        case .malformedXML: return "malformed-xml"
        case .pdfToolMissing: return "pdf-tool-missing"
        case .pdfFailed: return "pdf-failed"
        case .docToolMissing: return "doc-tool-missing"
        case .ocrToolMissing: return "ocr-tool-missing"
        case .docFailed: return "doc-failed"
        case .legacyEncodingUnconvertible: return "legacy-encoding"
        case .unreadable: return "unreadable"
        }
    }

    public var message: String {
        switch self {
        case .emptyFile: return "the file is empty"
        case .tooLarge(let limit): return "the file is larger than the \(Self.megabytes(limit)) limit"
        case .unsupportedFormat(let what): return "unsupported format (\(what)): give plain text, Markdown, DOCX or PDF"
        case .notADocx(let why): return "not a Word document (.docx): \(why)"
        case .docxBomb(let limit):
            return "the Word document expands past the \(Self.megabytes(limit)) limit; refused"
        case .malformedXML(let why): return "the Word document's XML is malformed: \(why)"
        case .pdfToolMissing:
            return
                "reading PDF needs pdftotext from poppler-utils: install it with `apt-get install poppler-utils` (or `brew install poppler`)"
        case .pdfFailed(let why): return "pdftotext could not read the PDF: \(why)"
        case .docToolMissing:
            return
                "reading an old Word .doc needs LibreOffice: install it with apt-get install libreoffice-writer-nogui, or save the file as .docx"
        case .docFailed(let why): return "LibreOffice could not convert the .doc: \(why)"
        case .ocrToolMissing:
            return
                "this PDF has no text layer (a scan): reading it needs Tesseract OCR with its Vietnamese model: install it with apt-get install tesseract-ocr tesseract-ocr-vie"
        case .legacyEncodingUnconvertible(let what):
            return
                "the text is in \(what), which cannot be converted reliably; save it as Unicode (UTF-8) and try again"
        case .unreadable(let why): return "cannot read the file: \(why)"
        }
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MB" : "\(bytes) byte"
    }
}

extension PlanReadError: CustomStringConvertible {
    public var description: String { message }
}
