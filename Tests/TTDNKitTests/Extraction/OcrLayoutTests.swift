import Testing

@testable import TTDNKit

@Suite("Extraction: OCR words laid out as text")
struct OcrLayoutTests {
    /// One TSV row of a word: block, paragraph and line number, left edge and width in pixels.
    private static func word(_ b: Int, _ p: Int, _ l: Int, _ left: Int, _ text: String, conf: Double = 90) -> String {
        "5\t1\t\(b)\t\(p)\t\(l)\t1\t\(left)\t100\t\(text.count * 20)\t40\t\(conf)\t\(text)"
    }

    private static func tsv(_ rows: [String]) -> String {
        (["level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"] + rows)
            .joined(separator: "\n")
    }

    /// Words of one line, placed one after another with one letter's gap, from `left`.
    private static func run(_ b: Int, _ p: Int, _ l: Int, from left: Int, _ text: String) -> [String] {
        var x = left
        return text.split(separator: " ").map { w in
            defer { x += (w.count + 1) * 20 }
            return word(b, p, l, x, String(w))
        }
    }

    @Test func twoCellsOfAHeaderRowStayApart() {
        let rows = Self.run(1, 1, 1, from: 100, "UBND TỈNH CAO BẰNG") + Self.run(1, 1, 1, from: 1000, "CỘNG HÒA XÃ HỘI")
        let lines = OcrLayout.lines(fromTSV: Self.tsv(rows))
        #expect(lines.count == 1)
        let split = PdfText.split(Substring(lines[0].text))
        #expect(split?.0 == "UBND TỈNH CAO BẰNG")
        #expect(split?.1 == "CỘNG HÒA XÃ HỘI")
    }

    @Test func uncertainSpecksGoButBulletsStay() {
        let rows = [
            Self.word(1, 1, 1, 100, "-", conf: 20), Self.word(1, 1, 1, 140, "Sở"),
            Self.word(1, 1, 1, 200, "'", conf: 10),
        ]
        #expect(OcrLayout.parse(Self.tsv(rows)).map(\.text) == ["-", "Sở"])
    }

    @Test func linesThePageBrokeAreJoinedAndShortOnesAreNot() {
        // Six lines of running text to the right margin, the last one short; then a new paragraph.
        var rows: [String] = []
        let full = "tăng cường công tác thông tin đối ngoại của tỉnh trên các kênh"
        for l in 1...3 { rows += Self.run(1, 1, l, from: 100, full) }
        rows += Self.run(1, 1, 4, from: 100, "trong năm 2024.")
        for l in 1...2 { rows += Self.run(1, 2, l, from: 100, full) }
        rows += Self.run(1, 2, 3, from: 100, "nhiệm kỳ 2020")
        let lines = OcrLayout.lines(fromTSV: Self.tsv(rows))
        #expect(lines.filter(\.full).count == 5)
        let joined = OcrLayout.joinWrapped(lines).filter { !$0.isEmpty }
        #expect(joined.count == 2)
        #expect(joined[0].hasSuffix("các kênh trong năm 2024."))
        #expect(joined[1].hasSuffix("nhiệm kỳ 2020"))
    }

    @Test func aBrokenLineGoesOnOnlyIntoText() {
        #expect(OcrLayout.continues("Sở Ngoại vụ chủ trì phối hợp với các sở,", into: "ban, ngành"))
        #expect(!OcrLayout.continues("hoàn thành trong năm.", into: "Sở Ngoại vụ"))
        #expect(!OcrLayout.continues("phối hợp với", into: "2. Tuyên truyền"))
        #expect(!OcrLayout.continues("phối hợp với", into: "Nơi nhận:"))
        #expect(OcrLayout.continues("nhiệm kỳ 2023", into: "- 2025 và những năm tiếp theo"))
        #expect(!OcrLayout.continues("nhiệm kỳ 2023", into: "- Sở Tư pháp"))
    }
}
