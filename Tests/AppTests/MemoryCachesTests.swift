import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor

@testable import App

/// The directory's names and plans' task trees kept in memory: every change, however it is made, shows on
/// the next page.
@Suite("Memory caches")
struct MemoryCachesTests {
    @Test("A rename, a membership and a succession each move the revision and show on the next page")
    func changesShowAtOnce() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture)
            var browser = Browser(app)
            try await browser.login(fixture.users[.viewer]!)
            let path = SiteURL.plan(plan.planID).path
            #expect(try await browser.get(path).text.contains("Sở Khoa học và Công nghệ</a>"))

            // Renamed with a plain Fluent save, as a command or another instance might: no audit helper involved.
            let before = try #require(try await Revision.directory.current(on: app.db))
            let khcn = try #require(try await Agency.find(fixture.agencies["so-khcn"]!, on: app.db))
            khcn.officialName = "Sở Khoa học, Công nghệ và Đổi mới sáng tạo"
            try await khcn.save(on: app.db)
            #expect(try await Revision.directory.current(on: app.db) == before + 1)
            let renamed = try await browser.get(path).text
            #expect(renamed.contains("Sở Khoa học, Công nghệ và Đổi mới sáng tạo</a>"))
            #expect(!renamed.contains("Sở Khoa học và Công nghệ</a>"))

            // A membership removed: the group filter no longer finds the department's tasks through the group.
            let cache = MemoryCaches.of(app)
            let group = fixture.agencies["group:cac-so-ban-nganh"]!
            let vhttdl = fixture.agencies["so-vhttdl"]!
            #expect(
                try await cache.directoryNames(on: app.db, today: app.clock.today).membersOf[group]?.contains(vhttdl)
                    == true)
            let member = try #require(
                try await AgencyGroupMember.query(on: app.db).filter(\.$agency.$id == vhttdl).first())
            try await member.auditedDelete(on: app.db, by: .system("test", clock: app.clock))
            #expect(
                try await cache.directoryNames(on: app.db, today: app.clock.today).membersOf[group]?.contains(vhttdl)
                    != true)

            // A succession removed: the former department no longer stands for its successor.
            let tttt = fixture.agencies["so-tttt"]!
            #expect(
                try await cache.directoryNames(on: app.db, today: app.clock.today).current(tttt) == fixture.agencies[
                    "so-khcn"]!)
            let succession = try #require(try await AgencySuccession.query(on: app.db).first())
            try await succession.delete(on: app.db)
            #expect(try await cache.directoryNames(on: app.db, today: app.clock.today).current(tttt) == tttt)
        }
    }

    @Test("Names read inside a transaction that rolls back are not kept")
    func rollbackNotKept() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let cache = MemoryCaches.of(app)
            let id = fixture.agencies["so-ngoai-vu"]!
            #expect(try await cache.directoryNames(on: app.db, today: app.clock.today).name(of: id) == "Sở Ngoại vụ")
            struct Undo: Error {}
            await #expect(throws: Undo.self) {
                try await app.db.transaction { tx in
                    let agency = try #require(try await Agency.find(id, on: tx))
                    agency.officialName = "Sở Ngoại vụ (tạm)"
                    try await agency.save(on: tx)
                    #expect(
                        try await cache.directoryNames(on: tx, today: app.clock.today).name(of: id)
                            == "Sở Ngoại vụ (tạm)")
                    throw Undo()
                }
            }
            #expect(try await cache.directoryNames(on: app.db, today: app.clock.today).name(of: id) == "Sở Ngoại vụ")
        }
    }

    @Test("Which agency carries on a former one depends on the day asked about")
    func dayIsPartOfTheKey() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let cache = MemoryCaches.of(app)
            let tttt = fixture.agencies["so-tttt"]!
            let before = try await cache.directoryNames(on: app.db, today: LocalDate(iso: "2025-01-15")!)
            #expect(before.current(tttt) == tttt)
            let after = try await cache.directoryNames(on: app.db, today: LocalDate(iso: "2025-06-15")!)
            #expect(after.current(tttt) == fixture.agencies["so-khcn"]!)
        }
    }

    @Test("A task's title, agencies and outputs changed any way show on the next plan page; a rollback is not kept")
    func planTreeFollowsTaskChanges() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture)
            var viewer = Browser(app)
            try await viewer.login(fixture.users[.viewer]!)
            let path = SiteURL.plan(plan.planID).path
            #expect(try await viewer.get(path).text.contains("Tập huấn nghiệp vụ thông tin đối ngoại"))

            // A plain Fluent save, as a command or another instance might make it.
            let before = try #require(try await Revision.plans.current(on: app.db))
            let task = try #require(try await PlanTask.find(plan.tasks["II.4"]!, on: app.db))
            task.title = "Tập huấn kỹ năng thông tin đối ngoại cho cán bộ"
            try await task.save(on: app.db)
            #expect(try await Revision.plans.current(on: app.db) == before + 1)
            let page = try await viewer.get(path).text
            #expect(page.contains("Tập huấn kỹ năng thông tin đối ngoại cho cán bộ"))
            #expect(!page.contains("Tập huấn nghiệp vụ thông tin đối ngoại"))

            // An agency row removed and an output added.
            let caches = MemoryCaches.of(app)
            let famtrip = plan.tasks["II.3.1"]!
            #expect(try await caches.planTree(plan.planID, on: app.db).agencies[famtrip]?.count == 2)
            let support = try #require(
                try await TaskAgency.query(on: app.db).filter(\.$task.$id == famtrip).filter(\.$role == "support")
                    .first())
            try await support.auditedDelete(on: app.db, by: .system("test", clock: app.clock))
            #expect(try await caches.planTree(plan.planID, on: app.db).agencies[famtrip]?.count == 1)
            try await TaskOutput(taskID: famtrip, description: "đoàn", target: 2, unit: "đoàn").create(on: app.db)
            #expect(try await viewer.get(path).text.contains("02 đoàn"))

            // Read inside a transaction that rolls back: used there, not kept.
            struct Undo: Error {}
            await #expect(throws: Undo.self) {
                try await app.db.transaction { tx in
                    let inside = try #require(try await PlanTask.find(plan.tasks["II.5"]!, on: tx))
                    inside.title = "Tạm thời"
                    try await inside.save(on: tx)
                    let tree = try await caches.planTree(plan.planID, on: tx)
                    #expect(tree.nodes.contains { $0.task.title == "Tạm thời" })
                    throw Undo()
                }
            }
            #expect(
                !(try await caches.planTree(plan.planID, on: app.db).nodes.contains { $0.task.title == "Tạm thời" }))
        }
    }
}
