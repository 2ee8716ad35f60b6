import Testing

@testable import TTDNKit

@Suite("Reporting: which tasks a period is about")
struct TaskScheduleTests {
    func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    func scheduled(_ timeframe: Timeframe?, _ from: String, _ through: String, planYear: Int? = 2026) -> Bool {
        TaskSchedule.isScheduled(timeframe, planYear: planYear, from: day(from), through: day(through))
    }

    @Test func quartersTouchTheWindow() {
        let q3 = Timeframe(text: "Quý III", kind: .quarters, quarters: [3])
        // Calendar quarters.
        #expect(!scheduled(q3, "2026-01-01", "2026-03-31"))
        #expect(!scheduled(q3, "2026-04-01", "2026-06-30"))
        #expect(scheduled(q3, "2026-07-01", "2026-09-30"))
        #expect(!scheduled(q3, "2026-10-01", "2026-12-31"))
        // Nghị định 09 windows: the fourth-quarter window starts on 15 September, inside quarter III.
        #expect(scheduled(q3, "2026-09-15", "2026-12-14"))
        #expect(!scheduled(q3, "2025-12-15", "2026-03-14"))
        // Half-year and year reports.
        #expect(!scheduled(q3, "2026-01-01", "2026-06-30"))
        #expect(scheduled(q3, "2026-01-01", "2026-12-31"))
        // Another year's plan.
        #expect(!scheduled(q3, "2027-07-01", "2027-09-30"))
    }

    @Test func theTimeframesOwnYearWins() {
        let q2Next = Timeframe(text: "Quý II/2027", kind: .quarters, quarters: [2], year: 2027)
        #expect(!scheduled(q2Next, "2026-04-01", "2026-06-30"))
        #expect(scheduled(q2Next, "2027-04-01", "2027-06-30"))
        // No year anywhere: any year's quarter II.
        let q2 = Timeframe(text: "Quý II", kind: .quarters, quarters: [2])
        #expect(scheduled(q2, "2031-04-01", "2031-06-30", planYear: nil))
        #expect(!scheduled(q2, "2031-07-01", "2031-09-30", planYear: nil))
    }

    @Test func withinTheYear() {
        let year = Timeframe(text: "Trong năm", kind: .year)
        #expect(scheduled(year, "2026-01-01", "2026-03-31"))
        #expect(!scheduled(year, "2027-01-01", "2027-03-31"))
        #expect(scheduled(year, "2025-12-15", "2026-03-14"))
    }

    @Test func whatCannotBePlacedIsAlwaysScheduled() {
        for timeframe in [
            nil, Timeframe(text: "Thường xuyên", kind: .ongoing),
            Timeframe(text: "04 số, 01 số/quý", kind: .recurring, every: .quarter, count: 4),
            Timeframe(text: "Theo kế hoạch của tỉnh", kind: .external),
            Timeframe(text: "Quý", kind: .quarters, quarters: []),
        ] {
            #expect(scheduled(timeframe, "2026-01-01", "2026-03-31"))
        }
    }
}
