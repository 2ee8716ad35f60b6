import Foundation

/// PDF through poppler's `pdftotext -layout`, then the two-column header and footer tables unfolded
/// into one column each (left cell's lines, then right cell's), and syllables split by the PDF's glyph
/// placement joined again (`SplitSyllables`).
enum PdfText {
    static func text(from data: Data, options: PlanReader.Options) throws(PlanReadError) -> String {
        guard let tool = ExternalTool.find(["pdftotext"], given: options.pdftotextPath) else { throw .pdfToolMissing }
        let out: Data
        do {
            out = try ExternalTool.convert(
                data, inputName: "in.pdf", outputName: "out.txt", tool: tool, timeout: options.pdfTimeout
            ) { dir in
                [
                    "-layout", "-enc", "UTF-8", "-q", dir.appendingPathComponent("in.pdf").path,
                    dir.appendingPathComponent("out.txt").path,
                ]
            }
        } catch {
            switch error {
            case .missing: throw .pdfToolMissing
            case .timedOut: throw .pdfFailed("pdftotext took longer than \(Int(options.pdfTimeout)) s")
            case .status(let code): throw .pdfFailed("exit status \(code)")
            case .io(let why): throw .pdfFailed(why)
            }
        }
        guard out.count <= options.maxInputBytes * 4 else { throw .tooLarge(limit: options.maxInputBytes) }
        guard let text = String(data: out, encoding: .utf8) else {
            throw .pdfFailed("no text came out (a scanned PDF needs OCR)")
        }
        // Syllables some PDF makers split before their vowel (`S ở`) are joined again.
        let unfolded = unfoldColumns(text).split(separator: "\n", omittingEmptySubsequences: false)
            .map { SplitSyllables.repair(String($0)) }.joined(separator: "\n")
        // No text layer: a scan, read by OCR.
        guard unfolded.contains(where: { $0.isLetter }) else {
            return try ScannedPdf.text(from: data, options: options)
        }
        return unfolded
    }

    /// A gap of this many spaces inside a line separates two table columns.
    static let columnGap = 6

    /// Layout text keeps a table's two cells side by side on one line. Runs of such lines are
    /// rewritten as the left column's lines, a blank line, then the right column's. Page feeds become
    /// blank lines; indentation goes.
    static func unfoldColumns(_ text: String) -> String {
        var out: [String] = []
        var left: [String] = []
        var right: [String] = []
        func flush() {
            guard !left.isEmpty || !right.isEmpty else { return }
            out += left
            out.append("")
            out += right
            out.append("")
            left = []
            right = []
        }
        for raw in text.replacingOccurrences(of: "\u{0C}", with: "\n\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        {
            let line = raw.drop { $0 == " " }
            if let (l, r) = split(line) {
                if !l.isEmpty { left.append(l) }
                if !r.isEmpty { right.append(r) }
                continue
            }
            // A right-only line (the date under the motto) stays in the block it continues.
            if !left.isEmpty || !right.isEmpty, raw.prefix(while: { $0 == " " }).count > 30, !line.isEmpty {
                right.append(String(line))
                continue
            }
            flush()
            out.append(String(line))
        }
        flush()
        return out.joined(separator: "\n")
    }

    /// A list label or bullet on its own: `1.`, `2.1.`, `II.`, `a)`, `-`, `+`, `•`.
    static func isListLabel(_ text: String) -> Bool {
        if text.count == 1, let c = text.first, "-+•–·*".contains(c) { return true }
        guard text.count <= 8, let last = text.last, ".)-".contains(last) else { return false }
        return ItemLabel.parse(text + " X") != nil
    }

    static func split(_ line: Substring) -> (String, String)? {
        var spaces = 0
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] == " " {
                spaces += 1
            } else {
                if spaces >= columnGap {
                    let gapStart = line.index(index, offsetBy: -spaces)
                    let l = String(line[..<gapStart]).trimmingWhitespace()
                    let r = String(line[index...]).trimmingWhitespace()
                    // `1.      Phát hành …`, `-       Đơn vị …`: LibreOffice sets a list label apart with a tab
                    // stop, which the layout text writes as spaces. A label is not a column.
                    if !l.isEmpty && !r.isEmpty && !isListLabel(l) { return (l, r) }
                }
                spaces = 0
            }
            index = line.index(after: index)
        }
        return nil
    }
}
