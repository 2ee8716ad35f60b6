/// A day of the Vietnamese lunar calendar (âm lịch): day 1–30 of month 1–12 of a lunar year, possibly in
/// the leap (nhuận) copy of a month. `year` is the Gregorian year in which the lunar year starts (Tết).
public struct LunarDate: Hashable, Sendable, Codable, CustomStringConvertible {
    public var day: Int
    public var month: Int
    public var year: Int
    public var isLeapMonth: Bool

    public init(day: Int, month: Int, year: Int, isLeapMonth: Bool = false) {
        self.day = day
        self.month = month
        self.year = year
        self.isLeapMonth = isLeapMonth
    }

    /// `10/3/2024 ÂL`, `1/4n/2020 ÂL` for a leap month.
    public var description: String { "\(day)/\(month)\(isLeapMonth ? "n" : "")/\(year) ÂL" }
}

/// The Vietnamese lunisolar calendar, computed from astronomy rather than tables:
///
/// - a month starts on the local day of a new moon;
/// - the month containing the winter solstice is month 11;
/// - a lunar year (from one month 11 to the next) with 13 months gets a leap month: the first month after
///   month 11 in which the sun enters no new 30° sector (no major solar term), which repeats the number of
///   the month before it.
///
/// Those are the rules of the Chinese calendar too; what makes the calendar Vietnamese is the time zone in
/// which the new moon and the solstice are dated: UTC+7 since 1968 (Hà Nội), where China uses UTC+8. A new moon
/// between 16:00 and 17:00 UT falls on different days in the two, which is why Tết 1985 was 21 January in
/// Vietnam and 20 February in China, and Tết 2007 17 February against 18 February.
///
/// The algorithm is the one Hồ Ngọc Đức published for the Vietnamese calendar; the astronomy is in
/// `LunarAstronomy`. Valid for 1900–2199 (the polynomial fits degrade outside).
public struct LunarCalendar: Sendable, Equatable {
    /// Hours east of UT in which days are counted: 7 for Vietnam.
    public var zone: Double

    public init(zone: Double = 7) {
        self.zone = zone
    }

    /// The Vietnamese calendar (UTC+7).
    public static let vietnam = LunarCalendar()

    /// The years the algorithm is trusted for.
    public static let supportedYears = 1900...2199

    // MARK: Public conversions

    /// Tết Nguyên đán: the Gregorian date of 1/1 of the lunar year that starts in Gregorian `year`.
    public func tet(year: Int) -> LocalDate {
        solar(lunarDay: 1, month: 1, year: year)!
    }

    /// The Gregorian date of a lunar date, or nil if it does not exist (a leap month the year does not have,
    /// day 30 of a 29-day month, a month outside 1–12).
    public func solar(lunarDay day: Int, month: Int, year: Int, leap: Bool = false) -> LocalDate? {
        guard (1...12).contains(month), (1...30).contains(day) else { return nil }
        guard let start = monthStart(month: month, year: year, leap: leap) else { return nil }
        // The month ends the day before the next new moon: check the day exists.
        var k = LunarAstronomy.lunation(near: start)
        while LunarAstronomy.newMoonDay(k, zone: zone) <= start { k += 1 }
        let next = LunarAstronomy.newMoonDay(k, zone: zone)
        guard start + day - 1 < next else { return nil }
        return LocalDate(julianDayNumber: start + day - 1)
    }

    /// The lunar date of a Gregorian day.
    public func lunar(_ date: LocalDate) -> LunarDate {
        let jdn = date.julianDayNumber
        // The month this day is in starts on the last new-moon day at or before it.
        // The mean-lunation estimate can be one off either way (the true new moon drifts up to ~14 hours
        // from the mean one), so step until newMoonDay(k) ≤ jdn < newMoonDay(k + 1). Hồ Ngọc Đức's version
        // tries only k + 1 and k, which gives "day 0" on 2054-05-07 and 2062-04-09.
        var k = LunarAstronomy.lunation(near: jdn) + 1
        while LunarAstronomy.newMoonDay(k, zone: zone) > jdn { k -= 1 }
        while LunarAstronomy.newMoonDay(k + 1, zone: zone) <= jdn { k += 1 }
        let monthStart = LunarAstronomy.newMoonDay(k, zone: zone)
        // Bracket the day between two month-11 starts: a11 (the earlier) and b11 (the later).
        var a11 = month11Start(gregorianYear: date.year)
        var b11 = a11
        var lunarYear: Int
        if a11 >= monthStart {
            lunarYear = date.year
            a11 = month11Start(gregorianYear: date.year - 1)
        } else {
            lunarYear = date.year + 1
            b11 = month11Start(gregorianYear: date.year + 1)
        }
        let day = jdn - monthStart + 1
        // Months since month 11 (29 never overshoots: 30 months would need 870+ days).
        let diff = (monthStart - a11) / 29
        var month = diff + 11
        var isLeap = false
        if b11 - a11 > 365 {  // 13 months between the two solstice months: one of them is the leap month
            let leapOffset = leapMonthOffset(after: a11)
            if diff >= leapOffset {
                month = diff + 10
                isLeap = diff == leapOffset
            }
        }
        if month > 12 { month -= 12 }
        // Months 11 and 12 before Tết belong to the previous lunar year.
        if month >= 11 && diff < 4 { lunarYear -= 1 }
        return LunarDate(day: day, month: month, year: lunarYear, isLeapMonth: isLeap)
    }

