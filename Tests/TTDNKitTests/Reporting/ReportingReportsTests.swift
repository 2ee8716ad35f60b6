import Foundation
import Testing

@testable import TTDNKit

@Suite("What ttdn periods and ttdn holidays print")
struct ReportingReportsTests {
    @Test("Periods: JSON has ISO dates and the regime's rules as strings; the table has one row per period")
    func periods() throws {
        let regime = ReportingRegime(
            name: "q", frequency: .quarterly, due: .beforeDayOfLastMonth(15), lock: .daysAfterDue(10))
        let document = ReportingReports.periods(regime, year: 2026, holidays: .vietnam)
        let json = try ReportingReports.json(document)
        #expect(json.contains(#""due" : "2026-06-15""#))
        #expect(json.contains(#""start" : "2025-12-15""#))
        #expect(json.contains(#""due" : "before-day:15""#))
        let decoded = try JSONDecoder().decode(ReportingReports.PeriodsDocument.self, from: Data(json.utf8))
        #expect(decoded == document)
        let table = ReportingReports.table(document)
        #expect(table.split(separator: "\n", omittingEmptySubsequences: false).count == 1 + 1 + 1 + 4)
        #expect(table.contains("2026-Q2  Quý II/2026   2026-03-15 → 2026-06-14  2026-06-15 Mon  2026-06-25 Thu"))
    }

    @Test("Holidays: entries and working-day count")
    func holidays() throws {
        let calendar = HolidayCalendar(adjustments: [.init(date: d("2026-02-28"), kind: .workingDay, note: "Làm bù")])
        let document = ReportingReports.holidays(calendar, year: 2026)
        // 261 weekdays in 2026, minus 11 weekday days off, plus the make-up Saturday.
        #expect(document.workingDays == 261 - 11 + 1)
        #expect(document.days.first?.holiday == "new-year")
        let json = try ReportingReports.json(document)
        #expect(json.contains(#""date" : "2026-02-28""#) && json.contains(#""kind" : "make-up-working-day""#))
        #expect(ReportingReports.table(document).contains("2026-02-28  Sat  make-up working day"))
    }
}
