import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor
import VaporTesting

@testable import App

@Suite("Directory: the name look-up page")
struct DirectoryResolveTests {
    @Test("An old name shows today's successor, the steps, the confidence and the succession chain")
    func oldNameShowsSuccessor() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var browser = Browser(app)
            try await browser.login(fixture.users[.viewer]!)
            let empty = try await browser.get(SiteURL.resolveName.path)
            #expect(empty.status == .ok)
            #expect(!empty.text.contains("id=\"result-title\""))

            let page = try await browser.get(
                SiteURL.resolveName.with(["name": "Sở Thông tin và Truyền thông", "date": "2024-05-10"]))
            #expect(page.status == .ok)
            #expect(
                page.text.contains(
                    "href=\"\(SiteURL.agency(fixture.agencies["so-khcn"]!).path)\"><strong>Sở Khoa học và Công nghệ</strong>"
                ))
            #expect(page.text.contains("Tên cũ → cơ quan kế thừa"))
            #expect(page.text.contains("sáp nhập 01/03/2025"))
            #expect(page.text.contains("97%"))
            #expect(!page.text.contains("Có phải là"))

            // In English, with the date as people write it.
            let english = try await browser.get(
                SiteURL.resolveName.with(["name": "So Thong tin va Truyen thong", "date": "10/05/2024", "lang": "en"]))
            #expect(english.text.contains("Ignoring Vietnamese diacritics"))
            #expect(english.text.contains("Sở Khoa học và Công nghệ"))
            #expect(english.text.contains("merged"))
        }
    }

    @Test("Groups, suggestions and bad dates")
    func groupsSuggestionsAndErrors() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var browser = Browser(app)
            try await browser.login(fixture.users[.editor]!)
            let group = try await browser.get(SiteURL.resolveName.with(["name": "các sở, ban, ngành tỉnh"]))
            #expect(group.text.contains("Tên này chỉ nhóm:"))
            #expect(group.text.contains(SiteURL.agencyGroup(fixture.agencies["group:cac-so-ban-nganh"]!).path))

            let unknown = try await browser.get(SiteURL.resolveName.with(["name": "Sở Văn hóa Du lịch"]))
            #expect(unknown.text.contains("Có phải là"))
            #expect(unknown.text.contains(SiteURL.agency(fixture.agencies["so-vhttdl"]!).path))

            let badDate = try await browser.get(SiteURL.resolveName.with(["name": "Sở Ngoại vụ", "date": "hôm qua"]))
            #expect(badDate.text.contains("aria-invalid=\"true\""))
            #expect(badDate.text.contains("id=\"date-error\""))

            // The issuing agency gives meaning to a relative name.
            let audit = AuditContext.system("test", clock: app.clock)
            let office = Agency(
                code: "vp-so-ngoai-vu", officialName: "Văn phòng Sở Ngoại vụ", kind: .unit,
                parentID: fixture.agencies["so-ngoai-vu"])
            try await office.auditedCreate(on: app.db, by: audit)
            let relative = try await browser.get(
                SiteURL.resolveName.with([
                    "name": "Văn phòng Sở", "issuer": fixture.agencies["so-ngoai-vu"]!.uuidString,
                ]))
            #expect(relative.text.contains("<strong>Văn phòng Sở Ngoại vụ</strong>"))
        }
    }
}
