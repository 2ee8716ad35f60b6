import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor

@testable import App

/// The directory's names kept in memory: every change, however it is made, shows on the next page.
@Suite("Directory names in memory")
struct DirectoryNamesCacheTests {
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
            let before = try await Revision.directory.current(on: app.db)
            let khcn = try #require(try await Agency.find(fixture.agencies["so-khcn"]!, on: app.db))
            khcn.officialName = "Sở Khoa học, Công nghệ và Đổi mới sáng tạo"
            try await khcn.save(on: app.db)
            #expect(try await Revision.directory.current(on: app.db) == before + 1)
            let renamed = try await browser.get(path).text
            #expect(renamed.contains("Sở Khoa học, Công nghệ và Đổi mới sáng tạo</a>"))
            #expect(!renamed.contains("Sở Khoa học và Công nghệ</a>"))

            // A membership removed: the group filter no longer finds the department's tasks through the group.
            let cache = DirectoryNamesCache.of(app)
            let group = fixture.agencies["group:cac-so-ban-nganh"]!
            let vhttdl = fixture.agencies["so-vhttdl"]!
            #expect(try await cache.names(on: app.db).membersOf[group]?.contains(vhttdl) == true)
            let member = try #require(
                try await AgencyGroupMember.query(on: app.db).filter(\.$agency.$id == vhttdl).first())
            try await member.auditedDelete(on: app.db, by: .system("test"))
            #expect(try await cache.names(on: app.db).membersOf[group]?.contains(vhttdl) != true)

            // A succession removed: the former department no longer stands for its successor.
            let tttt = fixture.agencies["so-tttt"]!
            #expect(try await cache.names(on: app.db).current(tttt) == fixture.agencies["so-khcn"]!)
            let succession = try #require(try await AgencySuccession.query(on: app.db).first())
            try await succession.delete(on: app.db)
            #expect(try await cache.names(on: app.db).current(tttt) == tttt)
        }
    }

    @Test("Names read inside a transaction that rolls back are not kept")
    func rollbackNotKept() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let cache = DirectoryNamesCache.of(app)
            let id = fixture.agencies["so-ngoai-vu"]!
            #expect(try await cache.names(on: app.db).name(of: id) == "Sở Ngoại vụ")
            struct Undo: Error {}
            await #expect(throws: Undo.self) {
                try await app.db.transaction { tx in
                    let agency = try #require(try await Agency.find(id, on: tx))
                    agency.officialName = "Sở Ngoại vụ (tạm)"
                    try await agency.save(on: tx)
                    #expect(try await cache.names(on: tx).name(of: id) == "Sở Ngoại vụ (tạm)")
                    throw Undo()
                }
            }
            #expect(try await cache.names(on: app.db).name(of: id) == "Sở Ngoại vụ")
        }
    }

    @Test("Which agency carries on a former one depends on the day asked about")
    func dayIsPartOfTheKey() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let cache = DirectoryNamesCache.of(app)
            let tttt = fixture.agencies["so-tttt"]!
            let before = try await cache.names(on: app.db, today: LocalDate(iso: "2025-01-15")!)
            #expect(before.current(tttt) == tttt)
            let after = try await cache.names(on: app.db, today: LocalDate(iso: "2025-06-15")!)
            #expect(after.current(tttt) == fixture.agencies["so-khcn"]!)
        }
    }
}
