import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor
import VaporTesting
import ZIPFoundation

@testable import App

/// The reporting cycle end to end over HTTP: obligations derived from the plan, an officer's draft and
/// submission with evidence, conflicts, a crash mid-save, return and resubmission, acceptance and lock,
/// the dashboard, its CSV and the consolidated report.
@Suite("Reporting cycle")
struct ReportingFlowTests {
    /// This year by the machine's clock, which is the clock `withApp` gives the application.
    static let year = AppClock.system.today.year
    static let pdf = Data("%PDF-1.4\n% biên bản\n".utf8)

    static func obligation(_ app: Application, agency: UUID, period: String) async throws -> Obligation {
        try #require(
            try await Obligation.query(on: app.db).filter(\.$agency.$id == agency).filter(\.$periodKey == period)
                .first())
    }

    static func taskFields(_ plan: PlanFixture, done: String, status: String = "inProgress") -> [(String, String)] {
        ["II.1", "II.2", "II.5", "II.3.1", "II.4"].flatMap { ref -> [(String, String)] in
            let id = plan.tasks[ref]!.uuidString
            return [
                ("tasks[\(id)][status]", status), ("tasks[\(id)][progress]", "50"),
                ("tasks[\(id)][done]", ref == "II.1" ? done : "Đã làm \(ref)."),
            ]
        }
    }

    @Test(
        "A plan's duty becomes a regime and obligations for every lead agency and period; a merger hands open ones on")
    func obligationsAreDerived() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture, year: Self.year)
            let regimes = try await RegimeRecord.query(on: app.db).filter(\.$plan.$id == plan.planID).all()
            #expect(regimes.map(\.regime.frequency) == [.quarterly])
            #expect(regimes.first?.regime.due == .beforeDayOfLastMonth(15))
            let rows = try await Obligation.query(on: app.db).all()
            // Leads: Sở Ngoại vụ, Sở VHTTDL, Sở KHCN (the unlinked Ban Quản lý owes nothing until linked).
            #expect(
                Set(rows.map(\.$agency.id)) == [
                    fixture.agencies["so-ngoai-vu"]!, fixture.agencies["so-vhttdl"]!, fixture.agencies["so-khcn"]!,
                ])
            #expect(rows.count == 12)
            let q2 = try await Self.obligation(app, agency: fixture.agencies["so-ngoai-vu"]!, period: "\(Self.year)-Q2")
            #expect(q2.windowStart == "\(Self.year)-03-15" && q2.windowEnd == "\(Self.year)-06-14")

            // Sở VHTTDL wrote a draft for Q1, then merges into a new department.
            let vh = fixture.agencies["so-vhttdl"]!
            let q1 = try await Self.obligation(app, agency: vh, period: "\(Self.year)-Q1")
            let draft = Submission(obligationID: q1.id!)
            try await draft.auditedCreate(on: app.db, by: .system("test", clock: app.clock))
            let audit = AuditContext.system("test", clock: app.clock)
            let successor = Agency(code: "so-moi", officialName: "Sở Văn hóa và Thể thao", kind: .department)
            try await successor.auditedCreate(on: app.db, by: audit)
            let old = try #require(try await Agency.find(vh, on: app.db))
            try await old.auditedUpdate(on: app.db, by: audit) { $0.validTo = app.clock.today.adding(days: -1).iso }
            try await AgencySuccession(
                predecessorID: vh, successorID: successor.id!, kind: "mergedInto", effective: app.clock.today
            )
            .auditedCreate(on: app.db, by: audit)
            let outcome = try await ObligationService.sync(planID: nil, on: app.db, by: audit)
            #expect(outcome.reassigned == 3 && outcome.inserted == 1 && outcome.deleted == 0)
            #expect(try await Obligation.query(on: app.db).filter(\.$agency.$id == successor.id!).count() == 4)
            #expect(
                try await Obligation.query(on: app.db).filter(\.$agency.$id == vh).count() == 1,
                "the written Q1 stays as history")
            #expect(
                try await ObligationService.sync(planID: nil, on: app.db, by: audit) == .init(),
                "a second sync changes nothing")
        }
    }

    @Test(
        "Draft, refused submit, submit with evidence, stale save, return, resubmit, accept, lock, dashboard, CSV, consolidated DOCX"
    )
    func wholeCycle() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture, year: Self.year)
            let ngoaiVu = fixture.agencies["so-ngoai-vu"]!
            let q1 = try await Self.obligation(app, agency: ngoaiVu, period: "\(Self.year)-Q1")
            let path = SiteURL.report(q1.id!).path
            var officer = Browser(app)
            try await officer.login(fixture.users[.agencyOfficer]!)

            let list = try await officer.get(SiteURL.reports.path)
            #expect(list.status == .ok && list.text.contains(path) && list.text.contains("Chưa gửi, quá hạn"))
            let form = try await officer.get(path)
            #expect(form.text.contains("tasks[\(plan.tasks["II.1"]!.uuidString)][done]"))
            #expect(
                form.text.contains("tasks[\(plan.tasks["II.3.1"]!.uuidString)][done]"),
                "a supported task is on the form")
            #expect(
                form.text.contains("tasks[\(plan.tasks["II.4"]!.uuidString)][done]"),
                "supported through the group «các sở, ban, ngành»")
            #expect(!form.text.contains("tasks[\(plan.tasks["II.3.2"]!.uuidString)]"))

            // A draft with a file.
            let saved = try await officer.multipart(
                path,
                fields: [("version", "0"), ("action", "save"), ("summary", "Dòng một\nDòng hai")]
                    + Self.taskFields(plan, done: "Phát hành số 1"),
                files: [("evidence[]", "Bản tin số 1.pdf", Self.pdf)])
            #expect(saved.status == .seeOther)
            var row = try #require(try await Submission.query(on: app.db).filter(\.$obligation.$id == q1.id!).first())
            #expect(row.submissionState == .draft && row.version == 1 && row.report.summary == "Dòng một\nDòng hai")
            #expect(try await EvidenceFile.query(on: app.db).count() == 1)

            // Submitting without what was done: refused, nothing lost.
            let refused = try await officer.multipart(
                path, fields: [("version", "1"), ("action", "submit")] + Self.taskFields(plan, done: ""))
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("Khi gửi báo cáo, hãy ghi kết quả đã thực hiện"))
            #expect(refused.text.contains("Đã làm II.2."), "the typed text is kept")
            #expect(try await Submission.find(row.id, on: app.db)?.version == 1)

            // A file that is not what it claims.
            let fake = try await officer.multipart(
                path, fields: [("version", "1"), ("action", "save")] + Self.taskFields(plan, done: "x"),
                files: [("evidence[]", "a.pdf", Data("<html>".utf8))])
            #expect(fake.status == .badRequest && fake.text.contains("không đúng với đuôi tệp"))

            // A crash in the middle of a save leaves the previous version as it was.
            app.storage[SubmissionStore.Checkpoint.self] = {
                throw Abort(.internalServerError, reason: "simulated crash")
            }
            let crashed = try await officer.multipart(
                path,
                fields: [("version", "1"), ("action", "submit")] + Self.taskFields(plan, done: "Mất điện giữa chừng"),
                files: [("evidence[]", "b.pdf", Self.pdf)])
            #expect(crashed.status == .internalServerError)
            app.storage[SubmissionStore.Checkpoint.self] = nil
            row = try #require(try await Submission.find(row.id, on: app.db))
            #expect(row.version == 1 && row.submissionState == .draft && !row.content.contains("Mất điện"))
            #expect(try await EvidenceFile.query(on: app.db).count() == 1)

            let submitted = try await officer.multipart(
                path, fields: [("version", "1"), ("action", "submit")] + Self.taskFields(plan, done: "Phát hành số 1"))
            #expect(submitted.status == .seeOther)
            // A second officer still holding version 1 gets a conflict, and their text back.
            var colleague = Browser(app)
            try await colleague.login(fixture.users[.agencyOfficer]!)
            let stale = try await colleague.multipart(
                path,
                fields: [("version", "1"), ("action", "save")] + Self.taskFields(plan, done: "Bản của người thứ hai"))
            #expect(stale.status == .conflict)
            #expect(
                stale.text.contains("Người khác đã lưu báo cáo này") && stale.text.contains("Bản của người thứ hai"))
            row = try #require(try await Submission.find(row.id, on: app.db))
            #expect(
                row.submissionState == .submitted && row.version == 2
                    && row.report.tasks[plan.tasks["II.1"]!.uuidString]?.done == "Phát hành số 1")

            // Review: a return needs a reason; the officer is notified; resubmission; acceptance locks.
            var coordinator = Browser(app)
            try await coordinator.login(fixture.users[.coordinator]!)
            // The office's home: the report arrived and waits for review; the other agencies' Q1 is late.
            let officeHome = try await coordinator.get(SiteURL.workspace.path).text
            #expect(officeHome.contains("<strong>Sở Ngoại vụ</strong> · Báo cáo hằng quý · Quý I/\(Self.year)</a>"))
            let dueQ1 = try #require(
                try await Self.obligation(app, agency: fixture.agencies["so-vhttdl"]!, period: "\(Self.year)-Q1").due)
            let q1Late = dueQ1.days(until: app.clock.today)
            #expect(officeHome.contains("<strong>Sở Văn hóa, Thể thao và Du lịch</strong> · "))
            #expect(
                officeHome.contains(
                    "Quý I/\(Self.year)</a> · Hạn gửi \(Formatting.date(dueQ1, .vi)) · <span class=\"tag send-missing\">Chưa gửi, quá hạn · trễ \(q1Late) ngày</span>"
                ))
            _ = try await coordinator.post(
                SiteURL.reportReview(q1.id!).path, form: [("decision", "return"), ("version", "2")])
            #expect(try await Submission.find(row.id, on: app.db)?.submissionState == .submitted)
            _ = try await coordinator.post(
                SiteURL.reportReview(q1.id!).path,
                form: [
                    ("decision", "return"), ("version", "2"), ("comment", "Bổ sung số liệu"),
                    ("taskComments[\(plan.tasks["II.1"]!.uuidString)]", "Ghi rõ số bản in"),
                ])
            #expect(try await Submission.find(row.id, on: app.db)?.submissionState == .returned)
            let notices = try await officer.get(SiteURL.notifications.path)
            #expect(notices.text.contains("báo cáo bị trả lại. Bổ sung số liệu"))
            let returned = try await officer.get(path)
            #expect(returned.text.contains("Bổ sung số liệu") && returned.text.contains("Đã trả lại"))
            // The resubmission deadline: five working days after the return, shown with the rule.
            let resendBy = try #require(try await Submission.find(row.id, on: app.db)?.resendBy)
            #expect(
                LocalDate(iso: resendBy)
                    == ReportStanding.resendDeadline(returnedOn: app.clock.today, workingDays: 5, calendar: .vietnam))
            #expect(returned.text.contains("5 ngày làm việc kể từ ngày trả lại"))
            // The comment on one task stands beside that task on the agency's form, and in the history.
            #expect(
                returned.text.contains(
                    "<strong>Ý kiến của văn phòng:</strong> <span class=\"prose\">Ghi rõ số bản in</span>"))
            #expect(returned.text.contains("II.1 Phát hành Bản tin thông tin đối ngoại Lạng Sơn: Ghi rõ số bản in"))
            // The officer's home: returned to us, why, and by when to send it again.
            let officerHome = try await officer.get(SiteURL.workspace.path).text
            #expect(officerHome.contains("<h2 id=\"returned-h\">Báo cáo bị trả lại</h2>"))
            #expect(officerHome.contains("Chờ gửi lại, hạn \(Formatting.date(LocalDate(iso: resendBy)!, .vi))"))
            #expect(officerHome.contains("<span class=\"prose\">Bổ sung số liệu</span>"))
            #expect(
                try await officer.multipart(
                    path,
                    fields: [("version", "3"), ("action", "submit")]
                        + Self.taskFields(plan, done: "Phát hành số 1, 2.000 bản")
                ).status == .seeOther)
            // The office was told of both sendings; the header counts what it has not read.
            let home = try await coordinator.get(SiteURL.workspace.path).text
            #expect(home.contains("<span class=\"count-badge\" aria-hidden=\"true\">2</span>"))
            let told = try await coordinator.get(SiteURL.notifications.path).text
            #expect(told.contains("Sở Ngoại vụ đã gửi báo cáo Báo cáo hằng quý, kỳ Quý I/\(Self.year)."))
            #expect(told.contains("Sở Ngoại vụ đã gửi lại báo cáo Báo cáo hằng quý, kỳ Quý I/\(Self.year)."))
            _ = try await coordinator.post(
                SiteURL.reportReview(q1.id!).path, form: [("decision", "accept"), ("version", "4")])
            row = try #require(try await Submission.find(row.id, on: app.db))
            #expect(row.submissionState == .accepted && row.firstSubmittedAt! < row.lastSubmittedAt!)
            let locked = try await officer.multipart(
                path, fields: [("version", "5"), ("action", "save")] + Self.taskFields(plan, done: "sửa"))
            #expect(locked.status == .conflict && locked.text.contains("không sửa được nữa"))
            let events = try await SubmissionEvent.query(on: app.db).filter(\.$submission.$id == row.id!).all().map(
                \.kind)
            #expect(events.sorted() == ["accepted", "returned", "submitted", "submitted"])
            // The history shows what the agency changed when it sent the report again, word by word.
            let reviewed = try await coordinator.get(path).text
            #expect(reviewed.contains("Thay đổi so với bản gửi trước (1 mục)"))
            #expect(
                reviewed.contains(
                    "Kết quả đã thực hiện</dt><dd class=\"prose\">Phát hành số <del>1</del><ins>1, 2.000 bản</ins>"))
            // The office reviews; it does not write in another agency's report.
            let vhQ1 = try await Self.obligation(app, agency: fixture.agencies["so-vhttdl"]!, period: "\(Self.year)-Q1")
            let intrusion = try await coordinator.multipart(
                SiteURL.report(vhQ1.id!).path,
                fields: [("version", "0"), ("action", "save"), ("summary", "Văn phòng viết thay")])
            #expect(intrusion.status == .forbidden)
            #expect(try await Submission.query(on: app.db).filter(\.$obligation.$id == vhQ1.id!).count() == 0)
            #expect(!(try await coordinator.get(SiteURL.report(vhQ1.id!).path).text.contains("name=\"summary\"")))

            // Evidence: the agency, the office and readers; not another agency's officer.
            let file = try #require(try await EvidenceFile.query(on: app.db).first())
            #expect(try await officer.get(SiteURL.evidence(file.id!).path).body.string.hasPrefix("%PDF"))
            try await PlanFixture.officer(app, agency: fixture.agencies["so-vhttdl"]!, username: "vh-officer")
            var other = Browser(app)
            try await other.login("vh-officer")
            #expect(try await other.get(SiteURL.evidence(file.id!).path).status == .forbidden)
            #expect(try await other.get(path).status == .forbidden)

            // The dashboard: Q1 submitted late (its due date passed long ago), the rest of Q1 missing.
            let dashboard = try await coordinator.get(SiteURL.planReporting(plan.planID).path)
            #expect(dashboard.status == .ok)
            // Two things per cell: Q1 was first sent late and resent on time (within the working days the
            // return gave), and is accepted; the legend's counts are the rates' numerators.
            #expect(dashboard.text.contains("<svg") && dashboard.text.contains("send-resent-on-time rev-accepted"))
            #expect(dashboard.text.contains("Gửi lại đúng hạn</a><span class=\"review\">Đã chấp nhận</span>"))
            #expect(dashboard.text.contains("send-missing rev-none"))
            #expect(dashboard.text.contains("Gửi đúng hạn: <strong>0</strong>"))
            #expect(dashboard.text.contains("Gửi trễ hạn: <strong>1</strong>"))
            let regime = try #require(try await RegimeRecord.query(on: app.db).first())
            let csv = try await coordinator.get(
                SiteURL.planReportingCSV(plan.planID).with(["regime": regime.id!.uuidString]))
            let lines = csv.body.string.split(separator: "\r\n")
            #expect(lines.count == 13)
            #expect(
                lines.contains {
                    $0.contains("so-ngoai-vu") && $0.contains("\(Self.year)-Q1") && $0.contains("accepted")
                        && $0.contains(",no,resent-on-time,Gửi lại đúng hạn,accepted,Đã chấp nhận,")
                })

            // The consolidated report: accepted work compiled, an edited part kept, late and missing listed.
            let consolidated = SiteURL.consolidated(regime.id!).with(["period": "\(Self.year)-Q1"])
            let page = try await coordinator.get(consolidated)
            #expect(page.text.contains("Sở Ngoại vụ (chủ trì): Phát hành số 1, 2.000 bản."))
            let edit = try await coordinator.post(
                consolidated,
                form: [
                    ("version", "0"), ("number", "25"),
                    ("addressees", "Ủy ban nhân dân tỉnh\nBộ Văn hóa, Thể thao và Du lịch"),
                    ("parts[proposals]", "Đề nghị bố trí kinh phí in bản tin."),
                ])
            #expect(edit.status == .seeOther)
            let docx = try await coordinator.get(
                SiteURL.consolidatedDocx(regime.id!).with(["period": "\(Self.year)-Q1"]))
            let archive = try Archive(data: Data(buffer: docx.body), accessMode: .read)
            var xml = Data()
            _ = try archive.extract(archive["word/document.xml"]!) { xml.append($0) }
            let text = String(decoding: xml, as: UTF8.self)
            #expect(
                text.contains(">BÁO CÁO<") && text.contains(">Kính gửi:<")
                    && text.contains("Bộ Văn hóa, Thể thao và Du lịch."))
            #expect(text.contains("Phát hành số 1, 2.000 bản.") && text.contains("Đề nghị bố trí kinh phí in bản tin."))
            // The plan's own numbering: II.1 is II.1 in the report too.
            #expect(text.contains(">II.1. Phát hành Bản tin thông tin đối ngoại Lạng Sơn<"))
            #expect(
                text.contains("Số: 25/BC-SNgV"),
                "\(text.components(separatedBy: "Số:").dropFirst().first?.prefix(80) ?? "")")
            #expect(text.contains("chưa gửi báo cáo: Sở Khoa học và Công nghệ, Sở Văn hóa, Thể thao và Du lịch."))
        }
    }
}

