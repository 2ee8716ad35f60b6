import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// The plans list, a plan's page with its task table and filters, the original file, legal documents,
/// and "Nhiệm vụ của đơn vị".
@Suite("Plan pages")
struct PlanPagesTests {
    @Test("The list searches folded text and filters by year and status")
    func listSearchAndFilters() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture)
            var browser = Browser(app)
            try await browser.login(fixture.users[.viewer]!)
            let list = try await browser.get(SiteURL.plans.path)
            #expect(list.status == .ok)
            #expect(list.text.contains(SiteURL.plan(plan.planID).path))
            #expect(list.text.contains("18/KH-SNgV"))
            #expect(list.text.contains("<td class=\"num\">7</td>"))
            // No accents, other case: still found.
            #expect(
                try await browser.get(SiteURL.plans.path + "?q=THONG+TIN+doi+ngoai").text.contains(
                    SiteURL.plan(plan.planID).path))
            #expect(
                !(try await browser.get(SiteURL.plans.path + "?q=khong+co+dau").text.contains(
                    SiteURL.plan(plan.planID).path)))
            #expect(
                try await browser.get(SiteURL.plans.path + "?year=\(plan.year)").text.contains(
                    SiteURL.plan(plan.planID).path))
            #expect(
                !(try await browser.get(SiteURL.plans.path + "?year=\(plan.year - 5)").text.contains(
                    SiteURL.plan(plan.planID).path)))
            #expect(
                try await browser.get(SiteURL.plans.path + "?status=issued").text.contains(
                    SiteURL.plan(plan.planID).path))
            #expect(
                !(try await browser.get(SiteURL.plans.path + "?status=draft").text.contains(
                    SiteURL.plan(plan.planID).path)))
            // Nav and workspace lead here.
            let workspace = try await browser.get(SiteURL.workspace.path)
            #expect(workspace.text.contains("href=\"\(SiteURL.myTasks.path)\""))
            #expect(workspace.text.contains("href=\"\(SiteURL.plans.path)\""))
        }
    }

    @Test(
        "A plan's page: header, legal bases, tree, names today with the document's wording, unresolved names, reporting, file"
    )
    func planPage() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture)
            var browser = Browser(app)
            try await browser.login(fixture.users[.viewer]!)
            let page = try await browser.get(SiteURL.plan(plan.planID).path)
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("Thực hiện công tác thông tin đối ngoại năm \(plan.year)"))
            #expect(html.contains("href=\"\(SiteURL.legalDocument(plan.citedDocument).path)\""))
            #expect(html.contains("Nghị định 72/2015/NĐ-CP"))
            #expect(html.contains("Quảng bá hình ảnh tỉnh."))
            #expect(html.contains("Ngân sách tỉnh năm \(plan.year)."))
            // The former department shows as the one that took it over, with the plan's wording.
            #expect(
                html.contains(
                    "Sở Khoa học và Công nghệ</a> <span class=\"wording\">(văn bản ghi: Sở Thông tin và Truyền thông)</span>"
                ))
            #expect(html.contains("<mark class=\"unresolved\""))
            #expect(html.contains("Báo Lạng Sơn</mark>"))
            #expect(html.contains("Hằng quý, trước ngày 15 của tháng cuối kỳ, gửi Sở Ngoại vụ"))
            #expect(html.contains("Nguyễn Văn A"))
            #expect(html.contains("Lưu: VT"))
            #expect(html.contains("href=\"\(SiteURL.planFile(plan.planID).path)\""))
            // Milestones from TTDNKit: the famtrip's next one is the end of quarter II next year.
            #expect(html.contains("Hết Quý II/\(plan.year)"))
            #expect(html.contains("30/06/\(plan.year)"))
            // Every task in the table, in outline order; a viewer gets no edit controls.
            #expect(PlanFixture.tableRefs(html) == ["II.1", "II.2", "II.3", "II.3.1", "II.3.2", "II.4", "II.5"])
            #expect(!html.contains(SiteURL.taskEdit(plan.tasks["II.1"]!).path))
            #expect(!html.contains("/status\""))
            #expect(html.contains(SiteURL.planExportDocx(plan.planID).path))
            #expect(try await browser.get(SiteURL.plan(UUID()).path).status == .notFound)
        }
    }

    @Test(
        "The task table filters by agency (directly, under a former name, through a group), role, timeframe kind and status"
    )
    func tableFilters() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture)
            var browser = Browser(app)
            try await browser.login(fixture.users[.viewer]!)
            func refs(_ query: String) async throws -> [String] {
                let response = try await browser.get(SiteURL.plan(plan.planID).path + "?" + query)
                #expect(response.status == .ok)
                return PlanFixture.tableRefs(response.text)
            }
            let ngoaiVu = fixture.agencies["so-ngoai-vu"]!.uuidString
            let khcn = fixture.agencies["so-khcn"]!.uuidString
            let vhttdl = fixture.agencies["so-vhttdl"]!.uuidString
            // Sở Ngoại vụ: leads II.1, II.2, II.5; supports II.3.1; supports II.4 through "các sở, ban, ngành".
            #expect(try await refs("agency=\(ngoaiVu)") == ["II.1", "II.2", "II.3.1", "II.4", "II.5"])
            #expect(try await refs("agency=\(ngoaiVu)&role=lead") == ["II.1", "II.2", "II.5"])
            #expect(try await refs("agency=\(ngoaiVu)&role=support") == ["II.3.1", "II.4"])
            // Sở KH&CN: II.1 under its former name (Sở TT&TT), II.4 as lead.
            #expect(try await refs("agency=\(khcn)") == ["II.1", "II.4"])
            #expect(try await refs("agency=\(vhttdl)") == ["II.2", "II.3.1", "II.4"])
            // The filter's agency list names the agencies of the plan under today's names, not the former one.
            let page = try await browser.get(SiteURL.plan(plan.planID).path).text
            #expect(page.contains("<option value=\"\(khcn)\">Sở Khoa học và Công nghệ</option>"))
            #expect(!page.contains("<option value=\"\(fixture.agencies["so-tttt"]!.uuidString)\""))
            #expect(try await refs("kind=quarters") == ["II.3.1", "II.3.2"])
            #expect(try await refs("kind=recurring") == ["II.1"])
            #expect(try await refs("kind=ongoing") == ["II.2"])
            #expect(try await refs("kind=external") == ["II.5"])
            #expect(try await refs("kind=none") == ["II.3"])
            #expect(try await refs("kind=quarters&agency=\(vhttdl)") == ["II.3.1"])
            #expect(try await refs("status=completed") == [])
            let task = try #require(try await PlanTask.find(plan.tasks["II.2"]!, on: app.db))
            try await task.auditedUpdate(on: app.db, by: .system("test", clock: app.clock)) {
                $0.status = PlanTask.Status.completed.rawValue
            }
            #expect(try await refs("status=completed") == ["II.2"])
            #expect(try await refs("status=notStarted&agency=\(ngoaiVu)&role=lead") == ["II.1", "II.5"])
        }
    }

    @Test("The original file downloads with its type and name")
    func originalFile() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture)
            var browser = Browser(app)
            try await browser.login(fixture.users[.agencyOfficer]!)
            let response = try await browser.get(SiteURL.planFile(plan.planID).path)
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .contentType) == "text/plain; charset=utf-8")
            let disposition = try #require(response.headers.first(name: .contentDisposition))
            #expect(disposition.hasPrefix("attachment; filename=\"ke hoach 18.txt\""))
            #expect(disposition.contains("filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%2018.txt"))
            #expect(Data(buffer: response.body) == PlanFixture.fileBytes)
            #expect(try await browser.get(SiteURL.planFile(UUID()).path).status == .notFound)
            var anonymous = Browser(app)
            #expect(try await anonymous.get(SiteURL.planFile(plan.planID).path).status == .seeOther)
        }
    }

    @Test("A coordinator changes the plan's status; a stale form is refused")
    func planStatus() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture)
            var browser = Browser(app)
            try await browser.login(fixture.users[.coordinator]!)
            let page = try await browser.get(SiteURL.plan(plan.planID).path)
            #expect(page.text.contains("action=\"\(SiteURL.planStatus(plan.planID).path)\""))
            let changed = try await browser.post(
                SiteURL.planStatus(plan.planID).path, form: [("status", "archived"), ("version", "1")])
            #expect(changed.status == .seeOther)
            #expect(try await Plan.find(plan.planID, on: app.db)?.status == "archived")
            // The same (now stale) form again: refused, nothing changed.
            let stale = try await browser.post(
                SiteURL.planStatus(plan.planID).path, form: [("status", "draft"), ("version", "1")])
            #expect(stale.status == .seeOther)
            #expect(try await Plan.find(plan.planID, on: app.db)?.status == "archived")
            #expect(try await browser.get(SiteURL.plan(plan.planID).path).text.contains("vừa được người khác thay đổi"))
            #expect(
                try await browser.post(
                    SiteURL.planStatus(plan.planID).path, form: [("status", "bogus"), ("version", "2")]
                ).status == .badRequest)
            let entries = try await AuditEntry.query(on: app.db).filter(\.$entityType == "plan").filter(
                \.$action == AuditEntry.Action.update.rawValue
            ).all()
            #expect(entries.count == 1)
        }
    }

    @Test("Legal documents: the registry, a document's citing plans, the coordinator's edit")
    func legalDocuments() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let first = try await PlanFixture.seed(app, fixture)
            let second = try await PlanFixture.seed(app, fixture, year: first.year + 1)
            #expect(second.citedDocument == first.citedDocument)
            var viewer = Browser(app)
            try await viewer.login(fixture.users[.viewer]!)
            let list = try await viewer.get(SiteURL.legalDocuments.path)
            #expect(list.status == .ok)
            #expect(list.text.contains("72/2015/NĐ-CP"))
            #expect(list.text.contains("1191/QĐ-TTg"))
            #expect(list.text.contains("<td class=\"num\">2</td>"))
            #expect(try await viewer.get(SiteURL.legalDocuments.path + "?q=1191").text.contains("1191/QĐ-TTg"))
            #expect(!(try await viewer.get(SiteURL.legalDocuments.path + "?q=1191").text.contains("72/2015/NĐ-CP")))
            let page = try await viewer.get(SiteURL.legalDocument(first.citedDocument).path)
            #expect(page.status == .ok)
            #expect(page.text.contains("href=\"\(SiteURL.plan(first.planID).path)\""))
            #expect(page.text.contains("href=\"\(SiteURL.plan(second.planID).path)\""))
            #expect(!page.text.contains(SiteURL.legalDocumentEdit(first.citedDocument).path))
            #expect(try await viewer.get(SiteURL.legalDocumentEdit(first.citedDocument).path).status == .forbidden)

            var coordinator = Browser(app)
            try await coordinator.login(fixture.users[.coordinator]!)
            let form = try await coordinator.get(SiteURL.legalDocumentEdit(first.citedDocument).path)
            #expect(form.status == .ok)
            let version = try #require(AuditTests.hidden("version", in: form.text))
            let saved = try await coordinator.post(
                SiteURL.legalDocument(first.citedDocument).path,
                form: [
                    ("issuer", "Chính phủ"), ("title", "về quản lý hoạt động thông tin đối ngoại"),
                    ("version", version),
                ])
            #expect(saved.status == .seeOther)
            let document = try #require(try await LegalDocument.find(first.citedDocument, on: app.db))
            #expect(document.issuer == "Chính phủ")
            #expect(
                try await viewer.get(SiteURL.legalDocument(first.citedDocument).path).text.contains(
                    "về quản lý hoạt động thông tin đối ngoại"))
            // The old form again: refused with the latest version shown.
            let stale = try await coordinator.post(
                SiteURL.legalDocument(first.citedDocument).path,
                form: [("issuer", "Bộ Ngoại giao"), ("title", ""), ("version", "0")])
            #expect(stale.status == .conflict)
            #expect(try await LegalDocument.find(first.citedDocument, on: app.db)?.issuer == "Chính phủ")
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$entityType == "legal_document").filter(
                    \.$action == AuditEntry.Action.update.rawValue
                ).count() == 1)
        }
    }

    @Test(
        "Nhiệm vụ của đơn vị: an officer sees their agency's tasks, another agency's officer sees theirs, coordinators choose"
    )
    func myTasks() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture)
            try await PlanFixture.officer(app, agency: fixture.agencies["so-vhttdl"]!, username: "can-bo-vhttdl")

            var officer = Browser(app)
            try await officer.login(fixture.users[.agencyOfficer]!)
            let mine = try await officer.get(SiteURL.myTasks.path)
            #expect(mine.status == .ok)
            #expect(PlanFixture.tableRefs(mine.text) == ["II.1", "II.2", "II.3.1", "II.4", "II.5"])
            #expect(mine.text.contains("Sở Ngoại vụ</a>: chủ trì 3, phối hợp 2 nhiệm vụ"))
            #expect(mine.text.contains("qua nhóm “các sở, ban, ngành”"))
            #expect(mine.text.contains("Hết Quý II/\(plan.year)"))
            #expect(
                mine.text.contains(
                    "href=\"\(SiteURL.plan(plan.planID).path)#task-\(plan.tasks["II.1"]!.uuidString.lowercased())\""))
            // An officer cannot look at another agency's list by changing the address.
            let other = try await officer.get(
                SiteURL.myTasks.path + "?agency=\(fixture.agencies["so-vhttdl"]!.uuidString)")
            #expect(PlanFixture.tableRefs(other.text) == ["II.1", "II.2", "II.3.1", "II.4", "II.5"])
            #expect(!other.text.contains("<select id=\"agency\""))

            var culture = Browser(app)
            try await culture.login("can-bo-vhttdl")
            let theirs = try await culture.get(SiteURL.myTasks.path)
            #expect(PlanFixture.tableRefs(theirs.text) == ["II.2", "II.3.1", "II.4"])
            #expect(theirs.text.contains("chủ trì 1, phối hợp 2 nhiệm vụ"))

            var viewer = Browser(app)
            try await viewer.login(fixture.users[.viewer]!)
            let none = try await viewer.get(SiteURL.myTasks.path)
            #expect(none.status == .ok)
            #expect(none.text.contains("chưa gắn với đơn vị nào"))
            #expect(PlanFixture.tableRefs(none.text).isEmpty)

            var admin = Browser(app)
            try await admin.login(fixture.users[.admin]!)
            #expect(try await admin.get(SiteURL.myTasks.path).text.contains("Chọn một đơn vị"))
            let chosen = try await admin.get(
                SiteURL.myTasks.path + "?agency=\(fixture.agencies["so-khcn"]!.uuidString)")
            #expect(PlanFixture.tableRefs(chosen.text) == ["II.1", "II.4"])
            #expect(chosen.text.contains("<option value=\"\(fixture.agencies["so-khcn"]!.uuidString)\" selected>"))

            // Archived plans leave the list.
            let saved = try #require(try await Plan.find(plan.planID, on: app.db))
            try await saved.auditedUpdate(on: app.db, by: .system("test", clock: app.clock)) {
                $0.status = Plan.Status.archived.rawValue
            }
            #expect(PlanFixture.tableRefs(try await culture.get(SiteURL.myTasks.path).text).isEmpty)
        }
    }
}
