import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor

@testable import App

@Suite("Directory search")
struct DirectorySearchTests {
    @Test("Old names and text without diacritics are found by default, with what the agency became")
    func oldNamesWithoutDiacritics() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let audit = AuditContext.system("test", clock: app.clock)
            let old = try #require(try await Agency.find(fixture.agencies["so-vhttdl"]!, on: app.db))
            let successor = Agency(code: "so-vhtt", officialName: "Sở Văn hóa và Thể thao", kind: .department)
            try await successor.auditedCreate(on: app.db, by: audit)
            try await old.auditedUpdate(on: app.db, by: audit) { $0.validTo = app.clock.today.adding(days: -1).iso }
            try await AgencySuccession(
                predecessorID: old.id!, successorID: successor.id!, kind: "mergedInto", effective: app.clock.today
            )
            .auditedCreate(on: app.db, by: audit)
            var browser = Browser(app)
            try await browser.login(fixture.users[.agencyOfficer]!)
            // The tree shows today's directory; a search, typed without diacritics, finds the old name too.
            let tree = try await browser.get(SiteURL.agencies.path).text
            #expect(!tree.contains("Sở Văn hóa, Thể thao và Du lịch"))
            let found = try await browser.get(SiteURL.agencies.with(["q": "so van hoa the thao va du lich"])).text
            #expect(found.contains("Sở Văn hóa, Thể thao và Du lịch"))
            #expect(
                found.contains("→ nay là <a href=\"\(SiteURL.agency(successor.id!).path)\">Sở Văn hóa và Thể thao</a>"))
            // Current agencies come first.
            let both = try await browser.get(SiteURL.agencies.with(["q": "van hoa"])).text
            let newAt = try #require(both.range(of: ">Sở Văn hóa và Thể thao</a>\n"))
            let oldAt = try #require(both.range(of: ">Sở Văn hóa, Thể thao và Du lịch</a>"))
            #expect(newAt.lowerBound < oldAt.lowerBound)
        }
    }
}
