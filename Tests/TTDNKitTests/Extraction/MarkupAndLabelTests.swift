import Testing

@testable import TTDNKit

/// What counts as markup in a document's text, which headings are attribute labels, and the verbs that
/// belong to a name: the rules behind three fixed round-trip findings (ExportReaderRegressions).
@Suite("Extraction: markup, labels and names")
struct MarkupAndLabelTests {
    @Test func onlyHTMLElementsAreMarkup() {
        #expect(TextCleaner.removeMarkup("Số<sup>1</sup> lượng") == "Số lượng")
        #expect(TextCleaner.removeMarkup("<b>Nội dung</b>").trimmingWhitespace() == "Nội dung")
        #expect(TextCleaner.removeMarkup("dòng một<BR/>dòng hai") == "dòng một dòng hai")
        #expect(TextCleaner.removeMarkup("<span class=\"x\">Sở</span>").trimmingWhitespace() == "Sở")
        // The document's own angle brackets stay.
        #expect(TextCleaner.removeMarkup("Gửi <Tên đơn vị> trước ngày 15") == "Gửi <Tên đơn vị> trước ngày 15")
        #expect(TextCleaner.removeMarkup("In tài liệu <bản thử>") == "In tài liệu <bản thử>")
        #expect(TextCleaner.removeMarkup("chỉ số a < b > c") == "chỉ số a < b > c")
        #expect(TextCleaner.removeMarkup("<ghichu>") == "<ghichu>")
    }

    @Test func verbsThatOpenTitlesAreLabelsOnlyWithLabelWords() {
        #expect(TaskFields.attribute(heading: "Phối hợp thực hiện")?.field == .support)
        #expect(TaskFields.attribute(heading: "Chủ trì")?.field == .lead)
        #expect(TaskFields.attribute(heading: "Phối hợp đón đoàn khách") == nil)
        #expect(TaskFields.attribute(heading: "Chủ trì hội nghị giao ban") == nil)
        // With a colon the label is plain, whatever follows.
        #expect(TaskFields.attribute(heading: "Phối hợp: Công an tỉnh")?.field == .support)
        // Other attribute words keep the short-heading rule.
        #expect(TaskFields.attribute(heading: "Đơn vị phối hợp")?.field == .support)
        #expect(TaskFields.attribute(heading: "Thời gian thực hiện")?.field == .time)
        #expect(TaskFields.attribute(heading: "Đối tượng tập huấn") != nil)
    }

    @Test func aVerbAfterNhaBelongsToTheName() {
        let names = AgencyListSplitter.names(in: "Nhà xuất bản Thông tấn, Nhà in Báo Lạng Sơn in ấn phẩm").map(\.text)
        #expect(names == ["Nhà xuất bản Thông tấn", "Nhà in Báo Lạng Sơn"])
        // Elsewhere the verb still ends the list.
        #expect(AgencyListSplitter.names(in: "Báo Lạng Sơn in ấn phẩm").map(\.text) == ["Báo Lạng Sơn"])
    }

    @Test func aDateEndingTheSentenceKeepsItsMonth() {
        let found = ReportingParser.deadlinesIn("bao cao truoc ngay 15/11. cac don vi")
        #expect(found.first?.day == 15)
        #expect(found.first?.month == 11)
        #expect(ReportingParser.deadlinesIn("truoc ngay 20 thang 6; dong thoi").first?.month == 6)
    }
}
