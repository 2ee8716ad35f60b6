import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor

@testable import App

/// A plan for the plan-screen tests, saved through `PlanImporter` like an imported one. Its year is next
/// year, so every dated task has a milestone still to come whatever day the tests run.
///
/// Tasks and who they name (after `Fixture.seed`):
/// - II.1 Bản tin — lead Sở Ngoại vụ; support "Sở Thông tin và Truyền thông" (linked to its successor
///   Sở Khoa học và Công nghệ) and "Báo Lạng Sơn" (unresolved); 04 issues, one per quarter
/// - II.2 Trang thông tin — lead Sở Ngoại vụ; support Sở VHTTDL; ongoing
/// - II.3 Quảng bá — no agencies, no timeframe
///   - II.3.1 Famtrip — lead Sở VHTTDL; support Sở Ngoại vụ; quarters II, III
///   - II.3.2 Phim tài liệu — lead "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn" (unresolved); quarter III
/// - II.4 Tập huấn — lead Sở KH&CN; support the group "các sở, ban, ngành tỉnh"; within the year
/// - II.5 Biên giới — lead Sở Ngoại vụ; timeframe set by another document (external)
struct PlanFixture {
    var planID: UUID
    var tasks: [String: UUID]
    var year: Int
    var citedDocument: UUID
    static let fileBytes = Data("KẾ HOẠCH Thực hiện công tác thông tin đối ngoại\n".utf8)

    static func document(year: Int) -> PlanDocument {
        var plan = PlanDocument()
        plan.kind = "KẾ HOẠCH"
        plan.number = "18"
        plan.symbol = "KH-SNgV"
        plan.place = "Lạng Sơn"
        plan.date = "\(year)-01-15"
        plan.title = "Thực hiện công tác thông tin đối ngoại năm \(year)"
        plan.year = year
        plan.citations = [
            Citation(kind: "Nghị định", number: "72/2015/NĐ-CP", date: "2015-09-07"),
            Citation(kind: "Quyết định", number: "1191/QĐ-TTg", date: "2020-08-05"),
        ]
        plan.tasks = [
            TTDNKit.PlanTask(
                ref: "II.1", title: "Phát hành Bản tin thông tin đối ngoại Lạng Sơn", lead: ["Sở Ngoại vụ"],
                support: ["Sở Thông tin và Truyền thông", "Báo Lạng Sơn"],
                timeframe: Timeframe(text: "phát hành 04 số (01 số/quý)", kind: .recurring, every: .quarter, count: 4)),
            TTDNKit.PlanTask(
                ref: "II.2", title: "Cập nhật Trang thông tin đối ngoại của tỉnh", lead: ["Sở Ngoại vụ"],
                support: ["Sở Văn hóa, Thể thao và Du lịch"], timeframe: Timeframe(text: "Thường xuyên", kind: .ongoing)
            ),
            TTDNKit.PlanTask(ref: "II.3", title: "Quảng bá du lịch và thương mại qua cửa khẩu"),
            TTDNKit.PlanTask(
                ref: "II.3.1", title: "Tổ chức đoàn famtrip cho phóng viên nước ngoài",
                lead: ["Sở Văn hóa, Thể thao và Du lịch"],
                support: ["Sở Ngoại vụ"],
                timeframe: Timeframe(text: "Quý II, III năm \(year)", kind: .quarters, quarters: [2, 3], year: year)),
            TTDNKit.PlanTask(
                ref: "II.3.2", title: "Sản xuất phim tài liệu giới thiệu Khu kinh tế cửa khẩu",
                lead: ["Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn"],
                timeframe: Timeframe(text: "Quý III/\(year)", kind: .quarters, quarters: [3], year: year)),
            TTDNKit.PlanTask(
                ref: "II.4", title: "Tập huấn nghiệp vụ thông tin đối ngoại", lead: ["Sở Khoa học và Công nghệ"],
                support: ["các sở, ban, ngành tỉnh"],
                timeframe: Timeframe(text: "trong năm \(year)", kind: .year, year: year)),
            TTDNKit.PlanTask(
                ref: "II.5", title: "Thông tin về biên giới, lãnh thổ", lead: ["Sở Ngoại vụ"],
                timeframe: Timeframe(text: "Theo kế hoạch của Bộ Ngoại giao", kind: .external)),
        ]
        plan.responsibilities = [
            Responsibility(ref: "IV.1", agencies: ["Sở Ngoại vụ"]),
            Responsibility(ref: "IV.2", agencies: ["các sở, ban, ngành tỉnh"]),
        ]
        plan.reporting = [ReportingDuty(frequency: .quarterly, beforeDay: 15, month: .lastOfQuarter, to: "Sở Ngoại vụ")]
        plan.signer = Signer(name: "Nguyễn Văn A", position: "GIÁM ĐỐC", authority: nil)
        plan.recipients = ["UBND tỉnh (b/c)", "Các sở, ban, ngành", "Lưu: VT"]
        return plan
    }

