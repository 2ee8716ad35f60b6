import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// A submitted report is frozen: the agency changes it only by recalling it (logged, while the review has
/// not started) or after it is returned; every save reaches the audit trail field by field.
@Suite("Frozen reports and recall")
struct ReportFreezeTests {
    struct Setup {
        var plan: PlanFixture
        var obligation: Obligation
        var path: String
        var officer: Browser
        var coordinator: Browser
    }

    static func setUp(_ app: Application) async throws -> (Fixture, Setup) {
        let fixture = try await Fixture.seed(app)
        // Next year's plan: its first quarter is never past its lock date while the test runs.
        let year = app.clock.today.year + 1
        let plan = try await PlanFixture.seed(app, fixture, year: year)
        let obligation = try await ReportingFlowTests.obligation(
            app, agency: fixture.agencies["so-ngoai-vu"]!, period: "\(year)-Q1")
        var officer = Browser(app)
        try await officer.login(fixture.users[.agencyOfficer]!)
        var coordinator = Browser(app)
        try await coordinator.login(fixture.users[.coordinator]!)
        return (
            fixture,
            Setup(
                plan: plan, obligation: obligation, path: SiteURL.report(obligation.id!).path, officer: officer,
                coordinator: coordinator)
        )
    }

    static func submission(_ app: Application, _ obligation: Obligation) async throws -> Submission {
        try #require(try await Submission.query(on: app.db).filter(\.$obligation.$id == obligation.id!).first())
    }

    static func submissionUpdates(_ app: Application, _ row: Submission) async throws -> [AuditEntry] {
        try await AuditEntry.query(on: app.db).filter(\.$entityType == "submission")
            .filter(\.$entityID == row.id!.uuidString).filter(\.$action == AuditEntry.Action.update.rawValue)
            .sort(\.$at).all()
    }

    @Test("A draft saved over a submitted report is refused: state, version, text, audit and history unchanged")
    func submittedIsFrozen() async throws {
        try await withApp { app in
            var (_, s) = try await Self.setUp(app)
            let submitted = try await s.officer.multipart(
                s.path,
                fields: [("version", "0"), ("action", "submit"), ("summary", "Bản đã gửi")]
                    + ReportingFlowTests.taskFields(s.plan, done: "Đã phát hành số 1"))
            #expect(submitted.status == .seeOther)
            let before = try await Self.submission(app, s.obligation)
            #expect(before.submissionState == .submitted && before.version == 1)
            let auditBefore = try await AuditEntry.query(on: app.db).count()

            let page = try await s.officer.get(s.path)
            #expect(page.text.contains("action=\"\(SiteURL.reportRecall(s.obligation.id!).path)\""))
            #expect(page.text.contains("Rút lại để sửa") && !page.text.contains("name=\"action\" value=\"save\""))

            for action in ["save", "submit"] {
                let over = try await s.officer.multipart(
                    s.path,
                    fields: [("version", "1"), ("action", action), ("summary", "Bản sửa lén")]
                        + ReportingFlowTests.taskFields(s.plan, done: "Số liệu khác"))
                #expect(over.status == .conflict)
                #expect(over.text.contains("hãy rút lại báo cáo"), "the reason, in the user's language")
                #expect(over.text.contains("Bản sửa lén"), "what was typed is shown, not lost")
            }
            let after = try await Self.submission(app, s.obligation)
            #expect(after.submissionState == .submitted && after.version == 1 && after.report.summary == "Bản đã gửi")
            #expect(try await AuditEntry.query(on: app.db).count() == auditBefore)
            #expect(try await SubmissionEvent.query(on: app.db).count() == 1)
        }
    }

