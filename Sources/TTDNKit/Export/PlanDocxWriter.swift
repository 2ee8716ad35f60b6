import Foundation

/// Writes an `OfficialPlan` as a DOCX in the layout of Nghị định 30/2020/NĐ-CP (Phụ lục I, mẫu 1.4):
/// A4 portrait, margins 20/20/30/15 mm, Times New Roman in black, the two-column header and footer
/// tables, `KẾ HOẠCH` and the summary centred, the body justified with a 1.27 cm first-line indent,
/// parts `I.`, clauses `1.`, points `a)`, and page numbers in the top margin from page 2 on.
///
/// The WordprocessingML is written by hand (`WordML`, `DocxPackage`): a plan needs a few dozen
/// elements, and writing them directly keeps every layout fact visible and testable.
public enum PlanDocxWriter {
    public static func docx(_ plan: OfficialPlan, options: Options) throws -> Data {
        try DocxPackage.zip(documentXML: documentXML(plan), plan: plan, created: options.created)
    }

    public struct Options: Sendable {
        /// Written to `docProps/core.xml`.
        public var created: Date
        public init(created: Date) { self.created = created }
    }

    // MARK: Layout (ND 30, Phụ lục I)

    enum Layout {
        static let pageWidth = 11906, pageHeight = 16838  // A4, 210 × 297 mm
        static let marginTop = WordML.twips(mm: 20), marginBottom = WordML.twips(mm: 20)
        static let marginLeft = WordML.twips(mm: 30), marginRight = WordML.twips(mm: 15)
        /// The page number sits in the top margin, 10 mm from the edge.
        static let headerDistance = WordML.twips(mm: 10), footerDistance = WordML.twips(mm: 10)
        static var textWidth: Int { pageWidth - marginLeft - marginRight }
        /// 1.27 cm.
        static let firstLine = 720
        /// 6 pt before each body paragraph (ND 30: at least 6 pt).
        static let paragraphSpacing = 120
        /// 1.15 lines (ND 30: single to 1.5).
        static let lineSpacing = 276
        /// Header table: the issuing body on the left, the national motto on the right (wide enough for
        /// `Lạng Sơn, ngày 05 tháng 02 năm 2024` in 14 pt italics on one line).
        static let headerColumns = [3686, textWidth - 3686]
        static let footerColumns = [4253, textWidth - 4253]
        static let body = WordML.Font(size: 28)
    }

    // MARK: Document