@Suite("Holiday adjustments")
struct HolidayAdjustmentTests {
    @Test("An announced day off on a due date moves it; removing it moves it back; bad input is refused")
    func dayOffMovesDueDates() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture)
            let q2 = try await ReportingFlowTests.obligation(
                app, agency: fixture.agencies["so-ngoai-vu"]!, period: "\(plan.year)-Q2")
            let due = try #require(q2.due)
            var coordinator = Browser(app)
            try await coordinator.login(fixture.users[.coordinator]!)
            let page = try await coordinator.get(SiteURL.holidays.with(["year": String(plan.year)]))
            #expect(page.status == .ok && page.text.contains("Tết Nguyên đán"))
            let bad = try await coordinator.post(
                SiteURL.holidays.with(["year": String(plan.year)]), form: [("date", "31/02"), ("kind", "day-off")])
            #expect(bad.status == .badRequest && bad.text.contains("Hãy chọn ngày."))
            let added = try await coordinator.post(
                SiteURL.holidays.with(["year": String(plan.year)]),
                form: [("date", due.iso), ("kind", "day-off"), ("note", "Thông báo nghỉ")])
            #expect(added.status == .seeOther)
            let moved = try #require(try await Obligation.find(q2.id, on: app.db)?.due)
            #expect(moved > due)
            let removed = try await coordinator.post(
                SiteURL.holidays.with(["year": String(plan.year)]), form: [("remove", due.iso)])
            #expect(removed.status == .seeOther)
            #expect(try await Obligation.find(q2.id, on: app.db)?.due == due)
            var officer = Browser(app)
            try await officer.login(fixture.users[.agencyOfficer]!)
            #expect(try await officer.get(SiteURL.holidays.path).status == .forbidden)
        }
    }
}

