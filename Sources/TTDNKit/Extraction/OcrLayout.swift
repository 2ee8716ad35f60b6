import Foundation

/// A page of Tesseract's TSV output (every word with its box) written as layout text, the way
/// `pdftotext -layout` writes a PDF: each word at the column its left edge falls in. A row of the header
/// or the signature block, where two table cells sit side by side, keeps the wide gap between them, so
/// `PdfText.unfoldColumns` can give each cell its own lines; Tesseract's plain text runs the cells of a row
/// together (`UBND tỉnh; PHÓ GIÁM ĐỐC`).
enum OcrLayout {
    struct Word {
        var block: Int
        var paragraph: Int
        var line: Int
        var left: Int
        var width: Int
        var text: String
    }

    /// A line of layout text, and whether it runs to the page's right margin (a line the page broke).
    struct Line {
        var text: String
        var full = false
    }

    /// Where a line's words sit on the page, in pixels.
    private struct Extent {
        var right = 0
        var firstWidth = 0
    }

    static func lines(fromTSV tsv: String) -> [Line] {
        let words = parse(tsv)
        guard !words.isEmpty else { return [] }
        // One column of layout text is the width of an average letter on this page.
        let letters = words.reduce(0) { $0 + $1.text.count }
        let charWidth = max(1.0, Double(words.reduce(0) { $0 + $1.width }) / Double(max(1, letters)))
        let margin = words.map(\.left).min() ?? 0
        var lines: [Line] = []
        var extents: [Extent] = []
        var extent = Extent()
        var current = ""
        var key: (Int, Int, Int)?
        var previousEnd = margin
        for word in words {
            let wordKey = (word.block, word.paragraph, word.line)
            if let key, key != wordKey {
                lines.append(Line(text: current))
                extent.right = previousEnd
                extents.append(extent)
                current = ""
                // Tesseract's paragraphs are the blank lines of its plain text.
                if key.0 != wordKey.0 || key.1 != wordKey.1 {
                    lines.append(Line(text: ""))
                    extents.append(Extent())
                }
            }
            key = wordKey
            // The gap before a word is measured from the word before it, so that letters wider or narrower
            // than the average do not add up along the line into a false column gap.
            // A gap of three letters or more inside a line is the space between two table cells.
            let gap = Double(word.left - (current.isEmpty ? margin : previousEnd)) / charWidth
            var pad = current.isEmpty ? max(0, Int(gap.rounded())) : max(1, Int(gap.rounded()))
            if !current.isEmpty, gap >= 3 { pad = max(pad, PdfText.columnGap) }
            if current.isEmpty { extent.firstWidth = word.width }
            current += String(repeating: " ", count: pad) + word.text
            previousEnd = word.left + word.width
        }
        lines.append(Line(text: current))
        extent.right = previousEnd
        extents.append(extent)
        // The right margin is where most full lines of running text end. The page broke a line when the
        // next line's first word would not have fitted after it: the rule every text layout follows.
        let ends = extents.map(\.right).filter { $0 > margin }.sorted()
        if ends.count >= 5 {
            let rightMargin = Double(ends[ends.count * 9 / 10])
            for k in lines.indices.dropLast() where extents[k].right > 0 && extents[k + 1].firstWidth > 0 {
                let needed = Double(extents[k].right + extents[k + 1].firstWidth) + 0.5 * charWidth
                lines[k].full = needed > rightMargin - 0.5 * charWidth && PdfText.split(Substring(lines[k].text)) == nil
            }
        }
        return lines
    }

    /// Lines the page broke joined to the line they continue, when neither is a row of two columns.
    static func joinWrapped(_ lines: [Line]) -> [String] {
        var out: [String] = []
        var carry: String?
        for (k, line) in lines.enumerated() {
            let text = carry.map { $0 + " " + line.text.trimmingWhitespace() } ?? line.text
            carry = nil
            if line.full, k + 1 < lines.count, PdfText.split(Substring(lines[k + 1].text)) == nil,
                !lines[k + 1].text.hasPrefix(String(repeating: " ", count: 20)),
                continues(line.text.trimmingWhitespace(), into: lines[k + 1].text.trimmingWhitespace())
            {
                carry = text
                continue
            }
            out.append(text)
        }
        if let carry { out.append(carry) }
        return out
    }

    /// Whether a line the page broke goes on in `next`. The reader joins such lines itself only when the
    /// next starts in lower case; it cannot tell a heading wrapped before a proper noun (`… nói chung và` /
    /// `Nghệ An nói riêng; …`) from a heading followed by its paragraph. The width can.
    static func continues(_ line: String, into next: String) -> Bool {
        guard let end = line.last, !".;:!?".contains(end), !line.hasSuffix("./.") else { return false }
        guard let first = next.first,
            first.isLetter || first.isNumber || "(\"“".contains(first) || isRangeEnd(line, next)
        else { return false }
        if ItemLabel.parse(next) != nil || TaskFields.label(in: next) != nil { return false }
        if DocumentLayout.isRecipientsHeading(next) { return false }
        return !DocumentLayout.isAllCaps(line) && !DocumentLayout.isAllCaps(next)
    }

    /// `… nhiệm kỳ 2023` / `- 2025 và …`: a range of years broken after its first year, not a bullet.
    static func isRangeEnd(_ line: String, _ next: String) -> Bool {
        guard line.last?.isNumber == true, next.hasPrefix("- ") else { return false }
        return next.dropFirst(2).prefix(4).allSatisfy(\.isNumber) && next.count > 6
    }

    /// The words of the TSV (level 5) in reading order; specks (a mark with no letter or digit that
    /// Tesseract is not sure of) left out.
    static let bullets: Set<String> = ["-", "+", "•", "–", "—", "¬"]

    static func parse(_ tsv: String) -> [Word] {
        var words: [Word] = []
        for row in tsv.split(separator: "\n").dropFirst() {
            let cells = row.split(separator: "\t", maxSplits: 11, omittingEmptySubsequences: false)
            guard cells.count == 12, cells[0] == "5",
                let block = Int(cells[2]), let paragraph = Int(cells[3]), let line = Int(cells[4]),
                let left = Int(cells[6]), let width = Int(cells[8]),
                let confidence = Double(cells[10])
            else { continue }
            let text = cells[11].trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            if confidence < 30, !text.contains(where: { $0.isLetter || $0.isNumber }), !bullets.contains(text) {
                continue
            }
            words.append(
                Word(
                    block: block, paragraph: paragraph, line: line, left: left, width: width, text: text))
        }
        return words
    }
}
