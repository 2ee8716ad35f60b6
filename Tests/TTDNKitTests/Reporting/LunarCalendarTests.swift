import Testing

@testable import TTDNKit

@Suite("Vietnamese lunar calendar")
struct LunarCalendarTests {
    let calendar = LunarCalendar.vietnam

    /// Tết as published (lịch vạn niên, Ban Thời gian Việt Nam / Hồ Ngọc Đức's tables).
    static let tet: [(Int, String)] = [
        (1968, "1968-01-29"), (1984, "1984-02-02"), (1985, "1985-01-21"), (1990, "1990-01-27"),
        (2000, "2000-02-05"), (2007, "2007-02-17"), (2010, "2010-02-14"), (2015, "2015-02-19"),
        (2016, "2016-02-08"), (2017, "2017-01-28"), (2018, "2018-02-16"), (2019, "2019-02-05"),
        (2020, "2020-01-25"), (2021, "2021-02-12"), (2022, "2022-02-01"), (2023, "2023-01-22"),
        (2024, "2024-02-10"), (2025, "2025-01-29"), (2026, "2026-02-17"), (2027, "2027-02-06"),
        (2028, "2028-01-26"), (2029, "2029-02-13"), (2030, "2030-02-02"), (2031, "2031-01-23"),
    ]

    @Test("Tết matches the published dates", arguments: tet)
    func tetDates(year: Int, expected: String) {
        #expect(calendar.tet(year: year).iso == expected)
    }

    @Test("Tết 1985 and 2007: Vietnam (UTC+7) differs from China (UTC+8)")
    func vietnamDiffersFromChina() {
        let china = LunarCalendar(zone: 8)
        #expect(calendar.tet(year: 1985).iso == "1985-01-21")
        #expect(china.tet(year: 1985).iso == "1985-02-20")
        #expect(calendar.tet(year: 2007).iso == "2007-02-17")
        #expect(china.tet(year: 2007).iso == "2007-02-18")
        // 2030: the new moon is at 16:07 UT on 2 February, 23:07 in Hà Nội but 00:07 on the 3rd in Beijing.
        // Lists that give 3 February 2030 for Tết copy the Chinese date.
        #expect(calendar.tet(year: 2030).iso == "2030-02-02")
        #expect(china.tet(year: 2030).iso == "2030-02-03")
    }

    @Test(
        "Giỗ Tổ Hùng Vương, 10/3 lunar",
        arguments: [
            (2022, "2022-04-10"), (2023, "2023-04-29"), (2024, "2024-04-18"), (2025, "2025-04-07"),
            (2026, "2026-04-26"),
        ])
    func gioTo(year: Int, expected: String) {
        #expect(calendar.solar(lunarDay: 10, month: 3, year: year)?.iso == expected)
    }

    @Test("Leap months: 2020 (4), 2023 (2), 2025 (6), none in 2024")
    func leapMonths() {
        #expect(calendar.leapMonth(year: 2020) == 4)
        #expect(calendar.leapMonth(year: 2023) == 2)
        #expect(calendar.leapMonth(year: 2025) == 6)
        #expect(calendar.leapMonth(year: 2024) == nil)
        #expect(calendar.solar(lunarDay: 1, month: 4, year: 2020, leap: true)?.iso == "2020-05-23")
        #expect(calendar.solar(lunarDay: 1, month: 2, year: 2023, leap: true)?.iso == "2023-03-22")
        #expect(calendar.solar(lunarDay: 1, month: 6, year: 2025, leap: true)?.iso == "2025-07-25")
        #expect(calendar.solar(lunarDay: 1, month: 5, year: 2025, leap: true) == nil)
        #expect(
            calendar.lunar(LocalDate(iso: "2023-04-01")!) == LunarDate(day: 11, month: 2, year: 2023, isLeapMonth: true)
        )
    }

    @Test("Days before Tết belong to month 12 of the previous lunar year")
    func lastDayOfYear() {
        let eve = LocalDate(iso: "2026-02-16")!
        let lunar = calendar.lunar(eve)
        #expect(lunar.month == 12 && lunar.year == 2025 && !lunar.isLeapMonth)
        #expect(calendar.length(month: 12, year: 2025) == lunar.day)
    }

    @Test("Day 30 of a 29-day month does not exist")
    func invalidDay() {
        // 12th month of Ất Tỵ (2025) has 29 days: Tết 2026 is the day after its 29th.
        #expect(calendar.length(month: 12, year: 2025) == 29)
        #expect(calendar.solar(lunarDay: 30, month: 12, year: 2025) == nil)
        #expect(calendar.solar(lunarDay: 1, month: 13, year: 2025) == nil)
    }
}