    static func documentXML(_ plan: OfficialPlan) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        xml += "<w:document xmlns:w=\"\(WordML.namespace)\" xmlns:r=\"\(WordML.relNamespace)\"><w:body>"
        xml += headerTable(plan)
        xml += titleBlock(plan)
        xml += BodyWriter(plan: plan).render()
        xml += footerTable(plan)
        xml += sectionProperties
        xml += "</w:body></w:document>"
        return xml
    }

    static var sectionProperties: String {
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"\(DocxPackage.headerID)\"/>"
            + "<w:headerReference w:type=\"first\" r:id=\"\(DocxPackage.firstHeaderID)\"/>"
            + "<w:pgSz w:w=\"\(Layout.pageWidth)\" w:h=\"\(Layout.pageHeight)\" w:orient=\"portrait\"/>"
            + "<w:pgMar w:top=\"\(Layout.marginTop)\" w:right=\"\(Layout.marginRight)\" w:bottom=\"\(Layout.marginBottom)\" "
            + "w:left=\"\(Layout.marginLeft)\" w:header=\"\(Layout.headerDistance)\" w:footer=\"\(Layout.footerDistance)\" w:gutter=\"0\"/>"
            + "<w:cols w:space=\"720\"/><w:titlePg/></w:sectPr>"
    }

    /// A centred line in a table cell: no indent, no spacing, single line.
    static func centred(_ text: String, size: Int, bold: Bool = false, italic: Bool = false, before: Int = 0) -> String
    {
        WordML.paragraph(
            [WordML.run(text, .init(size: size, bold: bold, italic: italic))],
            .init(alignment: .center, before: before, line: 240))
    }

    /// The short solid line ND 30 draws under the issuing body, the motto and the summary: a thin empty
    /// paragraph whose top border runs between indents that centre it.
    static func rule(width: Int, in cellWidth: Int) -> String {
        let w = min(max(width, 567), cellWidth)
        let side = (cellWidth - w) / 2
        // 4 pt above the border keeps the line clear of the descenders of the text it underlines.
        return WordML.paragraph(
            [],
            .init(alignment: .center, left: side, right: cellWidth - w - side, before: 80, line: 240, topBorder: true),
            markSize: 4)
    }

    /// Roughly how wide Times New Roman sets `text` (twips): enough to size the rules under headings.
    static func estimatedWidth(_ text: String, size: Int, bold: Bool) -> Int {
        var ems = 0.0
        for ch in text {
            if ch == " " {
                ems += 0.25
            } else if ch.isNumber {
                ems += 0.5
            } else if ch.isUppercase {
                ems += 0.70
            } else if ch.isLetter {
                ems += 0.46
            } else {
                ems += 0.33
            }
        }
        if bold { ems *= 1.05 }
        return Int(ems * Double(size) * 10)  // size is in half-points: 1 em = size × 10 twips
    }

    static func headerTable(_ plan: OfficialPlan) -> String {
        let (leftWidth, rightWidth) = (Layout.headerColumns[0], Layout.headerColumns[1])
        var left = ""
        if let parent = plan.parentBody, !parent.isEmpty { left += centred(parent.uppercased(), size: 26) }
        let issuer = plan.issuingBody.uppercased()
        left += centred(issuer, size: 26, bold: true)
        // ND 30: the line under the issuing body is a third to a half of the text's length.
        left += rule(width: min(estimatedWidth(issuer, size: 26, bold: true), leftWidth) * 2 / 5, in: leftWidth)
        var right = centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size: 26, bold: true)
        let motto = "Độc lập - Tự do - Hạnh phúc"
        right += centred(motto, size: 28, bold: true)
        // Under the motto the line is as long as the text.
        right += rule(width: estimatedWidth(motto, size: 28, bold: true), in: rightWidth)
        // The number and the place-and-date share a row, so they stay level however the bodies wrap.
        let number = centred(HeaderLines.number(plan.number, symbol: plan.symbol), size: 26, before: 120)
        let date = centred(
            HeaderLines.placeAndDate(place: plan.place, date: plan.date), size: 28, italic: true, before: 120)
        return WordML.table(columns: Layout.headerColumns, rows: [[left, right], [number, date]])
    }

    static func titleBlock(_ plan: OfficialPlan) -> String {
        var xml = WordML.paragraph(
            [WordML.run(plan.kind.uppercased(), .init(size: 28, bold: true))],
            .init(alignment: .center, before: 480, line: 240, keepNext: true))
        let title = plan.title.replacingOccurrences(of: "\n", with: " ")
        xml += WordML.paragraph(
            [WordML.run(title, .init(size: 28, bold: true))], .init(alignment: .center, line: 240, keepNext: true))
        let longest = min(estimatedWidth(title, size: 28, bold: true), Layout.textWidth)
        xml += rule(width: longest / 3, in: Layout.textWidth)
        xml += addresseeBlock(plan.addressees)
        return xml
    }

    /// `Kính gửi: Bộ Văn hóa, Thể thao và Du lịch.` on one centred line for one addressee; for several,
    /// `Kính gửi:` then one `- …;` line each, the last ending with a full stop (ND 30, Phụ lục I).
    static func addresseeBlock(_ addressees: [String]) -> String {
        let names = addressees.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { return "" }
        let font = WordML.Font(size: 28)
        if names.count == 1 {
            return WordML.paragraph(
                [WordML.run("Kính gửi: \(trimmedEnd(names[0])).", font)],
                .init(alignment: .center, before: 240, line: 240))
        }
        var xml = WordML.paragraph(
            [WordML.run("Kính gửi:", font)], .init(alignment: .left, left: 1701, before: 240, line: 240))
        for (k, name) in names.enumerated() {
            let end = k == names.count - 1 ? "." : ";"
            xml += WordML.paragraph(
                [WordML.run("- \(trimmedEnd(name))\(end)", font)], .init(alignment: .left, left: 2835, line: 240))
        }
        return xml
    }

    static func trimmedEnd(_ text: String) -> String {
        var t = text
        while let last = t.last, ".;,".contains(last) { t.removeLast() }
        return t
    }

    static func footerTable(_ plan: OfficialPlan) -> String {
        var left = WordML.paragraph(
            [WordML.run("Nơi nhận:", .init(size: 24, bold: true, italic: true))],
            .init(alignment: .left, before: 240, line: 240))
        let recipients = plan.printedRecipients
        for (k, r) in recipients.enumerated() {
            let end = k == recipients.count - 1 ? "." : ";"
            left += WordML.paragraph([WordML.run("- \(r)\(end)", .init(size: 22))], .init(alignment: .left, line: 240))
        }
        var right = ""
        let lines = plan.signer.authority + plan.signer.position
        for (k, line) in lines.enumerated() {
            // `kiêm` between two titles stays in lower case, as printed.
            let text = line == "kiêm" || line == "Kiêm" ? "kiêm" : line.uppercased()
            right += centred(text, size: 28, bold: true, before: k == 0 ? 240 : 0)
        }
        if lines.isEmpty { right += centred("", size: 28, before: 240) }
        // Room for the signature and the seal (about 30 mm) before the name.
        right += centred(plan.signer.name ?? "", size: 28, bold: true, before: 1700)
        return WordML.table(columns: Layout.footerColumns, rows: [[left, right]])
    }
}