    @Test("Recall makes the report a draft again, in the history and the audit trail; then it can be changed")
    func recall() async throws {
        try await withApp { app in
            var (_, s) = try await Self.setUp(app)
            _ = try await s.officer.multipart(
                s.path,
                fields: [("version", "0"), ("action", "submit"), ("summary", "Bản đã gửi")]
                    + ReportingFlowTests.taskFields(s.plan, done: "Đã phát hành số 1"))
            let recallPath = SiteURL.reportRecall(s.obligation.id!).path
            // A stale recall is a conflict: nothing changes.
            #expect(try await s.officer.post(recallPath, form: [("version", "0")]).status == .seeOther)
            #expect(try await Self.submission(app, s.obligation).submissionState == .submitted)

            let recalled = try await s.officer.post(recallPath, form: [("version", "1")])
            #expect(recalled.status == .seeOther)
            let row = try await Self.submission(app, s.obligation)
            #expect(row.submissionState == .draft && row.version == 2 && row.report.summary == "Bản đã gửi")
            let events = try await SubmissionEvent.query(on: app.db).filter(\.$submission.$id == row.id!).all()
            #expect(events.map(\.kind).sorted() == ["recalled", "submitted"])
            let entry = try #require(try await Self.submissionUpdates(app, row).last)
            #expect(entry.decodedChanges["state"] == ["submitted", "draft"])
            #expect(entry.actorName.contains("u-agency-officer"))
            let page = try await s.officer.get(s.path)
            #expect(page.text.contains("Rút lại"), "the history shows the recall")

            let changed = try await s.officer.multipart(
                s.path,
                fields: [("version", "2"), ("action", "submit"), ("summary", "Bản sửa sau khi rút")]
                    + ReportingFlowTests.taskFields(s.plan, done: "Đã phát hành số 1 và 2"))
            #expect(changed.status == .seeOther)
            #expect(try await Self.submission(app, s.obligation).report.summary == "Bản sửa sau khi rút")
        }
    }

    @Test("Once the review has started (returned or accepted) there is nothing to recall")
    func recallOnlyBeforeReview() async throws {
        try await withApp { app in
            var (_, s) = try await Self.setUp(app)
            _ = try await s.officer.multipart(
                s.path,
                fields: [("version", "0"), ("action", "submit")]
                    + ReportingFlowTests.taskFields(s.plan, done: "Đã phát hành số 1"))
            _ = try await s.coordinator.post(
                SiteURL.reportReview(s.obligation.id!).path,
                form: [("decision", "accept"), ("version", "1")])
            #expect(try await Self.submission(app, s.obligation).submissionState == .accepted)
            let refused = try await s.officer.post(
                SiteURL.reportRecall(s.obligation.id!).path, form: [("version", "2")])
            #expect(refused.status == .seeOther)
            let row = try await Self.submission(app, s.obligation)
            #expect(row.submissionState == .accepted && row.version == 2)
            #expect(try await s.officer.get(s.path).text.contains("Báo cáo đã được tiếp nhận"))
            #expect(!(try await s.officer.get(s.path).text.contains(SiteURL.reportRecall(s.obligation.id!).path)))
        }
    }

    @Test("An officer of another agency cannot recall")
    func otherAgencyCannotRecall() async throws {
        try await withApp { app in
            let (fixture, setup) = try await Self.setUp(app)
            var s = setup
            _ = try await s.officer.multipart(
                s.path,
                fields: [("version", "0"), ("action", "submit")]
                    + ReportingFlowTests.taskFields(s.plan, done: "Đã phát hành số 1"))
            try await PlanFixture.officer(app, agency: fixture.agencies["so-vhttdl"]!, username: "vh-officer")
            var other = Browser(app)
            try await other.login("vh-officer")
            let answer = try await other.post(SiteURL.reportRecall(s.obligation.id!).path, form: [("version", "1")])
            #expect(answer.status == .forbidden)
            #expect(try await Self.submission(app, s.obligation).submissionState == .submitted)
        }
    }

    @Test("The audit entry of a report save lists the fields that changed, before and after")
    func auditListsChangedFields() async throws {
        try await withApp { app in
            var (_, s) = try await Self.setUp(app)
            let task = s.plan.tasks["II.1"]!.uuidString.lowercased()
            _ = try await s.officer.multipart(
                s.path,
                fields: [("version", "0"), ("action", "save"), ("summary", "Tóm tắt A"), ("proposals", "Đề xuất")]
                    + ReportingFlowTests.taskFields(s.plan, done: "Phát hành số 1"))
            _ = try await s.officer.multipart(
                s.path,
                fields: [("version", "1"), ("action", "save"), ("summary", "Tóm tắt B"), ("proposals", "Đề xuất")]
                    + ReportingFlowTests.taskFields(s.plan, done: "Phát hành số 1 và 2"))
            let row = try await Self.submission(app, s.obligation)
            let entries = try await Self.submissionUpdates(app, row)
            #expect(entries.count == 1)
            let changes = try #require(entries.first?.decodedChanges)
            #expect(changes["summary"] == ["Tóm tắt A", "Tóm tắt B"])
            #expect(changes["task:\(task):done"] == ["Phát hành số 1", "Phát hành số 1 và 2"])
            #expect(changes["version"] == ["1", "2"])
            #expect(changes["proposals"] == nil, "unchanged fields are not listed")
            #expect(changes["content_length"] == nil)
        }
    }
}
