import Testing

@testable import TTDNKit

@Suite("Extraction: cleaning, labels and page breaks")
struct LayoutTests {
    /// Text copied from a legal-document website: the site's title and metadata block before the document,
    /// the header table flattened into lines and `|` cells, the place-and-date line wrapped in its cell.
    @Test func aWebsiteCopyFindsTheDocumentBelowTheSitesBlock() {
        let plan = ExtractionFixture.plan(
            """
            Kế hoạch 17/KH-UBND năm 2024 về công tác thông tin đối ngoại tỉnh Hà Giang
            Số hiệu: 17/KH-UBND Loại văn bản: Kế hoạch
            Nơi ban hành: Tỉnh Hà Giang Người ký: Lê Văn Tám
            Ngày ban hành: 19/01/2024 Ngày hiệu lực: Đã biết
            ỦY BAN NHÂN DÂN
            TỈNH HÀ GIANG
            -------
            |
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Độc lập - Tự do - Hạnh phúc
            |
            Số: 17/KH-UBND
            |
            Hà Giang, ngày 19
            tháng 01 năm 2024
            |
            KẾ HOẠCH
            CÔNG TÁC THÔNG TIN ĐỐI NGOẠI TỈNH HÀ GIANG NĂM 2024
            Căn cứ Nghị định số 72/2015/NĐ-CP ngày 07/9/2015 của Chính phủ;
            I. MỤC ĐÍCH, YÊU CẦU
            Quảng bá hình ảnh tỉnh.
            """)
        #expect(plan.kind == "KẾ HOẠCH")
        #expect(plan.title == "CÔNG TÁC THÔNG TIN ĐỐI NGOẠI TỈNH HÀ GIANG NĂM 2024")
        #expect(plan.number == "17" && plan.symbol == "KH-UBND")
        #expect(plan.place == "Hà Giang" && plan.date == "2024-01-19")
        #expect(plan.year == 2024)
        #expect(plan.citations.map(\.number) == ["72/2015/NĐ-CP"])
    }

    @Test func romanPartsInEveryConverterSpelling() {
        for line in ["II. NỘI DUNG", "II- NỘI DUNG", "**II.** NỘI DUNG", "## **II. NỘI DUNG**", "II – NỘI DUNG"] {
            let cleaned = TextCleaner.clean(line).lines[0].text
            #expect(ItemLabel.parse(cleaned)?.0 == .roman("II"), "\(line)")
        }
        #expect(ItemLabel.parse("IIII. Sai")?.0 == nil)
        #expect(ItemLabel.parse("Việt Nam")?.0 == nil)
    }

    @Test func numberedAndLetterLabels() {
        #expect(ItemLabel.parse("3.1. Tập huấn")?.0 == .number([3, 1]))
        #expect(ItemLabel.parse("3.1 Tập huấn")?.0 == .number([3, 1]))
        #expect(ItemLabel.parse("12) Hội thảo")?.0 == .number([12]))
        #expect(ItemLabel.parse("đ) Xuất bản")?.0 == .letter("đ"))
        // Numbers inside sentences are not labels.
        #expect(ItemLabel.parse("1.5 tỷ đồng từ ngân sách") == nil)
        #expect(ItemLabel.parse("2024 là năm") == nil)
        #expect(ItemLabel.parse("3 cuộc thi") == nil)
    }

    @Test func emphasisFootnotesAndArtefactsGo() {
        let doc = TextCleaner.clean(
            """
            Tuyên truyền *Nghị quyết*<sup>(2)</sup> về **biển, đảo**
            117
            - 4 -
            báo cáo đột xuất. P2
            <sup>(2)</sup> Nghị quyết số 36-NQ/TW.
            """)
        #expect(doc.lines.map(\.text) == ["Tuyên truyền Nghị quyết về biển, đảo", "báo cáo đột xuất."])
        #expect(doc.footnotes == ["Nghị quyết số 36-NQ/TW."])
    }

    @Test func boldBulletLabelIsKept() {
        let line = TextCleaner.clean("- **Đề nghị Công an tỉnh:** nắm tình hình").lines[0]
        #expect(line.bullet)
        #expect(line.boldLead == "Đề nghị Công an tỉnh:")
        #expect(line.text == "Đề nghị Công an tỉnh: nắm tình hình")
    }

    @Test func pageBreaksJoinButHeadingsDoNot() {
        let lines = TextCleaner.clean(
            """
            - Đơn vị thực hiện: Trung tâm Thông tin đối

            ngoại tỉnh.
            1. Xây dựng văn bản chỉ đạo

            Ban hành văn bản hướng dẫn.
            - Đơn vị phối hợp: Phòng Hợp tác quốc tế, người

            Việt Nam ở nước ngoài.
            """
        ).lines
        let paragraphs = DocumentLayout.paragraphs(lines, joinBrokenLines: true)
        #expect(
            paragraphs.map(\.text) == [
                "Đơn vị thực hiện: Trung tâm Thông tin đối ngoại tỉnh.",
                "1. Xây dựng văn bản chỉ đạo",
                "Ban hành văn bản hướng dẫn.",
                "Đơn vị phối hợp: Phòng Hợp tác quốc tế, người Việt Nam ở nước ngoài.",
            ])
        // A Word paragraph is whole: a capitalised next paragraph is never glued on.
        let word = DocumentLayout.paragraphs(lines, joinBrokenLines: false)
        #expect(word.count == 5)
    }

    @Test func headerFields() {
        let h = HeaderParser.parse(["ỦY BAN NHÂN DÂN", "Số:   /KH-UBND", "Điện Biên, ngày     tháng 02 năm 2024"])
        #expect(h.number == nil)
        #expect(h.symbol == "KH-UBND")
        #expect(h.place == "Điện Biên")
        #expect(h.date == "2024-02")
        let party = HeaderParser.parse(["Số 45-KH/TU", "Hà Tĩnh, ngày 5 tháng 1 năm 2024"])
        #expect(party.number == "45")
        #expect(party.symbol == "KH/TU")
        #expect(party.date == "2024-01-05")
    }

    @Test func titleYear() {
        #expect(HeaderParser.year(inTitle: "Công tác thông tin đối ngoại năm 2024") == 2024)
        #expect(HeaderParser.year(inTitle: "Thông tin đối ngoại giai đoạn 2021 - 2025") == nil)
        #expect(HeaderParser.year(inTitle: "Tuyên truyền kỷ niệm 30 năm tái lập tỉnh") == nil)
    }

    @Test func dates() {
        #expect(DateGrammar.parse("ngày 07/9/2015")?.iso == "2015-09-07")
        #expect(DateGrammar.parse("ngày 03 tháng 02 năm 2023")?.iso == "2023-02-03")
        #expect(DateGrammar.parse("ngày  tháng 11 năm 2020")?.iso == "2020-11")
        #expect(DateGrammar.parse("ngày 30/02/2023")?.iso == nil)
        #expect(DateGrammar.parse("ngày mai") == nil)
    }
}