@Suite("Indicators and targets")
struct IndicatorTargetTests {
    @Test("Usual indicators, a task's target, values on two reports summed year to date in the consolidated report")
    func valuesAddUpAgainstTargets() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture, year: ReportingFlowTests.year)
            var coordinator = Browser(app)
            try await coordinator.login(fixture.users[.coordinator]!)
            #expect(try await coordinator.post(SiteURL.indicators.path, form: [("defaults", "1")]).status == .seeOther)
            #expect(try await coordinator.post(SiteURL.indicators.path, form: [("defaults", "1")]).status == .seeOther)
            #expect(
                try await Indicator.query(on: app.db).count() == IndicatorCatalog.defaults.count,
                "adding the defaults twice adds them once")
            let issues = try #require(try await Indicator.query(on: app.db).filter(\.$code == "an-pham").first())
            let task = plan.tasks["II.1"]!.uuidString
            let pair = "\(task)][\(issues.id!.uuidString)"
            let bad = try await coordinator.post(
                SiteURL.planTargets(plan.planID).path,
                form: [("version", "0"), ("link[\(pair)]", "1"), ("target[\(pair)]", "bốn")])
            #expect(bad.status == .badRequest && bad.text.contains("chưa lưu gì"))
            #expect(
                try await coordinator.post(
                    SiteURL.planTargets(plan.planID).path,
                    form: [("version", "0"), ("link[\(pair)]", "1"), ("target[\(pair)]", "4")]
                ).status == .seeOther)
            #expect(try await TaskIndicator.query(on: app.db).first()?.target == 4)

            var officer = Browser(app)
            try await officer.login(fixture.users[.agencyOfficer]!)
            let user = try #require(
                try await User.query(on: app.db).filter(\.$username == fixture.users[.coordinator]!).first())
            for (period, value) in [("Q1", "1"), ("Q2", "2")] {
                let o = try await ReportingFlowTests.obligation(
                    app, agency: fixture.agencies["so-ngoai-vu"]!, period: "\(ReportingFlowTests.year)-\(period)")
                let form = try await officer.get(SiteURL.report(o.id!).path)
                #expect(form.text.contains("name=\"tasks[\(task)][values][\(issues.id!.uuidString)]\""))
                let sent = try await officer.multipart(
                    SiteURL.report(o.id!).path,
                    fields: [
                        ("version", "0"), ("action", "submit"),
                        ("tasks[\(task)][values][\(issues.id!.uuidString)]", value),
                    ]
                        + ReportingFlowTests.taskFields(plan, done: "Phát hành số \(value)"))
                #expect(sent.status == .seeOther)
                _ = try await SubmissionStore.review(
                    .accept, comment: "", expectedVersion: 1, obligation: o, db: app.db, user: user,
                    audit: .system("test", clock: app.clock), now: app.clock.now())
            }
            let regime = try #require(try await RegimeRecord.query(on: app.db).first())
            let page = try await coordinator.get(
                SiteURL.consolidated(regime.id!).with(["period": "\(ReportingFlowTests.year)-Q2"]))
            #expect(page.text.contains("Ấn phẩm xuất bản: 3/4 ấn phẩm (75%)"))
        }
    }
}

