/// Working-day arithmetic over a `HolidayCalendar`, remembering each year's days off while it walks.
///
/// Why a separate, mutable helper: a year's days off need lunar computations (Tết, Giỗ Tổ), and a walk
/// across a Tết of 9 days off asks for the same year many times. A value with a cache keeps
/// `HolidayCalendar` a plain `Sendable` value while the period engine stays fast.
///
/// A calendar with no working day at all (an empty `workingWeekdays` and no make-up days) would make the
/// walks endless; they stop after `limit` days and return where they are.
struct WorkingDays {
    static let limit = 3700

    let calendar: HolidayCalendar
    private var offDays: [Int: Set<LocalDate>] = [:]
    private let overrides: [LocalDate: HolidayCalendar.Adjustment.Kind]

    init(calendar: HolidayCalendar) {
        self.calendar = calendar
        // The last adjustment entered for a date wins.
        var overrides: [LocalDate: HolidayCalendar.Adjustment.Kind] = [:]
        for adjustment in calendar.adjustments { overrides[adjustment.date] = adjustment.kind }
        self.overrides = overrides
    }

    mutating func isWorkingDay(_ date: LocalDate) -> Bool {
        if let kind = overrides[date] { return kind == .workingDay }
        if !calendar.rules.workingWeekdays.contains(date.weekdayNumber) { return false }
        return !daysOff(in: date.year).contains(date)
    }

    mutating func adding(_ count: Int, to date: LocalDate) -> LocalDate {
        var day = date
        var remaining = abs(count)
        let step = count < 0 ? -1 : 1
        var walked = 0
        while remaining > 0 && walked < WorkingDays.limit * max(1, abs(count)) {
            day = day.addingDays(step)
            walked += 1
            if isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }

    mutating func onOrAfter(_ date: LocalDate) -> LocalDate {
        var day = date
        var walked = 0
        while !isWorkingDay(day) && walked < WorkingDays.limit {
            day = day.addingDays(1)
            walked += 1
        }
        return day
    }

    mutating func count(after start: LocalDate, through end: LocalDate) -> Int {
        var total = 0
        var day = start.addingDays(1)
        while day <= end {
            if isWorkingDay(day) { total += 1 }
            day = day.addingDays(1)
        }
        return total
    }

    private mutating func daysOff(in year: Int) -> Set<LocalDate> {
        if let cached = offDays[year] { return cached }
        let days = Set(calendar.generatedDaysOff(in: year).map(\.date))
        offDays[year] = days
        return days
    }
}
