import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor

@testable import App

/// A report form lists first the tasks its period is about; the others wait aside, still fillable.
@Suite("Report form: tasks of the period")
struct ReportScheduleTests {
    /// Where the form's fields for `task` stand: before the set-aside block (about this period) or in it.
    static func isAside(_ html: String, _ task: UUID) throws -> Bool {
        let field = try #require(html.range(of: "tasks[\(task.uuidString)][done]"))
        guard let aside = html.range(of: "<details class=\"other-tasks\">") else { return false }
        return aside.lowerBound < field.lowerBound
    }

    @Test(
        "A quarter-II/III task waits aside on the first quarter's form and needs no text there; it leads on the third's"
    )
    func tasksOutsideThePeriodWaitAside() async throws {
        try await withApp { app in
            let year = ReportingFlowTests.year
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture, year: year)
            let ngoaiVu = fixture.agencies["so-ngoai-vu"]!
            var officer = Browser(app)
            try await officer.login(fixture.users[.agencyOfficer]!)
            let famtrip = plan.tasks["II.3.1"]!

            let q1 = try await ReportingFlowTests.obligation(app, agency: ngoaiVu, period: "\(year)-Q1")
            let form = try await officer.get(SiteURL.report(q1.id!).path).text
            #expect(try Self.isAside(form, famtrip))
            #expect(form.contains("Nhiệm vụ không có lịch trong kỳ này (1)"))
            for ref in ["II.1", "II.2", "II.4", "II.5"] { #expect(try !Self.isAside(form, plan.tasks[ref]!), "\(ref)") }
            // Set aside, it starts as not started.
            let famtripStatus =
                "<select id=\"status-\(famtrip.uuidString)\" name=\"tasks[\(famtrip.uuidString)][status]\">"
                + "<option value=\"notStarted\" selected>"
            #expect(form.contains(famtripStatus))
            let path = SiteURL.report(q1.id!).path

            // Written about anyway, it joins the others on the form.
            let saved = try await officer.multipart(
                path,
                fields: [
                    ("version", "0"), ("action", "save"), ("tasks[\(famtrip.uuidString)][status]", "inProgress"),
                    ("tasks[\(famtrip.uuidString)][done]", "Đã khảo sát điểm đến."),
                ])
            #expect(saved.status == .seeOther)
            #expect(try !Self.isAside(try await officer.get(path).text, famtrip))

            // Blank again, it goes back aside, and submitting without a word about it is accepted.
            let fields =
                ReportingFlowTests.taskFields(plan, done: "Phát hành số 1").filter {
                    !$0.0.hasPrefix("tasks[\(famtrip.uuidString)]")
                } + [
                    ("tasks[\(famtrip.uuidString)][status]", "notStarted"), ("tasks[\(famtrip.uuidString)][done]", ""),
                ]
            let sent = try await officer.multipart(path, fields: [("version", "1"), ("action", "submit")] + fields)
            #expect(sent.status == .seeOther)
            #expect(
                try await Submission.query(on: app.db).filter(\.$obligation.$id == q1.id!).first()?.submissionState
                    == .submitted)
            var reader = Browser(app)
            try await reader.login(fixture.users[.viewer]!)
            let shown = try await reader.get(path).text
            #expect(shown.contains("1 nhiệm vụ không có lịch trong kỳ này, không được báo cáo."))
            #expect(!shown.contains("Tổ chức đoàn famtrip cho phóng viên nước ngoài"))
            #expect(shown.contains("Cập nhật Trang thông tin đối ngoại của tỉnh"))

            // The third quarter's window reaches into quarters II and III: the task leads there.
            let q3 = try await ReportingFlowTests.obligation(app, agency: ngoaiVu, period: "\(year)-Q3")
            let third = try await officer.get(SiteURL.report(q3.id!).path).text
            #expect(try !Self.isAside(third, famtrip))
            #expect(!third.contains("<details class=\"other-tasks\">"))
        }
    }
}
