import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// Tasks by hand: add, edit, move, remove, each in the audit trail; two coordinators on one task.
@Suite("Plan tasks by hand")
struct PlanTaskEditTests {
    static func auditCount(_ app: Application, type: String, action: AuditEntry.Action, id: UUID? = nil) async throws
        -> Int
    {
        var query = AuditEntry.query(on: app.db).filter(\.$entityType == type).filter(\.$action == action.rawValue)
        if let id { query = query.filter(\.$entityID == id.uuidString) }
        return try await query.count()
    }

    static func refsInOrder(_ app: Application, _ planID: UUID) async throws -> [String] {
        let tasks = try await PlanTask.query(on: app.db).filter(\.$plan.$id == planID).all()
        return PlanTaskTree.order(tasks).map { String(repeating: "  ", count: $0.depth) + $0.task.ref }
    }

    @Test(
        "Adding a task under a parent and at the top of a part, with agencies from the directory, typed wording, outputs"
    )
    func add() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture)
            var browser = Browser(app)
            try await browser.login(fixture.users[.coordinator]!)
            let form = try await browser.get(
                SiteURL.planTaskNew(plan.planID).path + "?parent=\(plan.tasks["II.3"]!.uuidString)")
            #expect(form.status == .ok)
            #expect(form.text.contains("name=\"ref\" value=\"II.3.3\""))
            #expect(form.text.contains("<option value=\"\(plan.tasks["II.3"]!.uuidString)\" selected>"))
            #expect(form.text.contains("<label for=\"lead-agency-0\">"))

            let empty = try await browser.post(SiteURL.planTasks(plan.planID).path, form: [])
            #expect(empty.status == .badRequest)
            #expect(empty.text.contains("aria-describedby=\"ref-hint ref-error\""))
            #expect(empty.text.contains("id=\"title-error\""))

            let bad = try await browser.post(
                SiteURL.planTasks(plan.planID).path,
                form: [
                    ("ref", "II.3.3"), ("title", "Hội thảo"), ("status", "notStarted"), ("progress", "140"),
                    ("output_target[]", "bốn"), ("output_unit[]", "số"), ("output_description[]", ""),
                ])
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("Tiến độ là số từ 0 đến 100."))
            #expect(bad.text.contains("Chỉ tiêu phải là số nguyên không âm."))
            #expect(try await PlanTask.query(on: app.db).filter(\.$plan.$id == plan.planID).count() == 7)

            let agencyRowsBefore = try await Self.auditCount(app, type: "task_agency", action: .create)
            let outputRowsBefore = try await Self.auditCount(app, type: "task_output", action: .create)
            let created = try await browser.post(
                SiteURL.planTasks(plan.planID).path,
                form: [
                    ("parent_id", plan.tasks["II.3"]!.uuidString), ("ref", "II.3.3"),
                    ("title", "Hội thảo xúc tiến du lịch"),
                    ("content", "Tổ chức tại cửa khẩu Hữu Nghị.\nMời doanh nghiệp."),
                    ("lead_agency[]", "a:" + fixture.agencies["so-vhttdl"]!.uuidString), ("lead_wording[]", ""),
                    ("lead_agency[]", ""), ("lead_wording[]", ""),
                    ("support_agency[]", ""), ("support_wording[]", "Hiệp hội Du lịch tỉnh"),
                    ("support_agency[]", "g:" + fixture.agencies["group:cac-so-ban-nganh"]!.uuidString),
                    ("support_wording[]", "các sở, ngành liên quan"),
                    ("timeframe", "Quý IV năm \(plan.year)"),
                    ("output_target[]", "02"), ("output_unit[]", "hội thảo"), ("output_description[]", ""),
                    ("output_target[]", ""), ("output_unit[]", ""), ("output_description[]", ""),
                    ("status", "inProgress"), ("progress", "10"),
                ])
            #expect(created.status == .seeOther)
            let task = try #require(try await PlanTask.query(on: app.db).filter(\.$ref == "II.3.3").first())
            #expect(created.location == SiteURL.plan(plan.planID).path + "#task-" + task.id!.uuidString.lowercased())
            #expect(task.$parent.id == plan.tasks["II.3"])
            #expect(task.timeframe?.kind == .quarters)
            #expect(task.timeframe?.quarters == [4])
            #expect(task.content == "Tổ chức tại cửa khẩu Hữu Nghị.\nMời doanh nghiệp.")
            #expect(task.taskStatus == .inProgress)
            #expect(task.progress == 10)
            let named = try await TaskAgency.query(on: app.db).filter(\.$task.$id == task.id!).sort(\.$position).all()
            #expect(
                named.map(\.wording) == [
                    "Sở Văn hóa, Thể thao và Du lịch", "Hiệp hội Du lịch tỉnh", "các sở, ngành liên quan",
                ])
            #expect(named.map(\.role) == ["lead", "support", "support"])
            #expect(named[0].$agency.id == fixture.agencies["so-vhttdl"])
            #expect(named[1].$agency.id == nil && named[1].$group.id == nil)
            #expect(named[2].$group.id == fixture.agencies["group:cac-so-ban-nganh"])
            let outputs = try await TaskOutput.query(on: app.db).filter(\.$task.$id == task.id!).all()
            #expect(outputs.map(\.target) == [2])
            #expect(outputs.map(\.unit) == ["hội thảo"])
            #expect(
                try await Self.refsInOrder(app, plan.planID) == [
                    "II.1", "II.2", "II.3", "  II.3.1", "  II.3.2", "  II.3.3", "II.4", "II.5",
                ])
            #expect(try await Self.auditCount(app, type: "plan_task", action: .create, id: task.id) == 1)
            #expect(try await Self.auditCount(app, type: "task_agency", action: .create) == agencyRowsBefore + 3)
            #expect(try await Self.auditCount(app, type: "task_output", action: .create) == outputRowsBefore + 1)

            // At the top level of part II: after II.5, the last of its part.
            let top = try await browser.post(
                SiteURL.planTasks(plan.planID).path,
                form: [
                    ("parent_id", ""), ("ref", "II.6"), ("title", "Tổng kết"),
                    ("timeframe", "Tháng 12 theo hướng dẫn riêng xyz"),
                    ("status", "notStarted"), ("progress", "0"),
                ])
            #expect(top.status == .seeOther)
            #expect(try await Self.refsInOrder(app, plan.planID).suffix(2) == ["II.5", "II.6"])
            // A timeframe the rules cannot read is kept as written, as `external`.
            let written = try #require(try await PlanTask.query(on: app.db).filter(\.$ref == "II.6").first())
            #expect(written.timeframe?.text == "Tháng 12 theo hướng dẫn riêng xyz")
            #expect(written.timeframe != nil)
            // A viewer may not add.
            var viewer = Browser(app)
            try await viewer.login(fixture.users[.viewer]!)
            #expect(
                try await viewer.post(SiteURL.planTasks(plan.planID).path, form: [("ref", "X"), ("title", "Y")]).status
                    == .forbidden)
        }
    }

    @Test("Editing a task keeps an unchanged timeframe, replaces agencies and outputs, and is audited")
    func edit() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture)
            let id = plan.tasks["II.1"]!
            var browser = Browser(app)
            try await browser.login(fixture.users[.coordinator]!)
            let form = try await browser.get(SiteURL.taskEdit(id).path)
            #expect(form.status == .ok)
            #expect(form.text.contains("name=\"version\" value=\"1\""))
            // The linked former-name wording shows with its agency chosen; the unresolved one is marked.
            #expect(form.text.contains("value=\"Sở Thông tin và Truyền thông\""))
            #expect(form.text.contains("<option value=\"a:\(fixture.agencies["so-khcn"]!.uuidString)\" selected>"))
            #expect(form.text.contains("class=\"agency-row unresolved\""))
            let outputRowsBefore = try await Self.auditCount(app, type: "task_output", action: .create)
            let saved = try await browser.post(
                SiteURL.task(id).path,
                form: [
                    ("version", "1"), ("ref", "II.1"),
                    ("title", "Phát hành Bản tin thông tin đối ngoại Lạng Sơn (song ngữ)"), ("content", ""),
                    ("lead_agency[]", "a:" + fixture.agencies["so-ngoai-vu"]!.uuidString),
                    ("lead_wording[]", "Sở Ngoại vụ"),
                    ("support_agency[]", "a:" + fixture.agencies["so-khcn"]!.uuidString),
                    ("support_wording[]", "Sở Thông tin và Truyền thông"),
                    ("support_agency[]", "a:" + fixture.agencies["so-vhttdl"]!.uuidString),
                    ("support_wording[]", "Báo Lạng Sơn"),
                    ("timeframe", "phát hành 04 số (01 số/quý)"),
                    ("output_target[]", "4"), ("output_unit[]", "số"), ("output_description[]", "Bản tin"),
                    ("status", "completed"), ("progress", "100"),
                ])
            #expect(saved.status == .seeOther)
            let task = try #require(try await PlanTask.find(id, on: app.db))
            #expect(task.version == 2)
            #expect(task.title.hasSuffix("(song ngữ)"))
            #expect(task.timeframe?.kind == .recurring)
            #expect(task.timeframe?.count == 4)
            #expect(task.taskStatus == .completed && task.progress == 100)
            let named = try await TaskAgency.query(on: app.db).filter(\.$task.$id == id).sort(\.$position).all()
            #expect(
                named.compactMap { $0.$agency.id } == [
                    fixture.agencies["so-ngoai-vu"]!, fixture.agencies["so-khcn"]!, fixture.agencies["so-vhttdl"]!,
                ])
            let entries = try await AuditEntry.query(on: app.db).filter(\.$entityID == id.uuidString).filter(
                \.$action == "update"
            ).all()
            #expect(entries.count == 1)
            #expect(entries.first?.changes.contains("song ngữ") == true)
            #expect(try await Self.auditCount(app, type: "task_agency", action: .delete) == 3)
            #expect(try await Self.auditCount(app, type: "task_output", action: .create) == outputRowsBefore + 1)
            let page = try await browser.get(SiteURL.plan(plan.planID).path)
            #expect(page.text.contains("04 số — Bản tin"))
            #expect(
                page.text.contains(
                    "Sở Văn hóa, Thể thao và Du lịch</a> <span class=\"wording\">(văn bản ghi: Báo Lạng Sơn)</span>"))
            // Saving the same again (new version) changes nothing in the trail for agencies.
            _ = try await browser.post(
                SiteURL.task(id).path,
                form: [
                    ("version", "2"), ("ref", "II.1"), ("title", task.title), ("content", ""),
                    ("lead_agency[]", "a:" + fixture.agencies["so-ngoai-vu"]!.uuidString),
                    ("lead_wording[]", "Sở Ngoại vụ"),
                    ("support_agency[]", "a:" + fixture.agencies["so-khcn"]!.uuidString),
                    ("support_wording[]", "Sở Thông tin và Truyền thông"),
                    ("support_agency[]", "a:" + fixture.agencies["so-vhttdl"]!.uuidString),
                    ("support_wording[]", "Báo Lạng Sơn"),
                    ("timeframe", "phát hành 04 số (01 số/quý)"), ("output_target[]", "4"), ("output_unit[]", "số"),
                    ("output_description[]", "Bản tin"),
                    ("status", "completed"), ("progress", "100"),
                ])
            #expect(try await Self.auditCount(app, type: "task_agency", action: .delete) == 3)
            #expect(try await PlanTask.find(id, on: app.db)?.version == 3)
        }
    }

    @Test("Two coordinators edit one task: the second save is refused with a message, and nothing is lost")
    func concurrentEdit() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture)
            let id = plan.tasks["II.2"]!
            var first = Browser(app)
            try await first.login(fixture.users[.coordinator]!)
            var second = Browser(app)
            try await second.login(fixture.users[.admin]!)
            let formA = try await first.get(SiteURL.taskEdit(id).path)
            let formB = try await second.get(SiteURL.taskEdit(id).path)
            let versionA = try #require(AuditTests.hidden("version", in: formA.text))
            let versionB = try #require(AuditTests.hidden("version", in: formB.text))
            #expect(versionA == versionB)
            func fields(_ title: String, _ version: String) -> [(String, String)] {
                [
                    ("version", version), ("ref", "II.2"), ("title", title), ("content", ""),
                    ("timeframe", "Thường xuyên"),
                    ("lead_agency[]", "a:" + fixture.agencies["so-ngoai-vu"]!.uuidString),
                    ("lead_wording[]", "Sở Ngoại vụ"),
                    ("support_agency[]", "a:" + fixture.agencies["so-vhttdl"]!.uuidString),
                    ("support_wording[]", "Sở Văn hóa, Thể thao và Du lịch"),
                    ("status", "inProgress"), ("progress", "30"),
                ]
            }
            let saveA = try await first.post(
                SiteURL.task(id).path, form: fields("Cập nhật Trang thông tin (bản của A)", versionA))
            #expect(saveA.status == .seeOther)
            let saveB = try await second.post(
                SiteURL.task(id).path, form: fields("Cập nhật Trang thông tin (bản của B)", versionB))
            #expect(saveB.status == .conflict)
            #expect(saveB.text.contains("vừa được người khác lưu"))
            // B sees A's saved version in the form and their own text beside it, to copy back.
            #expect(saveB.text.contains("value=\"2\""))
            #expect(saveB.text.contains(">Cập nhật Trang thông tin (bản của A)</textarea>"))
            #expect(saveB.text.contains("Cập nhật Trang thông tin (bản của B)"))
            let task = try #require(try await PlanTask.find(id, on: app.db))
            #expect(task.title == "Cập nhật Trang thông tin (bản của A)")
            #expect(task.version == 2)
            // The refused save left the agencies alone and wrote nothing to the trail.
            #expect(try await TaskAgency.query(on: app.db).filter(\.$task.$id == id).count() == 2)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$entityID == id.uuidString).filter(
                    \.$action == "update"
                ).count() == 1)
            // The editor itself refuses a stale version (two saves racing past the first check).
            let checked = TaskForm().check(names: try await PlanAgencyNames.load(on: app.db, today: app.clock.today))
            await #expect(throws: TaskEditor.Conflict.self) {
                _ = try await TaskEditor(db: app.db, audit: .system("test", clock: app.clock)).update(
                    taskID: id, version: 1, checked: checked)
            }
        }
    }

    @Test("Moving up and down among siblings, and under another parent; refs stay as set")
    func move() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture)
            var browser = Browser(app)
            try await browser.login(fixture.users[.coordinator]!)
            let page = try await browser.get(SiteURL.plan(plan.planID).path)
            #expect(
                page.text.contains(
                    "formaction=\"\(SiteURL.taskMove(plan.tasks["II.2"]!).path)\" name=\"direction\" value=\"up:1\""))
            // As the tree's button sends it: one form, the direction and version in the button's value.
            let up = try await browser.post(SiteURL.taskMove(plan.tasks["II.2"]!).path, form: [("direction", "up:1")])
            #expect(up.status == .seeOther)
            #expect(
                try await Self.refsInOrder(app, plan.planID) == [
                    "II.2", "II.1", "II.3", "  II.3.1", "  II.3.2", "II.4", "II.5",
                ])
            let down = try await browser.post(
                SiteURL.taskMove(plan.tasks["II.3.1"]!).path, form: [("direction", "down"), ("version", "1")])
            #expect(down.status == .seeOther)
            #expect(
                try await Self.refsInOrder(app, plan.planID) == [
                    "II.2", "II.1", "II.3", "  II.3.2", "  II.3.1", "II.4", "II.5",
                ])
            // A stale move (II.2 is at version 2 now) is refused.
            _ = try await browser.post(
                SiteURL.taskMove(plan.tasks["II.2"]!).path, form: [("direction", "down"), ("version", "1")])
            #expect(try await Self.refsInOrder(app, plan.planID).first == "II.2")
            // II.4 under II.3, with its ref as it was.
            let under = try await browser.post(
                SiteURL.taskMove(plan.tasks["II.4"]!).path,
                form: [("direction", "parent"), ("parent_id", plan.tasks["II.3"]!.uuidString), ("version", "1")])
            #expect(under.status == .seeOther)
            #expect(
                try await Self.refsInOrder(app, plan.planID) == [
                    "II.2", "II.1", "II.3", "  II.3.2", "  II.3.1", "  II.4", "II.5",
                ])
            // Not into its own sub-item.
            _ = try await browser.post(
                SiteURL.taskMove(plan.tasks["II.3"]!).path,
                form: [("direction", "parent"), ("parent_id", plan.tasks["II.3.1"]!.uuidString), ("version", "1")])
            #expect(try await PlanTask.find(plan.tasks["II.3"]!, on: app.db)?.$parent.id == nil)
            #expect(
                try await browser.get(SiteURL.plan(plan.planID).path).text.contains(
                    "Không thể chuyển nhiệm vụ vào chính nó"))
            // Back to the top level.
            _ = try await browser.post(
                SiteURL.taskMove(plan.tasks["II.4"]!).path,
                form: [("direction", "parent"), ("parent_id", ""), ("version", "2")])
            #expect(try await Self.refsInOrder(app, plan.planID).last == "II.4")
            #expect(
                try await browser.post(
                    SiteURL.taskMove(plan.tasks["II.4"]!).path, form: [("direction", "sideways"), ("version", "3")]
                ).status == .badRequest)
            #expect(try await Self.auditCount(app, type: "plan_task", action: .update) >= 5)
        }
    }

    @Test("Removing a task asks first, takes its sub-items, agencies and outputs with it, and is audited")
    func remove() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture)
            let id = plan.tasks["II.3"]!
            var browser = Browser(app)
            try await browser.login(fixture.users[.coordinator]!)
            let confirm = try await browser.get(SiteURL.taskRemove(id).path)
            #expect(confirm.status == .ok)
            #expect(confirm.text.contains("data-confirm=\"Xóa nhiệm vụ II.3 (tổng cộng 3 nhiệm vụ, kể cả mục con)?\""))
            #expect(confirm.text.contains("II.3.1 Tổ chức đoàn famtrip"))
            // Without the version (or with an old one): refused, nothing removed.
            #expect(try await browser.post(SiteURL.taskRemove(id).path, form: []).status == .conflict)
            #expect(try await PlanTask.query(on: app.db).filter(\.$plan.$id == plan.planID).count() == 7)
            let removed = try await browser.post(SiteURL.taskRemove(id).path, form: [("version", "1")])
            #expect(removed.status == .seeOther)
            #expect(try await Self.refsInOrder(app, plan.planID) == ["II.1", "II.2", "II.4", "II.5"])
            #expect(
                try await TaskAgency.query(on: app.db).filter(
                    \.$task.$id ~~ [plan.tasks["II.3.1"]!, plan.tasks["II.3.2"]!]
                ).count() == 0)
            #expect(try await Self.auditCount(app, type: "plan_task", action: .delete) == 3)
            #expect(try await Self.auditCount(app, type: "task_agency", action: .delete) == 3)
            #expect(try await browser.get(SiteURL.taskEdit(plan.tasks["II.3.1"]!).path).status == .notFound)
        }
    }
}
