import Foundation
import ZIPFoundation

@testable import TTDNKit

/// Plans of our own for the export tests (no text from real plans), with the names that trip readers up:
/// commas inside a name, `&` and `<`, group mentions, nesting down to `II.3.1.a`.
enum ExportFixtures {
    /// The moment the test documents are made (1 January 2025, UTC): tests read no clock.
    static let options = PlanDocxWriter.Options(created: Date(timeIntervalSince1970: 1_735_689_600))

    static func task(
        _ ref: String, _ title: String, lead: [String] = [], support: [String] = [], _ timeframe: Timeframe? = nil
    ) -> PlanTask {
        PlanTask(ref: ref, title: title, lead: lead, support: support, timeframe: timeframe)
    }

    static var plan: PlanDocument {
        var p = PlanDocument()
        p.kind = "KẾ HOẠCH"
        p.number = "5"
        p.symbol = "KH-SNgV"
        p.place = "Lạng Sơn"
        p.date = "2024-02-05"
        p.title = "Công tác thông tin đối ngoại năm 2024"
        p.year = 2024
        p.citations = [
            Citation(kind: "Nghị định", number: "72/2015/NĐ-CP", date: "2015-09-07"),
            Citation(kind: "Kế hoạch", number: "15/KH-UBND", date: "2024-01-20"),
        ]
        p.tasks = [
            task(
                "II.1", "Phát hành Bản tin đối ngoại của tỉnh", lead: ["Trung tâm Thông tin và Dịch vụ đối ngoại"],
                Timeframe(text: "phát hành 04 số (01 số/quý)", kind: .recurring, every: .quarter, count: 4)),
            task(
                "II.2", "Cập nhật Trang thông tin đối ngoại của tỉnh", lead: ["Sở Ngoại vụ"],
                support: ["Sở Văn hóa, Thể thao và Du lịch", "Báo Lạng Sơn"],
                Timeframe(text: "Thường xuyên", kind: .ongoing)),
            task("II.3", "Bồi dưỡng nghiệp vụ thông tin đối ngoại"),
            task(
                "II.3.1", "Mở lớp tập huấn cho cán bộ cấp xã", lead: ["Sở Ngoại vụ"],
                support: ["Công ty In & Bao bì Lạng Sơn", "UBND các huyện, thành phố"],
                Timeframe(text: "Quý II, III năm 2024", kind: .quarters, quarters: [2, 3], year: 2024)),
            task(
                "II.3.1.a", "Biên soạn tài liệu bồi dưỡng", lead: ["Trung tâm Thông tin và Dịch vụ đối ngoại"],
                Timeframe(text: "Quý I năm 2024", kind: .quarters, quarters: [1], year: 2024)),
            task(
                "II.3.1.b", "In tài liệu song ngữ Việt - Anh & gửi các xã", lead: ["Công ty TNHH Truyền thông <A&B>"],
                Timeframe(text: "Trong năm 2024", kind: .year, year: 2024)),
            task(
                "II.4", "Thông tin về hoạt động đối ngoại của tỉnh trên sóng truyền hình",
                lead: ["Đài Phát thanh và Truyền hình tỉnh"],
                support: ["Sở Văn hóa, Thể thao và Du lịch", "Công an tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"],
                Timeframe(text: "Theo kế hoạch của Ban Chỉ đạo", kind: .external)),
            task(
                "II.5", "Tổng hợp tin tức nước ngoài viết về tỉnh", lead: ["Sở Ngoại vụ"],
                support: ["các sở, ban, ngành"],
                Timeframe(text: "Hằng tháng", kind: .recurring, every: .month)),
        ]
        p.responsibilities = [
            Responsibility(ref: "IV.1", agencies: ["Sở Ngoại vụ"]),
            Responsibility(ref: "IV.2", agencies: ["Sở Văn hóa, Thể thao và Du lịch"]),
            Responsibility(ref: "IV.3", agencies: ["Báo Lạng Sơn"]),
            Responsibility(ref: "IV.3", agencies: ["Đài Phát thanh và Truyền hình tỉnh"]),
        ]
        p.reporting = [
            ReportingDuty(frequency: .quarterly, beforeDay: 15, month: .lastOfQuarter, to: "Sở Ngoại vụ"),
            ReportingDuty(frequency: .yearly, beforeDay: 15, month: .number(11), to: "Sở Ngoại vụ"),
            ReportingDuty(frequency: .adHoc, to: "Sở Ngoại vụ"),
        ]
        p.signer = Signer(name: "Hoàng Văn Minh", position: "PHÓ GIÁM ĐỐC", authority: "KT. GIÁM ĐỐC")
        p.recipients = ["UBND tỉnh (b/c)", "Ban Tuyên giáo Tỉnh ủy", "Các sở, ban, ngành", "Lưu: VT, TTTT"]
        return p
    }

    static var extras: OfficialPlan.Extras {
        var e = OfficialPlan.Extras(parentBody: "UBND TỈNH LẠNG SƠN", issuingBody: "SỞ NGOẠI VỤ")
        e.purposes = [
            OfficialPlan.Item(
                heading: "Mục đích", paragraphs: ["- Giới thiệu hình ảnh, tiềm năng của tỉnh với bạn bè quốc tế."]),
            OfficialPlan.Item(
                heading: "Yêu cầu",
                paragraphs: ["- Bám sát chủ trương của Đảng, chính sách của Nhà nước về thông tin đối ngoại."]),
        ]
        e.taskContent["II.1"] = ["Duy trì chất lượng Bản tin, mỗi số giới thiệu một địa phương của tỉnh."]
        e.taskOutputs["II.1"] = ["04 số bản tin"]
        e.funding = ["Kinh phí thực hiện từ dự toán ngân sách năm 2024 của các cơ quan, đơn vị."]
        e.closing = ["Trên đây là Kế hoạch công tác thông tin đối ngoại năm 2024 của Sở Ngoại vụ."]
        return e
    }

    /// A plan with the day and the number left blank, two content parts and a `kiêm` title.
    static var blankDayPlan: PlanDocument {
        var p = plan
        p.number = nil
        p.date = "2024-02"
        p.tasks = [
            task(
                "II.1", "Đón tiếp phóng viên nước ngoài", lead: ["Sở Ngoại vụ"], support: ["Công an tỉnh"],
                Timeframe(text: "Quý IV năm 2024", kind: .quarters, quarters: [4], year: 2024)),
            task(
                "III.1", "Tuyên truyền về biên giới trên đất liền", lead: ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh"],
                Timeframe(text: "Trong năm", kind: .year)),
            task(
                "III.2", "Giới thiệu văn hóa các dân tộc của tỉnh", lead: ["Sở Văn hóa, Thể thao và Du lịch"],
                support: ["Hội Liên hiệp Phụ nữ tỉnh", "Tỉnh đoàn"],
                Timeframe(text: "Quý I, II", kind: .quarters, quarters: [1, 2])),
        ]
        p.signer = Signer(name: "Lương Thị Hoa", position: "PHÓ BÍ THƯ kiêm TRƯỞNG BAN CHỈ ĐẠO", authority: nil)
        p.reporting = []
        return p
    }

    /// The text of a part of a DOCX.
    static func part(_ path: String, of docx: Data) throws -> String {
        let archive = try Archive(data: docx, accessMode: .read)
        guard let entry = archive[path] else { throw CocoaError(.fileNoSuchFile) }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    static func entries(of docx: Data) throws -> [String] {
        try Archive(data: docx, accessMode: .read).map(\.path)
    }
}
