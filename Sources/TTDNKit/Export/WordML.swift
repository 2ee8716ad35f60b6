import Foundation

/// Small builders for hand-written WordprocessingML: escaped text, runs and paragraphs. Sizes are in
/// Word's units: half-points for fonts (`28` = 14 pt), twentieths of a point (twips) for lengths.
enum WordML {
    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// Millimetres to twips (1 mm = 56.69 twips).
    static func twips(mm: Double) -> Int { Int((mm * 1440 / 25.4).rounded()) }

    /// Text escaped for element content and attribute values. Characters XML 1.0 forbids (control
    /// characters pasted from other programs) are dropped: Word refuses a file that holds them.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || (0xFFFE...0xFFFF).contains(v) || (0xD800...0xDFFF).contains(v) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    struct Font: Equatable {
        var size: Int = 28
        var bold = false
        var italic = false
    }

    /// A run; line breaks in `text` become `<w:br/>` (a new line in the same paragraph).
    static func run(_ text: String, _ font: Font) -> String {
        var props = ""
        if font.bold { props += "<w:b/><w:bCs/>" }
        if font.italic { props += "<w:i/><w:iCs/>" }
        props += "<w:sz w:val=\"\(font.size)\"/><w:szCs w:val=\"\(font.size)\"/>"
        let pieces = text.split(separator: "\n", omittingEmptySubsequences: false)
        let body = pieces.map { "<w:t xml:space=\"preserve\">\(escape(String($0)))</w:t>" }.joined(separator: "<w:br/>")
        return "<w:r><w:rPr>\(props)</w:rPr>\(body)</w:r>"
    }

    struct ParagraphFormat {
        enum Alignment: String { case left, center, both }
        var alignment: Alignment = .both
        var firstLine: Int = 0
        var left: Int = 0
        var right: Int = 0
        var before: Int = 0
        var after: Int = 0
        /// In 240ths of a line (`auto`): 240 single, 360 one and a half.
        var line: Int = 240
        var keepNext = false
        /// A solid line along the paragraph's top edge, between its indents (the short rules ND 30 puts
        /// under the issuing body, the motto and the title).
        var topBorder = false
        /// The style the paragraph names (`Heading1` …), so outline views and python-docx see it.
        var style: String?
    }

    static func paragraph(_ runs: [String], _ format: ParagraphFormat, markSize: Int? = nil) -> String {
        var p = ""
        if let style = format.style { p += "<w:pStyle w:val=\"\(style)\"/>" }
        if format.keepNext { p += "<w:keepNext/>" }
        if format.topBorder {
            p += "<w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/></w:pBdr>"
        }
        p +=
            "<w:spacing w:before=\"\(format.before)\" w:after=\"\(format.after)\" w:line=\"\(format.line)\" w:lineRule=\"auto\"/>"
        p += "<w:ind w:left=\"\(format.left)\" w:right=\"\(format.right)\" w:firstLine=\"\(format.firstLine)\"/>"
        p += "<w:jc w:val=\"\(format.alignment.rawValue)\"/>"
        // The paragraph mark's size sets an empty paragraph's height (the short rules are a thin line).
        if let markSize { p += "<w:rPr><w:sz w:val=\"\(markSize)\"/><w:szCs w:val=\"\(markSize)\"/></w:rPr>" }
        return "<w:p><w:pPr>\(p)</w:pPr>\(runs.joined())</w:p>"
    }

    /// A borderless table with fixed column widths (twips); each cell holds its paragraphs' XML.
    static func table(columns: [Int], rows: [[String]], indent: Int = 0) -> String {
        let total = columns.reduce(0, +)
        let none = ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) w:val=\"nil\"/>" }.joined()
        var xml =
            "<w:tbl><w:tblPr><w:tblW w:w=\"\(total)\" w:type=\"dxa\"/><w:tblInd w:w=\"\(indent)\" w:type=\"dxa\"/>"
        xml += "<w:tblBorders>\(none)</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
        xml += "<w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>"
        xml +=
            "<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>"
        xml += "<w:tblGrid>" + columns.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        for row in rows {
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for (k, cell) in row.enumerated() {
                let content = cell.isEmpty ? "<w:p/>" : cell
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(columns[k])\" w:type=\"dxa\"/></w:tcPr>\(content)</w:tc>"
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }
}