    @discardableResult
    static func seed(
        _ app: Application, _ fixture: Fixture, year: Int? = nil,
        purposes: String = "Quảng bá hình ảnh tỉnh."
    )
        async throws -> PlanFixture
    {
        // Next year's plan unless the test names one: its periods are open for the whole run.
        let year = year ?? app.clock.today.year + 1
        let document = document(year: year)
        let links: [String: AgencyLink] = [
            "Sở Ngoại vụ": .agency(fixture.agencies["so-ngoai-vu"]!),
            "Sở Thông tin và Truyền thông": .agency(fixture.agencies["so-khcn"]!),
            "Sở Văn hóa, Thể thao và Du lịch": .agency(fixture.agencies["so-vhttdl"]!),
            "Sở Khoa học và Công nghệ": .agency(fixture.agencies["so-khcn"]!),
            "các sở, ban, ngành tỉnh": .group(fixture.agencies["group:cac-so-ban-nganh"]!),
        ]
        var request = PlanImporter.Request(plan: document, links: links)
        request.issuingAgencyID = fixture.agencies["so-ngoai-vu"]
        request.purposes = purposes
        request.budget = "Ngân sách tỉnh năm \(year)."
        request.file = .init(filename: "Kế hoạch 18.txt", contentType: "text/plain; charset=utf-8", data: fileBytes)
        let summary = try await PlanImporter(db: app.db, audit: .system("test", clock: app.clock)).save(request)
        let tasks = try await PlanTask.query(on: app.db).filter(\.$plan.$id == summary.planID).all()
        let cited = try #require(try await LegalDocument.query(on: app.db).filter(\.$number == "72/2015/NĐ-CP").first())
        return PlanFixture(
            planID: summary.planID, tasks: Dictionary(uniqueKeysWithValues: tasks.map { ($0.ref, $0.id!) }), year: year,
            citedDocument: cited.id!)
    }

    /// The refs of the rows of the plan-wide table (or of "Nhiệm vụ của đơn vị") in a page.
    static func tableRefs(_ html: String) -> [String] {
        html.matches(of: #/<td class="ref"[^>]*>([^<]+)</td>/#).map { String($0.1) }
            + html.matches(of: #/<td[^>]*><span class="ref">([^<]+)</span>/#).map { String($0.1) }
    }

    /// A user of another agency, for "someone else's agency" checks.
    static func officer(_ app: Application, agency: UUID, username: String) async throws {
        _ = try await UserService(db: app.db, hasher: app.password.async, audit: .system("test", clock: app.clock))
            .create(
                .init(
                    username: username, displayName: username, email: nil, password: testPassword, agencyID: agency,
                    roles: [.agencyOfficer]))
    }
}

@Suite("Plan fixture")
struct PlanFixtureTests {
    @Test("The fixture plan is saved with its tasks, links and file")
    func seeded() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture)
            #expect(plan.tasks.count == 7)
            let named = try await TaskAgency.query(on: app.db).filter(\.$task.$id == plan.tasks["II.1"]!).all()
            #expect(named.count == 3)
            #expect(named.filter { $0.$agency.id == nil && $0.$group.id == nil }.map(\.wording) == ["Báo Lạng Sơn"])
            #expect(try await PlanFile.query(on: app.db).filter(\.$plan.$id == plan.planID).count() == 1)
        }
    }
}