    /// The leap month of the lunar year starting in Gregorian `year` (its number: the leap month repeats
    /// month n), or nil for a 12-month year.
    public func leapMonth(year: Int) -> Int? {
        // The leap month can fall after Tết of `year` and before Tết of `year + 1` (including months 11–12).
        let a11 = month11Start(gregorianYear: year - 1)
        let b11 = month11Start(gregorianYear: year)
        let c11 = month11Start(gregorianYear: year + 1)
        if b11 - a11 > 365 {
            let offset = leapMonthOffset(after: a11)
            let number = offset + 10 > 12 ? offset - 2 : offset + 10
            // Offsets 1–2 name leap months 11–12 of the *previous* lunar year.
            if offset >= 3 { return number }
        }
        if c11 - b11 > 365 {
            let offset = leapMonthOffset(after: b11)
            if offset <= 2 { return offset + 10 }
        }
        return nil
    }

    /// The number of days (29 or 30) in a lunar month, nil if the month does not exist.
    public func length(month: Int, year: Int, leap: Bool = false) -> Int? {
        solar(lunarDay: 30, month: month, year: year, leap: leap) != nil
            ? 30
            : solar(lunarDay: 1, month: month, year: year, leap: leap) != nil ? 29 : nil
    }

    // MARK: The rules

    /// The JDN of the first day of lunar month 11 that contains the winter solstice of Gregorian `year`
    /// (the solstice is around 21–22 December, and the month starts before it).
    func month11Start(gregorianYear year: Int) -> Int {
        let dec31 = LocalDate(year: year, month: 12, day: 31)!.julianDayNumber
        let k = LunarAstronomy.lunation(near: dec31)
        let newMoon = LunarAstronomy.newMoonDay(k, zone: zone)
        // If the sun is already past 270° (sector 9: the solstice has happened) when that month starts,
        // the solstice fell in the month before, and that one is month 11.
        if LunarAstronomy.sunSector(atStartOf: newMoon, zone: zone) >= 9 {
            return LunarAstronomy.newMoonDay(k - 1, zone: zone)
        }
        return newMoon
    }

    /// How many months after month 11 (starting at JDN `a11`) the leap month is, in a 13-month year: the
    /// first month whose start and the next month's start see the sun in the same sector, i.e. a month in
    /// which no major solar term begins.
    func leapMonthOffset(after a11: Int) -> Int {
        let k = Int(((Double(a11) - LunarAstronomy.newMoonEpoch) / LunarAstronomy.synodicMonth + 0.5).rounded(.down))
        var i = 1
        var sector = LunarAstronomy.sunSector(atStartOf: LunarAstronomy.newMoonDay(k + i, zone: zone), zone: zone)
        var last: Int
        repeat {
            last = sector
            i += 1
            sector = LunarAstronomy.sunSector(atStartOf: LunarAstronomy.newMoonDay(k + i, zone: zone), zone: zone)
        } while sector != last && i < 14
        return i - 1
    }

    /// The JDN of the first day of a lunar month, or nil if `leap` asks for a leap month the year lacks.
    func monthStart(month: Int, year: Int, leap: Bool) -> Int? {
        // Months 1–10 lie between the month 11 of the previous Gregorian year and that of this one;
        // months 11–12 of lunar year `year` lie after this year's month 11.
        let a11: Int
        let b11: Int
        if month < 11 {
            a11 = month11Start(gregorianYear: year - 1)
            b11 = month11Start(gregorianYear: year)
        } else {
            a11 = month11Start(gregorianYear: year)
            b11 = month11Start(gregorianYear: year + 1)
        }
        var offset = month - 11
        if offset < 0 { offset += 12 }
        if b11 - a11 > 365 {
            let leapOffset = leapMonthOffset(after: a11)
            var leapMonth = leapOffset - 2
            if leapMonth < 0 { leapMonth += 12 }
            if leap && month != leapMonth { return nil }
            if leap || offset >= leapOffset { offset += 1 }
        } else if leap {
            return nil
        }
        let k = Int((0.5 + (Double(a11) - LunarAstronomy.newMoonEpoch) / LunarAstronomy.synodicMonth).rounded(.down))
        return LunarAstronomy.newMoonDay(k + offset, zone: zone)
    }
}
