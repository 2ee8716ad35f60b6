import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// "Nhiệm vụ của đơn vị" with years of plans: the plans in force first, other years and roles by filter,
/// fifty tasks to a page, and a message that says why a list is empty.
@Suite("Nhiệm vụ của đơn vị")
struct MyTasksTests {
    /// Sở Ngoại vụ leads three and supports two tasks of each fixture plan.
    static let perPlan = 5

    @Test("The plans in force by default; a year, every year or one role on request")
    func filters() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let today = app.clock.today
            let old = try await PlanFixture.seed(app, fixture, year: today.year - 3)
            _ = try await PlanFixture.seed(app, fixture, year: today.year)
            _ = try await PlanFixture.seed(app, fixture, year: today.year + 1)
            var officer = Browser(app)
            try await officer.login(fixture.users[.agencyOfficer]!)
            let path = SiteURL.myTasks.path

            let current = try await officer.get(path).text
            #expect(PlanFixture.tableRefs(current).count == 2 * Self.perPlan)
            #expect(current.contains("chủ trì 6, phối hợp 4 nhiệm vụ"))
            #expect(!current.contains("năm \(today.year - 3)"))
            #expect(current.contains(#"<option value="\#(today.year - 3)">\#(today.year - 3)</option>"#))

            #expect(PlanFixture.tableRefs(try await officer.get(path + "?year=all").text).count == 3 * Self.perPlan)
            let oldPage = try await officer.get(path + "?year=\(today.year - 3)").text
            #expect(PlanFixture.tableRefs(oldPage).count == Self.perPlan)
            #expect(oldPage.contains("năm \(today.year - 3)"))

            let lead = try await officer.get(path + "?role=lead").text
            #expect(PlanFixture.tableRefs(lead).count == 6)
            #expect(!lead.contains(#"<span class="tag role">Phối hợp</span>"#))

            // Nonsense in the query is the default view, not an error.
            let odd = try await officer.get(path + "?year=99999&role=boss&page=-4").text
            #expect(PlanFixture.tableRefs(odd).count == 2 * Self.perPlan)

            // Archived plans are gone from every view; superseded ones from the plans in force only.
            let archived = try #require(try await Plan.find(old.planID, on: app.db))
            archived.status = Plan.Status.archived.rawValue
            try await archived.save(on: app.db)
            #expect(PlanFixture.tableRefs(try await officer.get(path + "?year=all").text).count == 2 * Self.perPlan)
        }
    }

    @Test("Fifty to a page, with the pages linked; an empty list says why")
    func pages() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let today = app.clock.today
            for back in 0..<11 { _ = try await PlanFixture.seed(app, fixture, year: today.year - 10 + back) }
            var officer = Browser(app)
            try await officer.login(fixture.users[.agencyOfficer]!)
            let path = SiteURL.myTasks.path

            let first = try await officer.get(path + "?year=all").text
            #expect(PlanFixture.tableRefs(first).count == MyTasksFilter.pageSize)
            #expect(first.contains("Nhiệm vụ 1–50 trong 55"))
            #expect(first.contains(#"href="/app/my-tasks?year=all&amp;page=2" rel="next""#))
            // Newest plan first.
            #expect(first.contains("năm \(today.year)"))
            let second = try await officer.get(path + "?year=all&page=2").text
            #expect(PlanFixture.tableRefs(second).count == 5)
            #expect(second.contains("Nhiệm vụ 51–55 trong 55"))
            #expect(second.contains(#"href="/app/my-tasks?year=all" rel="prev""#))
            #expect(second.contains("năm \(today.year - 10)"))
            #expect(!second.contains("rel=\"next\""))

            // No plan in force: the default view says where the tasks are.
            for plan in try await Plan.query(on: app.db).filter(\.$year >= today.year - 1).all() {
                plan.status = Plan.Status.superseded.rawValue
                try await plan.save(on: app.db)
            }
            let none = try await officer.get(path).text
            #expect(PlanFixture.tableRefs(none).isEmpty)
            #expect(none.contains("Đơn vị không có nhiệm vụ trong các kế hoạch đang thực hiện"))
            let filtered = try await officer.get(path + "?year=\(today.year - 5)&status=open&role=support").text
            #expect(PlanFixture.tableRefs(filtered).count == 2)
        }
    }
}
