import TTDNKit
import Testing

/// The source's changes paragraph by paragraph, for a translation made from an older revision.
@Suite("Paragraph diff")
struct ParagraphDiffTests {
    @Test("Kept, changed (with its words), removed and added paragraphs, in order")
    func paragraphs() {
        let old = """
            Lễ hội Kỳ Lừa khai mạc ngày 15 tháng Giêng.

            Có 3 đoàn khách quốc tế tham dự.

            Chương trình kéo dài hai ngày.
            """
        let new = """
            Lễ hội Kỳ Lừa khai mạc ngày 15 tháng Giêng.

              Có 5 đoàn khách quốc tế tham dự.

            Lần đầu có gian hàng của tỉnh Quảng Tây.
            """
        let changes = TextDiff.paragraphs(old, new)
        #expect(changes.map(\.kind) == [.same, .changed, .changed])
        #expect(changes[1].words.filter { $0.kind != .same }.map(\.text) == ["3 ", "5 "])
        #expect(changes[2].old == "Chương trình kéo dài hai ngày.")

        let grown = TextDiff.paragraphs("Một.\n\nHai.", "Một.\n\n\n\nHai.\n\nBa.")
        #expect(grown.map(\.kind) == [.same, .same, .added], "blank lines between do not count")
        #expect(TextDiff.paragraphs("Một.\n\nHai.", "Hai.").map(\.kind) == [.removed, .same])
        #expect(TextDiff.paragraphs("", "").isEmpty)
        #expect(TextDiff.paragraphs("Giống nhau.", "Giống nhau.").allSatisfy { $0.kind == .same })
    }
}
