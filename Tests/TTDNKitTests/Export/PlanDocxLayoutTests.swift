import Foundation
import Testing

@testable import TTDNKit

/// Layout facts of Nghị định 30/2020 read back from the exported XML.
@Suite struct PlanDocxLayoutTests {
    static func docx(_ plan: PlanDocument = ExportFixtures.plan) throws -> Data {
        try PlanDocxWriter.docx(
            OfficialPlan(from: plan, extras: ExportFixtures.extras), options: ExportFixtures.options)
    }

    @Test func packageHasThePartsWordNeeds() throws {
        let entries = Set(try ExportFixtures.entries(of: try Self.docx()))
        for part in [
            "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml",
            "word/header1.xml", "word/header2.xml", "word/_rels/document.xml.rels", "docProps/core.xml",
        ] {
            #expect(entries.contains(part), "\(part)")
        }
        let types = try ExportFixtures.part("[Content_Types].xml", of: try Self.docx())
        #expect(types.contains("/word/header1.xml"))
        #expect(types.contains("document.main+xml"))
    }

    @Test func a4PortraitWithNd30Margins() throws {
        let xml = try ExportFixtures.part("word/document.xml", of: try Self.docx())
        #expect(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\" w:orient=\"portrait\"/>"))
        // 20 mm top and bottom, 30 mm left, 15 mm right.
        #expect(xml.contains("w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\""))
        #expect(xml.contains("<w:titlePg/>"))
        #expect(xml.contains("<w:headerReference w:type=\"first\""))
    }

