import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor
import VaporTesting

@testable import App

@Suite("Directory groups")
struct DirectoryGroupTests {
    @Test("The list shows member counts; a group's page lists its members")
    func listAndShow() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var browser = Browser(app)
            try await browser.login(fixture.users[.viewer]!)
            let list = try await browser.get(SiteURL.agencyGroups.path)
            #expect(list.status == .ok)
            #expect(list.text.contains("các sở, ban, ngành"))
            #expect(list.text.contains("<td class=\"num\">3</td>"))
            // A viewer sees no way to edit.
            #expect(!list.text.contains(SiteURL.agencyGroupNew.path))
            let group = fixture.agencies["group:cac-so-ban-nganh"]!
            let show = try await browser.get(SiteURL.agencyGroup(group).path)
            #expect(show.status == .ok)
            for name in ["Sở Ngoại vụ", "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ"] {
                #expect(show.text.contains(name))
            }
            #expect(!show.text.contains(SiteURL.agencyGroupEdit(group).path))
            #expect(try await browser.get(SiteURL.agencyGroupEdit(group).path).status == .forbidden)
        }
    }

    @Test("Creating a group with members; the code is made from the name when left empty")
    func create() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var browser = Browser(app)
            try await browser.login(fixture.users[.coordinator]!)
            let form = try await browser.get(SiteURL.agencyGroupNew.path)
            #expect(form.status == .ok)
            #expect(form.text.contains("name=\"members[]\" value=\"\(fixture.agencies["so-ngoai-vu"]!.uuidString)\""))
            // Former agencies are not offered.
            #expect(!form.text.contains("value=\"\(fixture.agencies["so-tttt"]!.uuidString)\""))

            let missing = try await browser.post(SiteURL.agencyGroups.path, form: [("name", " ")])
            #expect(missing.status == .badRequest)
            #expect(missing.text.contains("Vui lòng nhập tên nhóm."))

            let response = try await browser.post(
                SiteURL.agencyGroups.path,
                form: [
                    ("name", "Các cơ quan báo chí"), ("code", ""), ("aliases", "cơ quan báo chí\ncác báo, đài"),
                    ("members[]", fixture.agencies["so-ngoai-vu"]!.uuidString),
                    ("members[]", fixture.agencies["ubnd-tinh"]!.uuidString),
                ])
            #expect(response.status == .seeOther)
            let group = try #require(
                try await AgencyGroup.query(on: app.db).filter(\.$code == "cac-co-quan-bao-chi").first())
            #expect(response.location == SiteURL.agencyGroup(group.id!).path)
            #expect(group.aliases == ["cơ quan báo chí", "các báo, đài"])
            let members = try await AgencyGroupMember.query(on: app.db).filter(\.$group.$id == group.id!).all()
            #expect(
                Set(members.map(\.$agency.id))
                    == Set([fixture.agencies["so-ngoai-vu"]!, fixture.agencies["ubnd-tinh"]!]))

            // Codes are shared with agencies, and unique among groups.
            let taken = try await browser.post(
                SiteURL.agencyGroups.path, form: [("name", "X"), ("code", "so-ngoai-vu")])
            #expect(taken.text.contains("Mã này đã được dùng cho một cơ quan."))
            let again = try await browser.post(SiteURL.agencyGroups.path, form: [("name", "Các cơ quan báo chí")])
            #expect(again.text.contains("Mã này đã được dùng cho nhóm khác."))
            let unknown = try await browser.post(
                SiteURL.agencyGroups.path, form: [("name", "Y"), ("members[]", UUID().uuidString)])
            #expect(unknown.status == .badRequest)
            #expect(unknown.text.contains("id=\"members-error\""))

            // The new group is what documents' names resolve to.
            let directory = try await DirectoryLoader(db: app.db).directory()
            #expect(directory.resolve("các cơ quan báo chí", on: app.clock.today).match?.target == .group(group.id!))
        }
    }

    @Test("Editing name, aliases and members is audited; a stale form is refused")
    func edit() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let group = fixture.agencies["group:cac-so-ban-nganh"]!
            var browser = Browser(app)
            try await browser.login(fixture.users[.coordinator]!)
            let form = try await browser.get(SiteURL.agencyGroupEdit(group).path)
            #expect(form.status == .ok)
            let version = try #require(Self.value(of: "version", in: form.text))
            #expect(form.text.contains("value=\"\(fixture.agencies["so-khcn"]!.uuidString)\" checked"))

            let fields: [(String, String)] = [
                ("version", version), ("name", "các sở, ban, ngành tỉnh"), ("code", "cac-so-ban-nganh"),
                ("aliases", "các sở, ban, ngành\ncác sở ngành"),
                ("members[]", fixture.agencies["so-ngoai-vu"]!.uuidString),
                ("members[]", fixture.agencies["ubnd-tinh"]!.uuidString),
            ]
            let response = try await browser.post(SiteURL.agencyGroup(group).path, form: fields)
            #expect(response.status == .seeOther)
            let saved = try #require(try await AgencyGroup.find(group, on: app.db))
            #expect(saved.name == "các sở, ban, ngành tỉnh")
            #expect(saved.aliases == ["các sở, ban, ngành", "các sở ngành"])
            let members = try await AgencyGroupMember.query(on: app.db).filter(\.$group.$id == group).all()
            #expect(
                Set(members.map(\.$agency.id))
                    == Set([fixture.agencies["so-ngoai-vu"]!, fixture.agencies["ubnd-tinh"]!]))

            let user = try #require(
                try await User.query(on: app.db).filter(\.$username == fixture.users[.coordinator]!).first())
            let entries = try await AuditEntry.query(on: app.db).filter(\.$actorID == user.id!).all()
            #expect(entries.filter { $0.entityType == "agency_group" && $0.action == "update" }.count == 1)
            #expect(entries.filter { $0.entityType == "agency_group_member" && $0.action == "create" }.count == 1)
            #expect(entries.filter { $0.entityType == "agency_group_member" && $0.action == "delete" }.count == 2)

            // The form loaded before that save is now stale.
            let stale = try await browser.post(SiteURL.agencyGroup(group).path, form: fields)
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("Người khác vừa lưu thay đổi cho nhóm này"))

            let page = try await browser.get(SiteURL.agencyGroup(group).path)
            #expect(page.text.contains("Ủy ban nhân dân tỉnh Lạng Sơn"))
            #expect(!page.text.contains("Sở Khoa học và Công nghệ"))
        }
    }

    static func value(of field: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(field)\" value=\"([^\"]*)\"", options: .regularExpression) else {
            return nil
        }
        return String(html[range]).components(separatedBy: "value=\"").last.map { String($0.dropLast()) }
    }
}
