// Day arithmetic on `LocalDate` through Julian day numbers.
//
// Why not `LocalDate.adding(days:)`? That goes through Foundation's `Calendar`, which is correct but slow
// when the period engine and the lunar calendar walk tens of thousands of days (the round-trip tests cover
// every day from 1950 to 2100). A Julian day number (JDN) is a plain integer count of days, so adding days,
// counting days between two dates and finding the weekday are integer operations.

extension LocalDate {
    /// The Julian day number of this day (the JDN of the noon that falls on it): 2000-01-01 is 2451545.
    /// Proleptic Gregorian calendar: the lunar algorithm only needs 1900–2199, where that is the civil calendar.
    public var julianDayNumber: Int {
        // Count years from March of year -4800, so the leap day is the last day of the counted "year"
        // and the month lengths follow the 153-day five-month cycle.
        let a = (14 - month) / 12
        let y = year + 4800 - a
        let m = month + 12 * a - 3
        return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
    }

    /// The civil day with Julian day number `jdn` (inverse of `julianDayNumber`).
    public init(julianDayNumber jdn: Int) {
        let a = jdn + 32044
        let b = (4 * a + 3) / 146097
        let c = a - 146097 * b / 4
        let d = (4 * c + 3) / 1461
        let e = c - 1461 * d / 4
        let m = (5 * e + 2) / 153
        let day = e - (153 * m + 2) / 5 + 1
        let month = m + 3 - 12 * (m / 10)
        let year = 100 * b + d - 4800 + m / 10
        self = LocalDate(year: year, month: month, day: day)!
    }

    /// This day moved by `days` (negative: earlier). Integer arithmetic, no Foundation calendar.
    public func addingDays(_ days: Int) -> LocalDate {
        LocalDate(julianDayNumber: julianDayNumber + days)
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: LocalDate) -> Int {
        other.julianDayNumber - julianDayNumber
    }

    /// 1 = Monday … 7 = Sunday, like `isoWeekday`, from the JDN (JDN 0 was a Monday).
    public var weekdayNumber: Int {
        julianDayNumber % 7 + 1
    }

    /// Saturday or Sunday.
    public var isWeekend: Bool { weekdayNumber >= 6 }

    /// The last day of this day's month.
    public var lastDayOfMonth: LocalDate {
        LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))!
    }

    /// Day `day` of `month`/`year`, clamped to the month's last day (day 31 of June is 30 June).
    static func clamped(year: Int, month: Int, day: Int) -> LocalDate {
        LocalDate(year: year, month: month, day: min(max(day, 1), LocalDate.daysIn(month: month, year: year)))!
    }

    /// The first day of the month `months` after this day's month (negative: before).
    static func firstOfMonth(year: Int, month: Int, offset months: Int) -> LocalDate {
        let index = year * 12 + (month - 1) + months
        return LocalDate(year: index / 12, month: index % 12 + 1, day: 1)!
    }
}
