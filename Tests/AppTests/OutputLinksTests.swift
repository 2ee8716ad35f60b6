import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor

@testable import App

/// Work that counts toward the plan: an editor links a published article to a task from its newsroom page,
/// the plan page shows the task's progress from it, and every link and unlink is in the audit trail.
@Suite("Output links")
struct OutputLinksTests {
    @Test("An editor links an article to the bulletin task; the plan counts it; unlinking takes it back")
    func linkAndCount() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture)
            let bulletin = try #require(plan.tasks["II.1"])
            let article = try await PublishedArticle.make(app, title: "Bản tin đối ngoại số 1")
            let page = SiteURL.articleVersion(article.versionID).path
            let action = SiteURL.articleLinks(article.articleID).path

            var editor = Browser(app)
            try await editor.login(fixture.users[.editor]!)
            let before = try await editor.get(page).text
            #expect(before.contains("Tính vào kế hoạch") && before.contains("Chưa gắn với nhiệm vụ nào."))
            // Every task of the plan in force can be chosen, the proposed ones first.
            #expect(before.contains("value=\"\(bulletin.uuidString)\""))
            let linked = try await editor.post(
                action,
                form: [("action", "link"), ("task_id", bulletin.uuidString), ("from", article.versionID.uuidString)])
            #expect(linked.status == .seeOther && linked.location == page)
            let links = try await OutputLink.query(on: app.db).all()
            #expect(links.count == 1 && links.first?.$task.id == bulletin && links.first?.kind == .article)
            #expect(try await editor.get(page).text.contains("II.1 Phát hành Bản tin thông tin đối ngoại Lạng Sơn"))
            // Linking twice keeps one link.
            _ = try await editor.post(action, form: [("action", "link"), ("task_id", bulletin.uuidString)])
            #expect(try await OutputLink.query(on: app.db).count() == 1)
            // A task that does not exist: a message, no link.
            _ = try await editor.post(action, form: [("action", "link"), ("task_id", UUID().uuidString)])
            #expect(try await editor.get(page).text.contains("Không tìm thấy nhiệm vụ đã chọn."))
            #expect(try await OutputLink.query(on: app.db).count() == 1)

            var coordinator = Browser(app)
            try await coordinator.login(fixture.users[.coordinator]!)
            let planPage = try await coordinator.get(SiteURL.plan(plan.planID).path).text
            #expect(planPage.contains("Đã có 1/4 số"), "\(planPage)")
            // The agency that leads the task sees it among its tasks too.
            var officer = Browser(app)
            try await officer.login(fixture.users[.agencyOfficer]!)
            #expect(try await officer.get(SiteURL.myTasks.path).text.contains("Đã có 1/4 số"))

            // A translator sees the links and cannot change them.
            var translator = Browser(app)
            try await translator.login(fixture.users[.translator]!)
            let seen = try await translator.get(page).text
            #expect(seen.contains("II.1 Phát hành Bản tin") && !seen.contains("name=\"action\" value=\"unlink\""))
            let refused = try await translator.post(
                action, form: [("action", "unlink"), ("link_id", links[0].id!.uuidString)])
            #expect(refused.status == .forbidden)
            #expect(try await OutputLink.query(on: app.db).count() == 1)

            _ = try await editor.post(action, form: [("action", "unlink"), ("link_id", links[0].id!.uuidString)])
            #expect(try await OutputLink.query(on: app.db).count() == 0)
            #expect(try await coordinator.get(SiteURL.plan(plan.planID).path).text.contains("Đã có 0/4 số"))
            let trail = try await AuditEntry.query(on: app.db).filter(\.$entityType == "output_link").all()
            #expect(trail.map(\.action).sorted() == ["create", "delete"])
        }
    }

    @Test("Progress counts an article from the day it was first published, and a missed quarter as late")
    func progressFromPublication() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let year = 2031
            let plan = try await PlanFixture.seed(app, fixture, year: year)
            let bulletin = try #require(plan.tasks["II.1"])
            app.clock = .fixed(LocalDate(year: year, month: 3, day: 20)!.startOfDay().addingTimeInterval(9 * 3600))
            let first = try await PublishedArticle.make(app, title: "Số 1")
            let links = OutputLinks(db: app.db, audit: .system("test", clock: app.clock))
            try await links.link(.article, first.articleID, to: bulletin, by: nil)
            // A linked article never published does not count.
            try await links.link(.article, UUID(), to: bulletin, by: nil)
            let tasks = try await PlanTask.query(on: app.db).filter(\.$id == bulletin).all()
            let inApril = try await OutputLinks.progress(
                of: tasks, outputs: [:], planYear: year, today: LocalDate(year: year, month: 4, day: 1)!, on: app.db)
            #expect(inApril[bulletin]?.produced == 1 && inApril[bulletin]?.state == .onTrack)
            #expect(inApril[bulletin]?.next?.due == LocalDate(year: year, month: 6, day: 30))
            let inJuly = try await OutputLinks.progress(
                of: tasks, outputs: [:], planYear: year, today: LocalDate(year: year, month: 7, day: 1)!, on: app.db)
            #expect(inJuly[bulletin]?.state == .late)
        }
    }
}
