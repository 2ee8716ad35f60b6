import Foundation
import Testing

@testable import TTDNKit

@Suite("Holiday calendar and working days")
struct HolidayCalendarTests {
    let calendar = HolidayCalendar.vietnam

    func offDays(_ year: Int) -> [String] {
        calendar.holidays(in: year).filter { !$0.isWorkingDay }.map(\.date.iso)
    }

    @Test("2026 from the rules alone: fixed days, Tết 16–20 Feb, Giỗ Tổ on a Sunday compensated Monday, 2/9 + 3/9")
    func year2026() {
        #expect(
            offDays(2026) == [
                "2026-01-01",
                "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
                "2026-04-26", "2026-04-27",  // Giỗ Tổ (Sunday) and its nghỉ bù
                "2026-04-30", "2026-05-01",
                "2026-09-02", "2026-09-03",  // Wednesday → the day after
            ])
        let gioTo = calendar.holidays(in: 2026).first { $0.date == d("2026-04-27") }
        #expect(gioTo?.kind == .compensatoryDayOff)
        #expect(gioTo?.holiday == "hung-kings")
    }

    @Test(
        "Quốc khánh's extra day, automatic, matches 2021–2025's announced days",
        arguments: [
            (2021, "2021-09-03"), (2022, "2022-09-01"), (2023, "2023-09-01"), (2024, "2024-09-03"),
            (2025, "2025-09-01"),
        ])
    func nationalDayExtra(year: Int, expected: String) {
        #expect(!calendar.isWorkingDay(d(expected)))
        #expect(!calendar.isWorkingDay(LocalDate(year: year, month: 9, day: 2)!))
    }

    @Test("2023: 2/9 on Saturday gives Friday 1/9 and Monday 4/9 off (as announced)")
    func nationalDay2023() {
        #expect(offDays(2023).filter { $0.hasPrefix("2023-09") } == ["2023-09-01", "2023-09-02", "2023-09-04"])
        #expect(calendar.isWorkingDay(d("2023-09-05")))
    }

    @Test("The extra day is configurable")
    func extraDayConfigurable() {
        var rules = HolidayRules()
        rules.fixed[3].adjacentDay = .before
        let before = HolidayCalendar(rules: rules)
        #expect(!before.isWorkingDay(d("2026-09-01")))
        #expect(before.isWorkingDay(d("2026-09-03")))
    }

    @Test("Tết on a weekend: 2024's Saturday and Sunday are compensated on Wednesday and Thursday")
    func tet2024Compensation() {
        #expect(
            offDays(2024).filter { $0.hasPrefix("2024-02") } == [
                "2024-02-09", "2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13", "2024-02-14", "2024-02-15",
            ])
    }

    @Test("Announced schedule overrides the rules: 2024 Tết was 8–14 February for civil servants")
    func announcedTet2024() {
        let announced = HolidayCalendar(adjustments: [
            .init(date: d("2024-02-08"), kind: .dayOff, note: "Nghỉ Tết theo thông báo"),
            .init(date: d("2024-02-15"), kind: .workingDay, note: "Đi làm theo thông báo"),
        ])
        #expect(!announced.isWorkingDay(d("2024-02-08")))
        #expect(announced.isWorkingDay(d("2024-02-15")))
        #expect(announced.addingWorkingDays(1, to: d("2024-02-07")) == d("2024-02-15"))
        let entries = announced.holidays(in: 2024).filter { $0.date.month == 2 }
        #expect(entries.first?.kind == .announcedDayOff)
        #expect(entries.last?.kind == .cancelledDayOff)
    }

    @Test("A make-up Saturday is a working day")
    func makeUpSaturday() {
        let withMakeUp = HolidayCalendar(adjustments: [.init(date: d("2026-02-28"), kind: .workingDay, note: "Làm bù")])
        #expect(!calendar.isWorkingDay(d("2026-02-28")))
        #expect(withMakeUp.isWorkingDay(d("2026-02-28")))
        #expect(withMakeUp.addingWorkingDays(1, to: d("2026-02-27")) == d("2026-02-28"))
        #expect(withMakeUp.holidays(in: 2026).contains { $0.date == d("2026-02-28") && $0.kind == .makeUpWorkingDay })
    }

    @Test("Working days across Tết, 30/4–1/5 and 2/9")
    func addingAcrossHolidays() {
        // Tết 2026: Fri 13 Feb + 1 → Mon 23 Feb (16–20 Tết, 21–22 weekend).
        #expect(calendar.addingWorkingDays(1, to: d("2026-02-13")) == d("2026-02-23"))
        #expect(calendar.addingWorkingDays(3, to: d("2026-02-14")) == d("2026-02-25"))
        // 30/4 Thu, 1/5 Fri 2026: Wed 29 Apr + 1 → Mon 4 May.
        #expect(calendar.addingWorkingDays(1, to: d("2026-04-29")) == d("2026-05-04"))
        // Giỗ Tổ Sunday 26/4 compensated Monday 27/4: Fri 24 Apr + 1 → Tue 28 Apr.
        #expect(calendar.addingWorkingDays(1, to: d("2026-04-24")) == d("2026-04-28"))
        // 2/9 Wed + 3/9 Thu 2026: Tue 1 Sep + 1 → Fri 4 Sep.
        #expect(calendar.addingWorkingDays(1, to: d("2026-09-01")) == d("2026-09-04"))
        // Backwards.
        #expect(calendar.addingWorkingDays(-1, to: d("2026-05-04")) == d("2026-04-29"))
        #expect(calendar.addingWorkingDays(0, to: d("2026-05-02")) == d("2026-05-02"))
        #expect(calendar.workingDays(after: d("2026-04-29"), through: d("2026-05-04")) == 1)
    }

    @Test("Rules and adjustments round-trip through JSON; missing keys take the defaults")
    func codable() throws {
        let original = HolidayCalendar(adjustments: [.init(date: d("2026-02-28"), kind: .workingDay, note: "Làm bù")])
        let data = try JSONEncoder().encode(original)
        #expect(try JSONDecoder().decode(HolidayCalendar.self, from: data) == original)
        let partial = #"{"adjustments":[{"date":"2025-01-27","kind":"day-off"}]}"#
        let decoded = try JSONDecoder().decode(HolidayCalendar.self, from: Data(partial.utf8))
        #expect(decoded.rules == .laborCode2019)
        #expect(decoded.adjustments == [.init(date: d("2025-01-27"), kind: .dayOff, note: "")])
        let rules = try JSONDecoder().decode(
            HolidayRules.self, from: Data(#"{"compensate_weekend_holidays":false}"#.utf8))
        #expect(!rules.compensateWeekendHolidays && rules.fixed.count == 4)
    }

    @Test("Tết length and start are configurable")
    func tetConfigurable() {
        var rules = HolidayRules()
        rules.tet = .init(firstDay: -2, days: 7)
        let longer = HolidayCalendar(rules: rules)
        let tet = longer.holidays(in: 2026).filter { $0.kind == .publicHoliday && $0.holiday == HolidayRules.tetCode }
            .map(\.date.iso)
        #expect(
            tet == ["2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21"])
    }
}
