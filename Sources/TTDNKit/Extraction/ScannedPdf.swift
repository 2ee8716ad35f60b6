import Foundation

/// A PDF without a text layer (a scanned, stamped plan, which is what many offices receive): its pages are
/// rendered by poppler's `pdftoppm` (300 dpi, grey) and read by Tesseract OCR with its Vietnamese model, page
/// by page; the text then goes through the same reader. Without the tools the reader says how to install
/// them.
enum ScannedPdf {
    static func text(from data: Data, options: PlanReader.Options) throws(PlanReadError) -> String {
        guard let render = ExternalTool.find(["pdftoppm"], given: nil),
            let ocr = ExternalTool.find(["tesseract"], given: options.tesseractPath)
        else { throw .ocrToolMissing }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ttdn-ocr-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let deadline = Date().addingTimeInterval(options.ocrTimeout)
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try data.write(to: dir.appendingPathComponent("in.pdf"))
        } catch {
            throw .pdfFailed("cannot write a temporary file")
        }
        var pages: [String] = []
        do {
            try ExternalTool.run(render, ["-r", "300", "-gray", "in.pdf", "page"], in: dir, until: deadline)
            let images = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
                .filter { $0.hasPrefix("page") && $0.hasSuffix(".pgm") }.sorted()
            for (n, image) in images.enumerated() {
                try ExternalTool.run(
                    ocr, [image, "ocr-\(n)", "-l", "vie", "--psm", "4", "tsv"], in: dir, until: deadline)
                let tsv = (try? String(contentsOf: dir.appendingPathComponent("ocr-\(n).tsv"), encoding: .utf8)) ?? ""
                pages.append(tsv)
            }
        } catch {
            switch error {
            case .missing: throw .ocrToolMissing
            case .timedOut: throw .pdfFailed("reading the scan took longer than \(Int(options.ocrTimeout)) s")
            case .status(let code):
                // Tesseract without its Vietnamese model stops with an error.
                throw code == 1 ? .ocrToolMissing : .pdfFailed("OCR exit status \(code)")
            case .io(let why): throw .pdfFailed(why)
            }
        }
        let text = text(fromPages: pages)
        guard text.contains(where: { $0.isLetter }) else { throw .pdfFailed("no text was recognised in the scan") }
        return text
    }

    /// The pages' words (Tesseract's TSV, one per page) as the reader's text: laid out by position, the
    /// header's and signature block's cells unfolded into columns, OCR's usual misreadings put right.
    static func text(fromPages pages: [String]) -> String {
        var lines: [OcrLayout.Line] = []
        for page in pages {
            if !lines.isEmpty { lines += [.init(text: ""), .init(text: "")] }
            lines += OcrLayout.lines(fromTSV: page)
        }
        let repaired = OcrText.repair(lines.map(\.text))
        for k in lines.indices { lines[k].text = repaired[k] }
        return PdfText.unfoldColumns(OcrLayout.joinWrapped(lines).joined(separator: "\n"))
    }
}
