import Testing

@testable import TTDNKit

@Suite("Extraction: agencies in prose")
struct ProseAgenciesTests {
    func find(_ s: String) -> (lead: [String], support: [String]) {
        let f = ProseAgencies.find(in: s)
        return (f.lead.map(\.text), f.support.map(\.text))
    }

    @Test func leadThenPartners() {
        let f = find("Sở Ngoại vụ chủ trì, phối hợp với Sở Công Thương, Báo Hà Giang tổ chức hội chợ.")
        #expect(f.lead == ["Sở Ngoại vụ"])
        #expect(f.support == ["Sở Công Thương", "Báo Hà Giang"])
    }

    @Test func leadInBracketsAndAfterGiao() {
        #expect(find("Tổ chức tọa đàm (Hội Nhà báo tỉnh chủ trì).").lead == ["Hội Nhà báo tỉnh"])
        #expect(find("Giao Sở Tư pháp chủ trì thực hiện.").lead == ["Sở Tư pháp"])
    }

    @Test func partnersWithAnAdverbAndBareSubjectPartner() {
        #expect(find("phối hợp chặt chẽ với Công an tỉnh để xử lý").support == ["Công an tỉnh"])
        #expect(find("Đài Phát thanh - Truyền hình tỉnh chủ trì; Báo Hà Giang phối hợp.").support == ["Báo Hà Giang"])
    }

    @Test func vagueGroupsAreNotAgencies() {
        let f = find("phối hợp với các lực lượng trong nước triển khai hoạt động; tổ chức phối hợp chặt chẽ.")
        #expect(f.support.isEmpty)
        #expect(f.lead.isEmpty)
    }

    @Test func aLabelIsNotProse() {
        // `Đơn vị chủ trì:` is a label (read elsewhere), not `Đơn vị` leading anything.
        #expect(find("Đơn vị chủ trì: Sở Y tế").lead.isEmpty)
    }
}
