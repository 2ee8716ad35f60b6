import Foundation
import Testing

@testable import TTDNKit

@Suite("Report standing: when it was sent, and where its review stands")
struct ReportStandingTests {

    let opens = d("2025-09-01"), due = d("2025-09-15")

    func standing(_ history: ReportStanding.History, now: String) -> ReportStanding {
        ReportStanding.of(opensOn: opens, due: due, history: history, now: at(now))
    }

    @Test("Nothing sent: not yet due, open, missing; nothing to review")
    func nothingSent() {
        #expect(standing(.init(), now: "2025-08-30").sending == .notYetDue)
        #expect(standing(.init(), now: "2025-09-15").sending == .open)
        let missing = standing(.init(), now: "2025-09-16")
        #expect(missing.sending == .missing && missing.review == .none && missing.onTime == nil)
        #expect(missing.isExpected && !standing(.init(), now: "2025-09-15").isExpected)
        #expect(missing.status == .missingOverdue)
    }

    @Test("First sending judged against the due date; the review is separate")
    func firstSending() {
        let sent = standing(.init(dates: .init(lastSubmittedAt: at("2025-09-15", 23))), now: "2025-09-20")
        #expect(sent == ReportStanding(sending: .onTime, review: .waiting, onTime: true))
        let late = standing(
            .init(dates: .init(lastSubmittedAt: at("2025-09-16"), acceptedAt: at("2025-09-17"))), now: "2025-09-20")
        #expect(late == ReportStanding(sending: .late, review: .accepted, onTime: false))
        #expect(late.status == .accepted)
    }

    /// The issue's case: first due on 15/09/2025, sent on time, returned, and sent again fifteen months later.
    @Test("A resubmission is judged against the resubmission deadline, not the first sending")
    func resentFifteenMonthsLater() {
        let returnedOn = d("2025-09-18")
        let resendBy = ReportStanding.resendDeadline(returnedOn: returnedOn, workingDays: 5, calendar: .vietnam)
        #expect(resendBy == d("2025-09-25"))  // Thursday + 5 working days, the weekend not counted
        var dates = SubmissionDates(
            firstSubmittedAt: at("2025-09-12"), lastSubmittedAt: at("2025-09-12"), returnedAt: at("2025-09-18"))
        let waiting = standing(.init(dates: dates, resendBy: resendBy), now: "2025-09-22")
        #expect(waiting == ReportStanding(sending: .resendDue, review: .returned, onTime: true, resendBy: resendBy))
        let overdue = standing(.init(dates: dates, resendBy: resendBy), now: "2025-09-26")
        #expect(overdue.sending == .resendOverdue && overdue.onTime == false && overdue.status == .returned)

        dates.lastSubmittedAt = at("2026-12-20")
        let resent = standing(.init(dates: dates, resendBy: resendBy), now: "2026-12-21")
        #expect(resent == ReportStanding(sending: .resentLate, review: .waiting, onTime: false, resendBy: resendBy))
        #expect(resent.status == .submittedLate)
        dates.acceptedAt = at("2026-12-22")
        let accepted = standing(.init(dates: dates, resendBy: resendBy), now: "2026-12-23")
        #expect(accepted.sending == .resentLate && accepted.review == .accepted)
        #expect(ReportStanding.isLateResend(sentAt: at("2026-12-20"), resendBy: resendBy))
        #expect(!ReportStanding.isLateResend(sentAt: at("2025-09-25", 23), resendBy: resendBy))
    }

    @Test("Resent on time stays on time; a late resend earlier keeps it late")
    func resentOnTime() {
        let dates = SubmissionDates(
            firstSubmittedAt: at("2025-09-12"), lastSubmittedAt: at("2025-09-24"), returnedAt: at("2025-09-18"))
        let onTime = standing(.init(dates: dates, resendBy: d("2025-09-25")), now: "2025-09-26")
        #expect(onTime.sending == .resentOnTime && onTime.onTime == true && onTime.status == .submittedOnTime)
        let stained = standing(
            .init(dates: dates, resendBy: d("2025-09-25"), resentLateBefore: true), now: "2025-09-26")
        #expect(stained.sending == .resentOnTime && stained.onTime == false && stained.status == .submittedLate)
        // A report first sent late stays late, however quickly it is sent again.
        var firstLate = dates
        firstLate.firstSubmittedAt = at("2025-09-16")
        #expect(standing(.init(dates: firstLate, resendBy: d("2025-09-25")), now: "2025-09-26").onTime == false)
    }

    @Test("The resubmission deadline counts working days in the regime's calendar")
    func deadlineOverHolidays() {
        // Returned on Friday 29/08/2025: 1 and 2 September are days off (Quốc khánh).
        let by = ReportStanding.resendDeadline(returnedOn: d("2025-08-29"), workingDays: 1, calendar: .vietnam)
        #expect(by == d("2025-09-03"))
        let regime = try? JSONDecoder().decode(
            ReportingRegime.self, from: Data(#"{"name":"q","frequency":"quarterly"}"#.utf8))
        #expect(regime?.resubmitWorkingDays == 5)
    }
}
