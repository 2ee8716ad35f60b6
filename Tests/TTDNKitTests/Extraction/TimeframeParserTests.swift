import Testing

@testable import TTDNKit

@Suite("Extraction: timeframes")
struct TimeframeParserTests {
    @Test func kinds() {
        #expect(TimeframeParser.parse("Thường xuyên.")?.kind == .ongoing)
        #expect(TimeframeParser.parse("trong năm")?.kind == .year)
        #expect(TimeframeParser.parse("Theo chỉ đạo của UBND tỉnh")?.kind == .external)
        #expect(TimeframeParser.parse("Khi có yêu cầu")?.kind == .external)
    }

    @Test func quarters() {
        let t = TimeframeParser.parse("Quý III, IV năm 2024")
        #expect(t?.kind == .quarters)
        #expect(t?.quarters == [3, 4])
        #expect(t?.year == 2024)
        #expect(TimeframeParser.parse("dự kiến trong quý 2/2025")?.quarters == [2])
        #expect(TimeframeParser.parse("Quý I và Quý III")?.quarters == [1, 3])
        #expect(TimeframeParser.parse("Quý II - Quý IV")?.quarters == [2, 3, 4])
        #expect(TimeframeParser.parse("Quý II")?.year == nil)
        #expect(TimeframeParser.parse("6 tháng cuối năm 2024")?.quarters == [3, 4])
        #expect(TimeframeParser.parse("tháng 5 - 7/2024")?.quarters == [2, 3])
    }

    @Test func recurring() {
        let t = TimeframeParser.parse("xuất bản 24 số (02 số/tháng)")
        #expect(t?.kind == .recurring)
        #expect(t?.every == .month)
        #expect(t?.count == 24)
        #expect(TimeframeParser.parse("Tháng năm và tháng sáu")?.kind != .recurring)
        let q = TimeframeParser.parse("Hằng quý")
        #expect(q?.every == .quarter)
        #expect(q?.count == nil)
        #expect(TimeframeParser.parse("theo tháng")?.every == .month)
        // A yearly plan's training is external even though it says "hằng năm".
        #expect(TimeframeParser.parse("Theo kế hoạch tập huấn hằng năm của Bộ")?.kind == .external)
    }

    @Test func yearWithoutWords() {
        let t = TimeframeParser.parse("Năm 2025")
        #expect(t?.kind == .year)
        #expect(t?.year == 2025)
    }
}
