import Foundation

/// Reads a plan from a file's bytes: plain text or Markdown (any of the encodings `TextDecoding`
/// knows), DOCX, or PDF through `pdftotext`. The entry point for `ttdn extract` and the import screen.
public enum PlanReader {
    public struct Options: Sendable {
        /// Larger inputs are refused before anything is parsed.
        public var maxInputBytes: Int = 32 << 20
        /// The most the DOCX parts read (document, numbering, styles, footnotes) may expand to, together.
        public var maxExpandedDocxBytes: Int = 64 << 20
        /// Where to find `pdftotext`; nil searches `PATH`.
        public var pdftotextPath: String?
        /// How long `pdftotext` may run.
        public var pdfTimeout: TimeInterval = 60
        /// Where to find LibreOffice's `soffice` (for `.doc`); nil searches `PATH`.
        public var sofficePath: String?
        /// How long a `.doc` conversion may run.
        public var docTimeout: TimeInterval = 120
        /// Where to find `tesseract` (for scanned PDFs); nil searches `PATH`.
        public var tesseractPath: String?
        /// How long reading a scan may take, all pages together.
        public var ocrTimeout: TimeInterval = 600

        public init() {}
    }

    public static func read(data: Data, filename: String, options: Options = .init()) throws(PlanReadError)
        -> PlanExtraction
    {
        guard !data.isEmpty else { throw .emptyFile }
        guard data.count <= options.maxInputBytes else { throw .tooLarge(limit: options.maxInputBytes) }
        switch FormatSniffer.sniff(data, filename: filename) {
        case .docx:
            let docx = try DocxReader.read(data, maxExpandedBytes: options.maxExpandedDocxBytes)
            var text = docx.text
            var footnotes = docx.footnotes
            var encoding = "utf-8"
            if let legacy = LegacyEncoding.repairFontEncoded(text) {
                text = legacy.text
                footnotes = footnotes.map { LegacyEncoding.convert($0, from: legacy.encoding) }
                encoding = legacy.encoding.rawValue
            }
            return extraction(
                text: text, footnotes: footnotes, joinBrokenLines: false, format: .docx, encoding: encoding)
        case .pdf:
            let text = try PdfText.text(from: data, options: options)
            return extraction(text: text, footnotes: [], joinBrokenLines: true, format: .pdf, encoding: "utf-8")
        case .legacyDoc:
            let docx = try LegacyDoc.docx(from: data, options: options)
            return try read(data: docx, filename: filename + ".docx", options: options)
        case .zip:
            throw .notADocx("a ZIP archive without word/document.xml")
        case .binary(let what):
            throw .unsupportedFormat(what)
        case .text:
            let decoded = try TextDecoding.decode(data)
            return extraction(
                text: MarkdownTables.unfold(decoded.text), footnotes: [], joinBrokenLines: true, format: .text,
                encoding: decoded.encoding)
        }
    }

    public static func read(fileAt url: URL, options: Options = .init()) throws(PlanReadError) -> PlanExtraction {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        if let size = attributes?[.size] as? Int, size > options.maxInputBytes {
            throw .tooLarge(limit: options.maxInputBytes)
        }
        if (attributes?[.type] as? FileAttributeType) == .typeDirectory {
            throw .unreadable("\(url.path) is a directory")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(
                FileManager.default.fileExists(atPath: url.path)
                    ? "\(url.path) cannot be opened" : "no such file: \(url.path)")
        }
        return try read(data: data, filename: url.lastPathComponent, options: options)
    }

    /// The language rules alone, on text already decoded (tests, and callers holding a string).
    public static func read(text: String) -> PlanExtraction {
        extraction(
            text: MarkdownTables.unfold(text), footnotes: [], joinBrokenLines: true, format: .text, encoding: "utf-8")
    }

    /// A scanned plan from the words Tesseract found on its pages (its TSV output, a page each), read as a
    /// scanned PDF is: for tests, and for scoring OCR output saved once, since recognising is the slow part.
    public static func read(ocrPages: [String]) -> PlanExtraction {
        extraction(
            text: ScannedPdf.text(fromPages: ocrPages), footnotes: [], joinBrokenLines: true, format: .pdf,
            encoding: "utf-8")
    }

    static func extraction(
        text: String, footnotes: [String], joinBrokenLines: Bool, format: SourceDescription.Format, encoding: String
    ) -> PlanExtraction {
        let (plan, outline, warnings) = PlanExtractor.extract(
            text: text, footnotes: footnotes, joinBrokenLines: joinBrokenLines)
        var all = warnings
        if !["utf-8", "utf-16le", "utf-16be"].contains(encoding) {
            all.insert(ExtractionWarning(code: .convertedEncoding, args: [encoding]), at: 0)
        }
        return PlanExtraction(
            plan: plan, outline: outline, warnings: all, source: SourceDescription(format: format, encoding: encoding))
    }
}
