import Foundation
import Testing

@testable import TTDNKit

@Suite("Timeliness statuses")
struct StatusTests {

    let opens = d("2026-05-15"), due = d("2026-05-19")

    func status(_ submission: SubmissionDates = .none, now: String) -> ReportStatus {
        ReportTimeliness.status(opensOn: opens, due: due, submission: submission, now: at(now))
    }

    @Test("Nothing submitted: not yet due, open through the due day, then missing")
    func nothingSubmitted() {
        #expect(status(now: "2026-05-14") == .notYetDue)
        #expect(status(now: "2026-05-15") == .open)
        #expect(status(now: "2026-05-19") == .open)
        #expect(status(now: "2026-05-20") == .missingOverdue)
    }

    @Test("On time up to the end of the due day in Vietnam; late after")
    func submitted() {
        #expect(status(.init(lastSubmittedAt: at("2026-05-19", 23)), now: "2026-05-25") == .submittedOnTime)
        #expect(status(.init(lastSubmittedAt: at("2026-05-20", 0)), now: "2026-05-25") == .submittedLate)
        // 16:30 UT on the 19th is 23:30 in Hà Nội: still the 19th.
        let utc = d("2026-05-19").startOfDay(in: TimeZone(secondsFromGMT: 0)!).addingTimeInterval(16.5 * 3600)
        #expect(ReportTimeliness.isOnTime(.init(lastSubmittedAt: utc), due: due) == true)
        // Early drafts sent before the period opens still count as on time.
        #expect(status(.init(lastSubmittedAt: at("2026-05-10")), now: "2026-05-12") == .submittedOnTime)
    }

    @Test("Returned, resubmitted, accepted")
    func reviewCycle() {
        let returned = SubmissionDates(
            firstSubmittedAt: at("2026-05-18"), lastSubmittedAt: at("2026-05-18"), returnedAt: at("2026-05-21"))
        #expect(status(returned, now: "2026-05-22") == .returned)
        var resubmitted = returned
        resubmitted.lastSubmittedAt = at("2026-05-23")
        // Judged on the first submission: the agency was on time, the coordinator's review took the days.
        #expect(status(resubmitted, now: "2026-05-24") == .submittedOnTime)
        var accepted = resubmitted
        accepted.acceptedAt = at("2026-05-24")
        #expect(status(accepted, now: "2026-05-25") == .accepted)
        #expect(ReportTimeliness.isOnTime(accepted, due: due) == true)
        // Accepted, then reopened and returned: returned again.
        var reopened = accepted
        reopened.returnedAt = at("2026-05-26")
        #expect(status(reopened, now: "2026-05-27") == .returned)
        #expect(ReportTimeliness.isOnTime(.none, due: due) == nil)
    }

    @Test("From an engine period")
    func fromPeriod() {
        let regime = ReportingRegime(name: "t", frequency: .monthly, due: .beforeDayOfLastMonth(20))
        let may = PeriodEngine.periods(for: regime, year: 2026)[4]
        #expect(ReportTimeliness.status(of: may, submission: .none, now: at("2026-05-20")) == .missingOverdue)
        #expect(ReportTimeliness.status(of: may, submission: .none, now: at("2026-05-01")) == .notYetDue)
    }

    @Test("Văn phòng Chính phủ's four categories")
    func followUp() {
        let deadline = d("2026-06-30")
        #expect(
            TaskFollowUpStatus.of(deadline: deadline, completedOn: d("2026-06-30"), today: d("2026-07-10"))
                == .completedOnTime)
        #expect(
            TaskFollowUpStatus.of(deadline: deadline, completedOn: d("2026-07-01"), today: d("2026-07-10"))
                == .completedLate)
        #expect(
            TaskFollowUpStatus.of(deadline: deadline, completedOn: nil, today: d("2026-06-30"))
                == .inProgressWithinDeadline)
        #expect(
            TaskFollowUpStatus.of(deadline: deadline, completedOn: nil, today: d("2026-07-01")) == .inProgressOverdue)
        #expect(
            TaskFollowUpStatus.of(deadline: nil, completedOn: nil, today: d("2030-01-01")) == .inProgressWithinDeadline)
    }
}
