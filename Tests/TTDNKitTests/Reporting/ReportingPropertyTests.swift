import PropertyBased
import Testing

@testable import TTDNKit

@Suite("Reporting properties")
struct ReportingPropertyTests {
    static let tiling: [ReportingFrequency] = [.monthly, .quarterly, .halfYearly, .yearly]

    @Test("Windows of consecutive periods tile the years: no gap, no overlap, across the year boundary")
    func windowsTile() async {
        await propertyCheck(count: 200, input: Gen.int(in: 1950...2100), Gen.int(in: 0...3), Gen.bool) {
            year, f, nd09 in
            let regime = ReportingRegime(name: "t", frequency: Self.tiling[f], window: nd09 ? .nd09 : .calendar)
            let periods =
                PeriodEngine.periods(for: regime, year: year) + PeriodEngine.periods(for: regime, year: year + 1)
            for (a, b) in zip(periods, periods.dropFirst()) {
                #expect(a.window.end.addingDays(1) == b.window.start, "\(a.key) → \(b.key)")
                #expect(a.window.start <= a.window.end)
            }
            let days = periods.prefix(periods.count / 2).reduce(0) { $0 + $1.window.dayCount }
            #expect(
                days == LocalDate(year: year, month: 12, day: 31)!.julianDayNumber
                    - LocalDate(year: year - 1, month: 12, day: 31)!.julianDayNumber)
        }
    }

    @Test("Solar → lunar → solar round-trips for every day of 1950–2100")
    func solarLunarRoundTrip() {
        let calendar = LunarCalendar.vietnam
        var day = d("1950-01-01")
        let end = d("2100-12-31")
        var failures = 0
        while day <= end {
            let lunar = calendar.lunar(day)
            if calendar.solar(lunarDay: lunar.day, month: lunar.month, year: lunar.year, leap: lunar.isLeapMonth) != day
            {
                failures += 1
                if failures < 5 { Issue.record("\(day.iso) → \(lunar) does not come back") }
            }
            day = day.addingDays(1)
        }
        #expect(failures == 0)
    }

    @Test("Lunar → solar → lunar round-trips for random lunar dates; Tết is always 21 Jan – 20 Feb")
    func lunarSolarRoundTrip() async {
        let calendar = LunarCalendar.vietnam
        await propertyCheck(count: 300, input: Gen.int(in: 1950...2100), Gen.int(in: 1...12), Gen.int(in: 1...30)) {
            year, month, day in
            if let solar = calendar.solar(lunarDay: day, month: month, year: year) {
                #expect(calendar.lunar(solar) == LunarDate(day: day, month: month, year: year))
            } else {
                #expect(day == 30)
            }
            let tet = calendar.tet(year: year)
            #expect(
                tet >= LocalDate(year: year, month: 1, day: 21)! && tet <= LocalDate(year: year, month: 2, day: 20)!)
        }
    }

    @Test("addingWorkingDays(n) lands on a working day with exactly n working days walked")
    func addingWorkingDays() async {
        let calendar = HolidayCalendar.vietnam
        await propertyCheck(
            count: 200, input: Gen.int(in: d("2000-01-01").julianDayNumber...d("2060-12-31").julianDayNumber),
            Gen.int(in: 1...40)
        ) { jdn, n in
            let start = LocalDate(julianDayNumber: jdn)
            let end = calendar.addingWorkingDays(n, to: start)
            #expect(calendar.isWorkingDay(end))
            #expect(calendar.workingDays(after: start, through: end) == n)
            #expect(calendar.addingWorkingDays(-n, to: end) <= start)
        }
    }

    @Test("Every due date leaves a working day after the cut-off, or says why not")
    func article85() async {
        await propertyCheck(
            count: 200, input: Gen.int(in: 2000...2060), Gen.int(in: 0...3), Gen.int(in: 1...31), Gen.bool
        ) { year, f, n, byDay in
            let due = byDay ? DueRule.byDayOfLastMonth(n) : DueRule.beforeDayOfLastMonth(n)
            let regime = ReportingRegime(name: "t", frequency: Self.tiling[f], window: .nd09, due: due)
            for period in PeriodEngine.periods(for: regime, year: year) {
                guard let date = period.due else {
                    Issue.record("no due date")
                    continue
                }
                let gap = HolidayCalendar.vietnam.workingDays(after: period.window.end, through: date)
                #expect(
                    gap >= 1 || period.notes.contains { $0.kind == .dueBeforeCutOff }, "\(period.key) due \(date.iso)")
                #expect(HolidayCalendar.vietnam.isWorkingDay(date))
            }
        }
    }

    @Test("JDN arithmetic agrees with Foundation's calendar")
    func julianDays() async {
        await propertyCheck(
            count: 300, input: Gen.int(in: d("1900-01-01").julianDayNumber...d("2199-12-31").julianDayNumber)
        ) { jdn in
            let date = LocalDate(julianDayNumber: jdn)
            #expect(date.julianDayNumber == jdn)
            #expect(date.weekdayNumber == date.isoWeekday)
            #expect(date.addingDays(45) == date.adding(days: 45))
        }
    }
}
