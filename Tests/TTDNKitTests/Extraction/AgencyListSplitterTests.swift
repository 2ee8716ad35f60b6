import Testing

@testable import TTDNKit

@Suite("Extraction: agency lists")
struct AgencyListSplitterTests {
    func names(_ s: String) -> [String] { AgencyListSplitter.names(in: s).map(\.text) }

    @Test func commasInsideANameDoNotSplit() {
        #expect(
            names("Sở Văn hóa, Thể thao và Du lịch; Sở Lao động - Thương binh và Xã hội.") == [
                "Sở Văn hóa, Thể thao và Du lịch", "Sở Lao động - Thương binh và Xã hội",
            ])
    }

    @Test func splitsWhereANewHeadBegins() {
        #expect(
            names("Văn phòng, Phòng Nghiệp vụ, Thanh tra Sở, Trung tâm Hỗ trợ") == [
                "Văn phòng", "Phòng Nghiệp vụ", "Thanh tra Sở", "Trung tâm Hỗ trợ",
            ])
    }

    @Test func groupMentionsStayWhole() {
        #expect(
            names("các sở, ban, ngành, UBND các huyện, thị xã và các cơ quan, đơn vị có liên quan") == [
                "các sở, ban, ngành", "UBND các huyện, thị xã", "các cơ quan, đơn vị có liên quan",
            ])
        #expect(names("Các Phòng, Trung tâm thuộc Sở Ngoại vụ") == ["Các Phòng, Trung tâm thuộc Sở Ngoại vụ"])
    }

    @Test func stopsAtThePredicateAndDropsAsides() {
        #expect(names("Đề nghị Sở Tài chính (đối với phần kinh phí) tham mưu cho UBND tỉnh") == ["Sở Tài chính"])
        #expect(names("Công an tỉnh là cơ quan thường trực") == ["Công an tỉnh"])
    }

    @Test func andBeforeANewHeadSplitsButNotInsideANameOrAfterAnAcronymPair() {
        #expect(
            names("Báo Hà Giang và Đài Phát thanh và Truyền hình tỉnh") == [
                "Báo Hà Giang", "Đài Phát thanh và Truyền hình tỉnh",
            ])
    }

    @Test func flagsNamesWithoutAKnownHead() {
        let found = AgencyListSplitter.names(in: "Sở Nội vụ, Nhóm chuyên gia tư vấn")
        #expect(found.map(\.recognised) == [true])
        let odd = AgencyListSplitter.names(in: "Nhóm chuyên gia tư vấn")
        #expect(odd.first?.recognised == false)
    }
}
