import Testing

@testable import TTDNKit

@Suite("Extraction: citations")
struct CitationParserTests {
    @Test func readsBothDateFormsAndKinds() {
        let found = CitationParser.citations(
            in: [
                "Căn cứ Nghị quyết số 12/2021/NQ-HĐND ngày 05/7/2021 của HĐND tỉnh; Thông tư số 03/2019/TT-BNG ngày 10 tháng 01 năm 2019 của Bộ Ngoại giao."
            ], excluding: nil)
        #expect(found.map(\.number) == ["12/2021/NQ-HĐND", "03/2019/TT-BNG"])
        #expect(found.map(\.date) == ["2021-07-05", "2019-01-10"])
        #expect(found.map(\.kind) == ["Nghị quyết", "Thông tư"])
    }

    @Test func aQualifiedKindBeforeSo() {
        let found = CitationParser.citations(
            in: [
                "Chương trình hành động số 27/CTr-UBND, ngày 13/10/2022 và Kế hoạch liên tịch số 03/KHLT-SNgV-SVHTTDL; Chương trình công tác năm 2023 của tỉnh."
            ], excluding: nil)
        #expect(found.map(\.number) == ["27/CTr-UBND", "03/KHLT-SNgV-SVHTTDL"])
        #expect(found.map(\.date) == ["2022-10-13", nil])
    }

    @Test func numberWithoutSoAndSplitSymbolAndCommaBeforeDate() {
        let found = CitationParser.citations(
            in: ["theo Chỉ thị 16/CT-UBND và Quyết định số 845/QĐ- UBND, ngày 2/12/2022 của tỉnh"], excluding: nil)
        #expect(found.map(\.number) == ["16/CT-UBND", "845/QĐ-UBND"])
        #expect(found[0].date == nil)
        #expect(found[1].date == "2022-12-02")
    }

    @Test func partyNumbersAndOnceEach() {
        let found = CitationParser.citations(
            in: [
                "Thực hiện Kết luận số 40-KL/TU của Tỉnh ủy.", "Tiếp tục thực hiện Kết luận số 40-KL/TU ngày 9/9/2022.",
            ],
            excluding: nil)
        #expect(found.count == 1)
        // A later mention fills in the date the first one lacked.
        #expect(found.first?.date == "2022-09-09")
    }

    @Test func ignoresUnnumberedDocumentsAndTheOwnNumber() {
        let found = CitationParser.citations(
            in: ["Nghị quyết Đại hội XIII của Đảng; Kế hoạch số 88/KH-UBND này; Luật Báo chí năm 2016"],
            excluding: "88/KH-UBND")
        #expect(found.isEmpty)
    }

    @Test func impossibleDateIsDropped() {
        let found = CitationParser.citations(in: ["Công văn số 77/UBND-NC ngày 31/02/2023"], excluding: nil)
        #expect(found.first?.number == "77/UBND-NC")
        #expect(found.first?.date == nil)
    }
}
