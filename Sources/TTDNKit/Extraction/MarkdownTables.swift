/// Markdown pipe tables, as some converters write a document's two-column header (`ỦY BAN NHÂN DÂN … |
/// CỘNG HÒA …`, `Số: … | place, ngày …`) and footer (`Nơi nhận: … | TM. … signature`). A two-column
/// table is unfolded like a PDF's layout text (`PdfText.unfoldColumns`): the left column's lines, a blank
/// line, the right column's, each cell split at `<br>`. Wider tables are left as they are.
enum MarkdownTables {
    static func unfold(_ text: String) -> String {
        // Most documents have no pipe table at all: one byte scan and out.
        guard text.utf8.contains(UInt8(ascii: "|")) else { return text }
        let lines = TextCleaner.splitLines(text)
        var out: [Substring] = []
        out.reserveCapacity(lines.count)
        var i = 0
        while i < lines.count {
            guard isRow(lines[i]) else {
                out.append(lines[i])
                i += 1
                continue
            }
            var end = i
            while end < lines.count, isRow(lines[end]) { end += 1 }
            let rows = lines[i..<end].map(cells).filter { !isSeparator($0) }
            if rows.allSatisfy({ $0.count <= 2 }) {
                for column in 0..<2 {
                    for row in rows where column < row.count {
                        for part in parts(row[column]) { out.append(part) }
                    }
                    out.append("")
                }
            } else {
                out += lines[i..<end]
            }
            i = end
        }
        return out.joined(separator: "\n")
    }

    /// `| a | b |`: starts and ends with a bar, with at least one between.
    static func isRow(_ line: Substring) -> Bool {
        let trimmed = line.trimmingWhitespace()
        return trimmed.count >= 3 && trimmed.hasPrefix("|") && trimmed.hasSuffix("|")
    }

    static func cells(_ line: Substring) -> [Substring] {
        var inner = Substring(line.trimmingWhitespace())
        inner = inner.dropFirst().dropLast()
        return inner.split(separator: "|", omittingEmptySubsequences: false)
    }

    /// `|---|:---:|`: the line under a table's first row.
    static func isSeparator(_ cells: [Substring]) -> Bool {
        cells.allSatisfy { cell in
            let t = cell.trimmingWhitespace()
            return t.contains("-") && t.allSatisfy { $0 == "-" || $0 == ":" }
        }
    }

    /// A cell's lines: split at `<br>`, `<br/>` or `<br />`, blank ones dropped.
    static func parts(_ cell: Substring) -> [Substring] {
        var result: [Substring] = []
        var rest = cell
        while let br = rest.range(of: "<br", options: .caseInsensitive),
            let close = rest[br.upperBound...].firstIndex(of: ">")
        {
            result.append(rest[..<br.lowerBound])
            rest = rest[rest.index(after: close)...]
        }
        result.append(rest)
        return result.map { Substring($0.trimmingWhitespace()) }.filter { !$0.isEmpty }
    }
}