    @Test func timesNewRoman14BlackByDefault() throws {
        let styles = try ExportFixtures.part("word/styles.xml", of: try Self.docx())
        #expect(styles.contains("w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\""))
        #expect(styles.contains("<w:color w:val=\"000000\"/><w:sz w:val=\"28\"/>"))
        // Body: justified, first line 1.27 cm, 6 pt before, 1.15 lines.
        #expect(
            styles.contains(
                "<w:spacing w:before=\"120\" w:after=\"0\" w:line=\"276\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"720\"/><w:jc w:val=\"both\"/>"
            ))
    }

    @Test func pageNumberIsAPageFieldCentredInTheHeader() throws {
        let data = try Self.docx()
        let header = try ExportFixtures.part("word/header1.xml", of: data)
        #expect(header.contains(" PAGE "))
        #expect(header.contains("<w:jc w:val=\"center\"/>"))
        let first = try ExportFixtures.part("word/header2.xml", of: data)
        #expect(!first.contains("PAGE"))
    }

    @Test func headerTableHasBothColumnsWithTheirSizes() throws {
        let xml = try ExportFixtures.part("word/document.xml", of: try Self.docx())
        let header = String(xml[xml.range(of: "<w:tbl>")!.lowerBound..<xml.range(of: "</w:tbl>")!.upperBound])
        #expect(header.contains("<w:tblBorders><w:top w:val=\"nil\"/>"))
        #expect(header.components(separatedBy: "<w:gridCol").count == 3)
        #expect(
            header.contains(
                "<w:b/><w:bCs/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr><w:t xml:space=\"preserve\">SỞ NGOẠI VỤ</w:t>"
            ))
        #expect(
            header.contains(
                "<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr><w:t xml:space=\"preserve\">UBND TỈNH LẠNG SƠN</w:t>"
            ))
        #expect(
            header.contains(
                "<w:b/><w:bCs/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr><w:t xml:space=\"preserve\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t>"
            ))
        #expect(
            header.contains(
                "<w:b/><w:bCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr><w:t xml:space=\"preserve\">Độc lập - Tự do - Hạnh phúc</w:t>"
            ))
        #expect(header.contains(">Số: 05/KH-SNgV<"))
        #expect(
            header.contains(
                "<w:i/><w:iCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr><w:t xml:space=\"preserve\">Lạng Sơn, ngày 05 tháng 02 năm 2024</w:t>"
            ))
        // Two short rules: under the issuing body and under the motto.
        #expect(header.components(separatedBy: "<w:pBdr><w:top w:val=\"single\"").count == 3)
    }

    @Test func datesAndNumbersArePaddedAsNd30Asks() {
        #expect(DocumentDate(year: 2024, month: 2, day: 5).vietnamese == "ngày 05 tháng 02 năm 2024")
        #expect(DocumentDate(year: 2024, month: 1, day: 15).vietnamese == "ngày 15 tháng 01 năm 2024")
        #expect(DocumentDate(year: 2024, month: 3, day: 9).vietnamese == "ngày 09 tháng 3 năm 2024")
        #expect(DocumentDate(year: 2024, month: 11, day: 20).vietnamese == "ngày 20 tháng 11 năm 2024")
        #expect(DocumentDate(year: 2024, month: 2).vietnamese == "ngày    tháng 02 năm 2024")
        #expect(DocumentDate(iso: "2024-02")?.day == nil)
        #expect(DocumentDate(iso: "2023-02-30") == nil)
        #expect(HeaderLines.number("5", symbol: "KH-SNgV") == "Số: 05/KH-SNgV")
        #expect(HeaderLines.number("142", symbol: "KH-SNgV") == "Số: 142/KH-SNgV")
        #expect(HeaderLines.number(nil, symbol: "KH-UBND") == "Số:      /KH-UBND")
        #expect(
            HeaderLines.placeAndDate(place: "Lạng Sơn", date: DocumentDate(year: 2024, month: 2))
                == "Lạng Sơn, ngày    tháng 02 năm 2024")
    }

    @Test func blankDayAndNumberArePrinted() throws {
        let xml = try ExportFixtures.part("word/document.xml", of: try Self.docx(ExportFixtures.blankDayPlan))
        #expect(xml.contains(">Lạng Sơn, ngày    tháng 02 năm 2024<"))
        #expect(xml.contains(">Số:      /KH-SNgV<"))
    }

    @Test func typeTitleSectionsAndTaskLines() throws {
        let xml = try ExportFixtures.part("word/document.xml", of: try Self.docx())
        #expect(
            xml.contains(
                "<w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/><w:bCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr><w:t xml:space=\"preserve\">KẾ HOẠCH</w:t>"
            ))
        #expect(xml.contains(">I. MỤC ĐÍCH, YÊU CẦU<"))
        #expect(xml.contains(">II. NỘI DUNG THỰC HIỆN<"))
        #expect(xml.contains(">III. KINH PHÍ<"))
        #expect(xml.contains(">IV. TỔ CHỨC THỰC HIỆN<"))
        #expect(xml.contains(">3.1. Mở lớp tập huấn cho cán bộ cấp xã<"))
        #expect(xml.contains(">a) Biên soạn tài liệu bồi dưỡng<"))
        #expect(xml.contains(">- Đơn vị phối hợp: Sở Văn hóa, Thể thao và Du lịch; Báo Lạng Sơn.<"))
        #expect(xml.contains(">- Đơn vị chủ trì: Sở Ngoại vụ.<"))
        #expect(xml.contains(">- Thời gian thực hiện: Quý II, III năm 2024.<"))
        #expect(xml.contains("Công ty In &amp; Bao bì Lạng Sơn"))
        #expect(xml.contains("Công ty TNHH Truyền thông &lt;A&amp;B&gt;"))
        // Legal bases in italics; the body ends with ./.
        #expect(
            xml.contains(
                "<w:i/><w:iCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr><w:t xml:space=\"preserve\">Căn cứ Nghị định số 72/2015/NĐ-CP ngày 07/9/2015;"
            ))
        #expect(xml.contains("của Sở Ngoại vụ./.</w:t>"))
    }

    @Test func footerHasRecipientsAndSignature() throws {
        let xml = try ExportFixtures.part("word/document.xml", of: try Self.docx())
        let footer = String(xml[xml.range(of: "<w:tbl>", options: .backwards)!.lowerBound...])
        #expect(
            footer.contains(
                "<w:b/><w:bCs/><w:i/><w:iCs/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr><w:t xml:space=\"preserve\">Nơi nhận:</w:t>"
            ))
        #expect(
            footer.contains(
                "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr><w:t xml:space=\"preserve\">- UBND tỉnh (b/c);</w:t>"
            ))
        #expect(footer.contains(">- Lưu: VT, TTTT.<"))
        #expect(
            footer.contains(
                "<w:b/><w:bCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr><w:t xml:space=\"preserve\">KT. GIÁM ĐỐC</w:t>"
            ))
        #expect(footer.contains(">PHÓ GIÁM ĐỐC<"))
        #expect(footer.contains("w:before=\"1700\""))
        #expect(footer.contains(">Hoàng Văn Minh<"))
    }

    @Test func archiveLineIsAddedWhenMissing() {
        var plan = OfficialPlan(issuingBody: "SỞ NGOẠI VỤ", title: "Thử")
        plan.recipients = ["UBND tỉnh;", "- Sở Tư pháp"]
        #expect(plan.printedRecipients == ["UBND tỉnh", "Sở Tư pháp", "Lưu: VT"])
    }

    @Test func xmlEscapingAndForbiddenCharacters() {
        #expect(WordML.escape("A & B <C> \"d\" 'e'") == "A &amp; B &lt;C&gt; &quot;d&quot; &apos;e&apos;")
        #expect(WordML.escape("x\u{0001}y\u{000B}z") == "xyz")
    }

    @Test func vietnameseLettersAndLabels() {
        #expect(OutlineLabels.vietnameseLetters.joined() == "abcdđeghiklmnopqrstuvxy")
        #expect(OutlineLabels.letter(5) == "đ")
        #expect(OutlineLabels.letter(7) == "g")
        #expect(OutlineLabels.label(forRef: "II.3") == "3.")
        #expect(OutlineLabels.label(forRef: "II.3.1") == "3.1.")
        #expect(OutlineLabels.label(forRef: "II.3.1.a") == "a)")
        #expect(OutlineLabels.ref("III.2.a", inPart: 2) == "II.2.a")
        #expect(OutlineLabels.roman(4) == "IV")
    }

    @Test func signatureLinesFromSigner() {
        let s = OfficialPlan.Signature(
            Signer(name: "A B", position: "PHÓ BÍ THƯ kiêm TRƯỞNG BAN", authority: "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"))
        #expect(s.authority == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"])
        #expect(s.position == ["PHÓ BÍ THƯ", "kiêm", "TRƯỞNG BAN"])
    }
}