@Suite("Regime form")
struct RegimeFormTests {
    /// The fixture plan (next year) with its quarterly regime, and the coordinator signed in.
    static func signedInWithPlan(_ app: Application) async throws -> (Fixture, PlanFixture, RegimeRecord, Browser) {
        let fixture = try await Fixture.seed(app)
        let plan = try await PlanFixture.seed(app, fixture)
        let regime = try #require(try await RegimeRecord.query(on: app.db).first())
        var coordinator = Browser(app)
        try await coordinator.login(fixture.users[.coordinator]!)
        return (fixture, plan, regime, coordinator)
    }

    @Test("Editing a regime re-derives its obligations: chosen agencies only, a monthly frequency; bad rules refused")
    func editRederives() async throws {
        try await withApp { app in
            let (fixture, plan, regime, browser) = try await RegimeFormTests.signedInWithPlan(app)
            var coordinator = browser
            let page = try await coordinator.get(SiteURL.regime(regime.id!).path)
            // The rules in words: a kind chosen from a list and its number; no syntax to type.
            #expect(
                page.status == .ok
                    && page.text.contains(
                        "<option value=\"before-day\" selected>Trước ngày N của tháng cuối kỳ</option>")
            )
            #expect(
                page.text.contains(
                    "name=\"dueDay\" type=\"number\" min=\"1\" max=\"60\" inputmode=\"numeric\" value=\"15\""))
            #expect(!page.text.contains("before-day:15"))
            let base: [(String, String)] = [
                ("version", "1"), ("name", "Báo cáo tháng"), ("year", String(plan.year)), ("frequency", "monthly"),
                ("window", "nd09"),
                ("due", "before-day:20"), ("lock", "never"), ("before", "3, 1"), ("after", "1"), ("resubmit", "3"),
            ]
            // "Xem trước": the periods the form gives, nothing saved.
            let preview = try await coordinator.post(
                SiteURL.regime(regime.id!).path,
                form: [
                    ("version", "1"), ("name", "Báo cáo tháng"), ("year", String(plan.year)), ("frequency", "monthly"),
                    ("window", "nd09"), ("dueKind", "by-day"), ("dueDay", "25"), ("lockKind", "days-after-due"),
                    ("lockDays", "10"), ("before", "3"), ("after", "1"), ("resubmit", "5"),
                    ("reporters", "plan-task-leads"), ("preview", "1"),
                ])
            #expect(preview.status == .ok && preview.text.contains("Xem trước: các kỳ dưới đây theo biểu mẫu vừa nhập"))
            #expect(preview.text.contains("Tháng 12/\(plan.year)") || preview.text.contains("12/\(plan.year)"))
            #expect(try await RegimeRecord.find(regime.id, on: app.db)?.regime.frequency == .quarterly)
            let empty = try await coordinator.post(
                SiteURL.regime(regime.id!).path, form: base + [("reporters", "chosen")])
            #expect(empty.status == .badRequest && empty.text.contains("Hãy chọn ít nhất một đơn vị hoặc nhóm."))
            let badDue = try await coordinator.post(
                SiteURL.regime(regime.id!).path,
                form: base.map { $0.0 == "due" ? ("due", "trước ngày 20") : $0 } + [("reporters", "plan-task-leads")])
            #expect(badDue.status == .badRequest && badDue.text.contains("Không đọc được hạn gửi"))
            let badResubmit = try await coordinator.post(
                SiteURL.regime(regime.id!).path,
                form: base.map { $0.0 == "resubmit" ? ("resubmit", "0") : $0 } + [("reporters", "plan-task-leads")])
            #expect(
                badResubmit.status == .badRequest && badResubmit.text.contains("Nhập số ngày làm việc từ 1 đến 60."))
            let saved = try await coordinator.post(
                SiteURL.regime(regime.id!).path,
                form: base + [("reporters", "chosen"), ("agencies[]", fixture.agencies["so-khcn"]!.uuidString)])
            #expect(saved.status == .seeOther)
            let rows = try await Obligation.query(on: app.db).filter(\.$regime.$id == regime.id!).all()
            #expect(rows.count == 12 && Set(rows.map(\.$agency.id)) == [fixture.agencies["so-khcn"]!])
            #expect(try await RegimeRecord.find(regime.id, on: app.db)?.regime.resubmitWorkingDays == 3)
            let may = try #require(rows.first { $0.periodKey == "\(plan.year)-05" })
            #expect(may.windowStart == "\(plan.year)-04-15" && may.windowEnd == "\(plan.year)-05-14")
            // Before day 20: the 19th, or the next working day when that is a day off.
            #expect(may.dueOn! >= "\(plan.year)-05-19" && may.dueOn! <= "\(plan.year)-05-22")
        }
    }
}

