import Foundation
import Testing

@testable import TTDNKit

@Suite("What a report asks of someone today")
struct ReportAgendaTests {
    let opens = d("2026-03-01"), due = d("2026-03-14")

    func bucket(_ history: ReportStanding.History = .init(), today: String) -> ReportAgenda.Bucket? {
        let standing = ReportStanding.of(opensOn: opens, due: due, history: history, now: at(today))
        return ReportAgenda.bucket(standing, due: due, today: d(today))
    }

    @Test func openReportsAreDueSoonOnlyWithinAWeek() {
        #expect(bucket(today: "2026-02-20") == nil)
        #expect(bucket(today: "2026-03-02") == nil)
        #expect(bucket(today: "2026-03-07") == .dueSoon)
        #expect(bucket(today: "2026-03-14") == .dueSoon)
        #expect(bucket(today: "2026-03-15") == .late)
        let standing = ReportStanding.of(opensOn: opens, due: due, history: .init(), now: at("2026-03-20"))
        #expect(ReportAgenda.daysLate(standing, due: due, today: d("2026-03-20")) == 6)
    }

    @Test func sentReportsWaitReturnedOnesAreOwedAgainAndAcceptedOnesAreDone() {
        let sent = SubmissionDates(lastSubmittedAt: at("2026-03-10"))
        #expect(bucket(.init(dates: sent), today: "2026-03-20") == .waiting)
        var returned = sent
        returned.returnedAt = at("2026-03-16")
        #expect(bucket(.init(dates: returned, resendBy: d("2026-03-23")), today: "2026-03-20") == .returned)
        #expect(bucket(.init(dates: returned, resendBy: d("2026-03-23")), today: "2026-03-24") == .late)
        let overdue = ReportStanding.of(
            opensOn: opens, due: due, history: .init(dates: returned, resendBy: d("2026-03-23")), now: at("2026-03-26"))
        #expect(ReportAgenda.daysLate(overdue, due: due, today: d("2026-03-26")) == 3)
        var accepted = sent
        accepted.acceptedAt = at("2026-03-12")
        #expect(bucket(.init(dates: accepted), today: "2026-03-20") == nil)
    }
}
