import Testing

@testable import TTDNKit

@Suite("Evidence proposals")
struct EvidenceMatcherTests {
    /// Tasks as the demo plan and a real one word them.
    static let tasks = [
        EvidenceMatcher.Task(
            id: "bulletin", title: "Phát hành Bản tin thông tin đối ngoại Lạng Sơn",
            content: "Thời gian thực hiện: phát hành 04 số (01 số/quý).", units: ["số"], isOpen: true),
        EvidenceMatcher.Task(
            id: "site", title: "Cập nhật Trang thông tin đối ngoại của tỉnh bằng tiếng Việt, tiếng Anh và tiếng Trung",
            content: "", units: [], isOpen: true),
        EvidenceMatcher.Task(
            id: "handbook", title: "Xuất bản Sổ tay biên giới năm 2023", content: "", units: [], isOpen: true),
        EvidenceMatcher.Task(
            id: "printed", title: "Sản xuất ấn phẩm, tài liệu về thông tin đối ngoại",
            content: "Ấn phẩm bằng ngôn ngữ Anh, Trung giới thiệu tiềm năng của tỉnh.", units: [], isOpen: true),
        EvidenceMatcher.Task(
            id: "training", title: "Tổ chức tập huấn nghiệp vụ thông tin đối ngoại", content: "02 lớp tập huấn",
            units: ["lớp tập huấn"], isOpen: true),
        EvidenceMatcher.Task(
            id: "photos", title: "Triển lãm hình ảnh về biên giới", content: "Ảnh tư liệu", units: [], isOpen: true),
    ]

    static func ids(_ proposals: [EvidenceMatcher.Proposal]) -> [String] { proposals.map(\.taskID) }

    @Test("A bulletin issue goes to the bulletin task first, for its name and its unit")
    func bulletin() {
        let output = EvidenceMatcher.Output(
            channel: .publication, kindNames: ["bản tin", "bản tin đối ngoại"], units: ["số"],
            title: "Bản tin Thông tin đối ngoại Lạng Sơn, số 2/2026")
        let proposals = EvidenceMatcher.propose(output, among: Self.tasks)
        #expect(proposals.first?.taskID == "bulletin")
        #expect(proposals.first?.reasons.contains(.kindInTitle) == true)
        #expect(proposals.first?.reasons.contains(.unit) == true)
        #expect(!Self.ids(proposals).contains("training"))
    }

    @Test("A handbook goes to the handbook task; an English one also to printed matter in English")
    func handbook() {
        let output = EvidenceMatcher.Output(
            channel: .publication, kindNames: ["sổ tay"], units: ["cuốn"], title: "Sổ tay biên giới 2026",
            languages: ["Tiếng Việt", "Tiếng Anh"])
        let proposals = EvidenceMatcher.propose(output, among: Self.tasks)
        #expect(Self.ids(proposals).prefix(2) == ["handbook", "printed"])
        #expect(proposals[1].reasons.contains(.language))
    }

    @Test("Articles go to the site task that names their language; a photo is not the language Anh")
    func articles() {
        let english = EvidenceMatcher.Output(
            channel: .article, title: "Huu Nghi border gate clears goods", languages: ["Tiếng Việt", "Tiếng Anh"])
        let proposals = EvidenceMatcher.propose(english, among: Self.tasks)
        #expect(proposals.first?.taskID == "site")
        #expect(proposals.first?.reasons.contains(.language) == true)
        // `ảnh` (photo) is not the language `Anh`.
        #expect(!Self.ids(proposals).contains("photos"))
        let vietnamese = EvidenceMatcher.Output(
            channel: .article, title: "Cửa khẩu Hữu Nghị thông quan", languages: ["Tiếng Việt"])
        let proposed = EvidenceMatcher.propose(vietnamese, among: Self.tasks)
        #expect(proposed.first?.taskID == "site" && proposed.first?.reasons.contains(.language) == true)
        // Vietnamese is not a foreign language: printed matter in English and Chinese is not proposed for it.
        #expect(!Self.ids(proposed).contains("printed"))
    }

    @Test("Nothing in common, nothing proposed; on a tie an open task comes first")
    func thresholdAndTies() {
        let video = EvidenceMatcher.Output(channel: .publication, kindNames: ["phim"], title: "Mùa hoa hồi")
        #expect(EvidenceMatcher.propose(video, among: [Self.tasks[4]]).isEmpty)
        var closed = Self.tasks[0]
        closed.id = "closed"
        closed.isOpen = false
        let output = EvidenceMatcher.Output(
            channel: .publication, kindNames: ["bản tin"], units: ["số"], title: "Bản tin số 1")
        #expect(
            Self.ids(EvidenceMatcher.propose(output, among: [closed, Self.tasks[0]])).prefix(2) == [
                "bulletin", "closed",
            ])
    }
}