@Suite("Ad-hoc requests")
struct ReportRequestTests {
    @Test("An ad-hoc regime owes nothing until a request; a request is a period with the requester's window and date")
    func requestCreatesObligations() async throws {
        try await withApp { app in
            let (_, plan, regime, browser) = try await RegimeFormTests.signedInWithPlan(app)
            var coordinator = browser
            let adHoc = try await coordinator.post(
                SiteURL.regime(regime.id!).path,
                form: [
                    ("version", "1"), ("name", "Báo cáo đột xuất"), ("year", String(plan.year)),
                    ("frequency", "ad-hoc"), ("window", "nd09"),
                    ("due", "requester"), ("lock", "never"), ("before", "1"), ("after", "1"),
                    ("reporters", "plan-task-leads"),
                ])
            #expect(adHoc.status == .seeOther)
            #expect(try await Obligation.query(on: app.db).filter(\.$regime.$id == regime.id!).count() == 0)
            let bad = try await coordinator.post(
                SiteURL.regimeRequests(regime.id!).path,
                form: [
                    ("label", "Tình hình đón phóng viên nước ngoài"), ("start", "\(plan.year)-03-01"),
                    ("end", "\(plan.year)-03-31"), ("due", "\(plan.year)-03-20"),
                ])
            #expect(bad.status == .seeOther)
            #expect(
                try await ReportRequest.query(on: app.db).count() == 0, "a due date before the window ends is refused")
            _ = try await coordinator.post(
                SiteURL.regimeRequests(regime.id!).path,
                form: [
                    ("label", "Tình hình đón phóng viên nước ngoài"), ("start", "\(plan.year)-03-01"),
                    ("end", "\(plan.year)-03-31"), ("due", "\(plan.year)-04-04"),
                ])
            let rows = try await Obligation.query(on: app.db).filter(\.$regime.$id == regime.id!).all()
            #expect(rows.count == 3)
            #expect(
                rows.allSatisfy {
                    $0.dueOn == "\(plan.year)-04-04" && $0.windowStart == "\(plan.year)-03-01"
                        && $0.periodLabel == "Tình hình đón phóng viên nước ngoài"
                })
            let page = try await coordinator.get(SiteURL.regime(regime.id!).path)
            #expect(page.text.contains("Tình hình đón phóng viên nước ngoài"))
        }
    }
}

