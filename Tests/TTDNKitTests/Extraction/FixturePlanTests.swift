import Foundation
import Testing

@testable import TTDNKit

/// Whole plans written for these tests in other provinces' styles (Markdown from a PDF converter,
/// plain text of a Party committee, and the same plan as DOCX).
@Suite("Extraction: whole plans")
struct FixturePlanTests {
    @Test func markdownPlanFromAPdfConverter() throws {
        let plan = try PlanReader.read(data: ExtractionFixture.data("plan-bac-kan.md"), filename: "plan-bac-kan.md")
            .plan
        #expect(plan.kind == "KẾ HOẠCH")
        #expect(plan.number == "27")
        #expect(plan.symbol == "KH-UBND")
        #expect(plan.place == "Bắc Kạn")
        #expect(plan.date == "2025-01-09")
        #expect(plan.title == "Công tác thông tin đối ngoại trên địa bàn tỉnh Bắc Kạn năm 2025")
        #expect(plan.year == 2025)
        #expect(plan.citations.map(\.number) == ["72/2015/NĐ-CP", "1003/QĐ-UBND", "15-KH/TU", "88/2012/NĐ-CP"])
        #expect(plan.tasks.map(\.ref) == ["II.1", "II.2", "II.3", "II.3.a", "II.3.b", "II.4", "II.5"])
        let byRef = Dictionary(uniqueKeysWithValues: plan.tasks.map { ($0.ref, $0) })
        #expect(byRef["II.1"]?.lead == ["Sở Văn hóa, Thể thao và Du lịch"])
        #expect(byRef["II.1"]?.timeframe?.quarters == [1, 2])
        #expect(
            byRef["II.2"]?.support == [
                "Sở Tài chính", "Ban Quản lý các khu công nghiệp tỉnh", "các cơ quan, đơn vị liên quan",
            ])
        #expect(byRef["II.3.a"]?.lead == ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh"])
        #expect(byRef["II.3.a"]?.support == ["Sở Giáo dục và Đào tạo", "Tỉnh đoàn"])
        #expect(byRef["II.4"]?.timeframe?.count == 12)
        #expect(byRef["II.5"]?.support == ["Sở Ngoại vụ", "Sở Thông tin và Truyền thông"])
        #expect(plan.reporting.map(\.frequency) == [.halfYearly, .yearly, .adHoc])
        #expect(
            plan.signer
                == Signer(
                    name: "Đỗ Thị Minh Hoa", position: "PHÓ CHỦ TỊCH", authority: "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"))
        #expect(plan.recipients.last == "Lưu: VT, NCPC")
        #expect(plan.responsibilities.flatMap(\.agencies).contains("Tỉnh đoàn"))
    }

    /// A steering committee's plan: tasks in prose and in bracketed asides, two labels on one bullet line,
    /// an apposition after a responsible body, both duties in one sentence, the signature as a pipe table.
    @Test func steeringCommitteePlanWithATableFooter() throws {
        let data = try ExtractionFixture.data("plan-steering-committee.md")
        let plan = try PlanReader.read(data: data, filename: "plan-steering-committee.md").plan
        #expect(plan.number == "08" && plan.symbol == "KH/BCĐ" && plan.date == "2025-01-20" && plan.year == 2025)
        #expect(plan.citations.map(\.number) == ["57-KL/TW", "72/2015/NĐ-CP"])
        #expect(plan.tasks.map(\.ref) == ["II.1", "II.2", "II.2.1", "II.2.2", "II.3"])
        let byRef = Dictionary(uniqueKeysWithValues: plan.tasks.map { ($0.ref, $0) })
        #expect(byRef["II.1"]?.support == ["Báo Điện Biên Phủ", "Đài Phát thanh - Truyền hình tỉnh"])
        #expect(byRef["II.1"]?.timeframe?.quarters == [2])
        #expect(byRef["II.2.1"]?.lead == ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh"])
        #expect(byRef["II.2.1"]?.timeframe?.text == "Quý III/2025")
        #expect(byRef["II.2.2"]?.support == ["Văn phòng UBND tỉnh", "Công an tỉnh"])
        #expect(byRef["II.2.2"]?.timeframe?.quarters == [4])
        #expect(byRef["II.3"]?.lead == ["Trung tâm Văn hóa tỉnh"])
        #expect(byRef["II.3"]?.support == ["các cơ quan báo chí của tỉnh"])
        #expect(plan.responsibilities.first?.agencies == ["Sở Ngoại vụ"])
        #expect(plan.reporting.map(\.frequency) == [.halfYearly, .yearly])
        #expect(plan.reporting.last?.month == .number(12))
        #expect(plan.signer == Signer(name: "Lò Văn C", position: "TRƯỞNG BAN", authority: "TM. BAN CHỈ ĐẠO"))
        #expect(plan.recipients == ["Ban Chỉ đạo TTĐN Trung ương", "Thường trực Tỉnh ủy", "Lưu VP"])
    }

    @Test func plainTextPartyPlan() throws {
        let plan = try PlanReader.read(
            data: ExtractionFixture.data("plan-party-plain.txt"), filename: "plan-party-plain.txt"
        ).plan
        #expect(plan.number == "112")
        #expect(plan.symbol == "KH/TU")
        #expect(plan.date == "2024-03")
        #expect(plan.year == 2024)
        #expect(plan.tasks.map(\.ref) == ["II.1", "II.2", "II.2.1", "II.2.2", "II.3"])
        #expect(plan.tasks[3].support == ["Báo Quảng Trị"])
        #expect(plan.tasks[4].lead == ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"])
        #expect(
            plan.reporting == [
                ReportingDuty(frequency: .quarterly, beforeDay: 20, month: .lastOfQuarter, to: "Ban Thường vụ Tỉnh ủy")
            ])
        #expect(plan.signer.authority == "T/M BAN THƯỜNG VỤ")
    }

    @Test func docxReadsLikeTheText() throws {
        let fromText = try PlanReader.read(data: ExtractionFixture.data("plan-bac-kan.md"), filename: "a.md")
        let fromDocx = try PlanReader.read(data: ExtractionFixture.data("plan-bac-kan.docx"), filename: "a.docx")
        #expect(fromDocx.source.format == .docx)
        #expect(fromDocx.plan == fromText.plan)
        // The numbers came from numbering.xml: the DOCX text has none.
        #expect(fromDocx.outline.map(\.ref) == fromText.outline.map(\.ref))
    }

    @Test func jsonHasEveryFieldOfTheFormat() throws {
        let plan = try PlanReader.read(data: ExtractionFixture.data("plan-party-plain.txt"), filename: "p.txt").plan
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(plan)) as! [String: Any]
        let keys: Set<String> = [
            "format", "kind", "number", "symbol", "place", "date", "title", "year", "citations", "tasks",
            "responsibilities", "reporting", "signer", "recipients", "purposes", "budget",
        ]
        #expect(Set(object.keys) == keys)
        #expect(object["format"] as? String == "ttdn.plan/2")
        let task = (object["tasks"] as! [[String: Any]])[1]
        #expect(task["timeframe"] is NSNull)
        #expect(Set(task.keys) == ["ref", "title", "lead", "support", "timeframe", "content"])
        let responsibility = try #require((object["responsibilities"] as? [[String: Any]])?.first)
        #expect(Set(responsibility.keys) == ["ref", "agencies", "duties"])
        let decoded = try JSONDecoder().decode(PlanDocument.self, from: JSONEncoder().encode(plan))
        #expect(decoded == plan)
    }
}
