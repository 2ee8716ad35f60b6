import Fluent
import Foundation
import SQLKit
import TTDNKit
import Testing
import Vapor

@testable import App

@Suite("Nhắc ngay")
struct RemindNowTests {
    @Test("The office previews the reminder, sends it to every late agency of a period once, recorded as a job")
    func remindLateAgenciesOfAPeriod() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture, year: ReportingFlowTests.year)
            try await PlanFixture.officer(app, agency: fixture.agencies["so-vhttdl"]!, username: "vh-officer")
            let regime = try #require(try await RegimeRecord.query(on: app.db).first())
            var coordinator = Browser(app)
            try await coordinator.login(fixture.users[.coordinator]!)
            // The dashboard offers it for a period someone is late with.
            let dashboard = try await coordinator.get(SiteURL.planReporting(plan.planID).path).text
            let href = SiteURL.remindNow(regime.id!).with(["period": "\(plan.year)-Q1"])
            #expect(dashboard.contains(href.replacingOccurrences(of: "&", with: "&amp;")) || dashboard.contains(href))
            let preview = try await coordinator.get(href).text
            #expect(preview.contains("Thư nhắc sẽ gửi") && preview.contains("[TTĐN] Báo cáo hằng quý"))
            #expect(preview.contains("<strong>Sở Văn hóa, Thể thao và Du lịch</strong> · Chưa gửi, quá hạn"))
            #expect(preview.contains("vh-officer"))
            // Nothing is sent by looking.
            #expect(try await Self.notifications(app, "vh-officer") == 0)
            let sent = try await coordinator.post(href, form: [])
            #expect(sent.status == .seeOther)
            #expect(try await Self.notifications(app, "vh-officer") == 1)
            // A second press in the same minute is the same reminder: sent once.
            _ = try await coordinator.post(href, form: [])
            #expect(try await Self.notifications(app, "vh-officer") == 1)
            var officer = Browser(app)
            try await officer.login("vh-officer")
            let told = try await officer.get(SiteURL.notifications.path).text
            #expect(told.contains("văn phòng nhắc đơn vị gửi báo cáo"))
            // An agency officer may not remind anyone.
            #expect(try await officer.get(href).status == .forbidden)
        }
    }

    static func notifications(_ app: Application, _ username: String) async throws -> Int {
        let user = try #require(try await User.query(on: app.db).filter(\.$username == username).first())
        struct Count: Decodable { let n: Int }
        let sql = try #require(app.db as? any SQLDatabase)
        return try await sql.raw(
            "SELECT COUNT(*) AS n FROM notifications WHERE user_id = \(bind: user.id!) AND kind = 'notify.reminder.now'"
        ).first(decoding: Count.self)?.n ?? 0
    }
}