@Suite("Consolidated report")
struct ConsolidatedReportTests {
    @Test("The compiling office issues it, is not late to itself, and never addresses it to itself")
    func theCompilerIsNotAmongTheLate() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture, year: ReportingFlowTests.year)
            let regime = try #require(try await RegimeRecord.query(on: app.db).first())
            let built = try #require(
                try await ConsolidatedBuilder(db: app.db, caches: MemoryCaches.of(app)).build(
                    regime: regime, periodKey: "\(plan.year)-Q1", today: app.clock.today))
            let report = built.report
            // Reports go to Sở Ngoại vụ: it compiles and issues the report, and owes nobody its own.
            #expect(report.issuingBody == "Sở Ngoại vụ")
            #expect(!report.missing.contains("Sở Ngoại vụ") && !report.late.contains("Sở Ngoại vụ"))
            #expect(report.missing.contains("Sở Văn hóa, Thể thao và Du lịch"))
            // Addressed to the body above it (the plan is its own), with "Lưu: VT" after.
            #expect(report.addressees == ["Ủy ban nhân dân tỉnh Lạng Sơn"])
            #expect(report.recipients == report.addressees + ["Lưu: VT"])

            // The regime's own list wins, and the compiler is dropped from it.
            var edited = regime.regime
            edited.consolidatedTo = ["Sở Ngoại vụ", "Bộ Ngoại giao"]
            try await regime.auditedUpdate(on: app.db, by: .system("test", clock: app.clock)) {
                $0.regime = edited
            }
            let again = try #require(
                try await ConsolidatedBuilder(db: app.db, caches: MemoryCaches.of(app)).build(
                    regime: regime, periodKey: "\(plan.year)-Q1", today: app.clock.today))
            #expect(again.report.addressees == ["Bộ Ngoại giao"])
        }
    }
}
