/// How a period's data window (kỳ chốt số liệu) is cut.
public enum DataWindowRule: String, Codable, Sendable, CaseIterable {
    /// Nghị định 09/2019, Art. 12: from the 15th of the month before the period's first month to the 14th
    /// of its last month (month: 15/4 → 14/5; Q2: 15/3 → 14/6; year: 15/12 of the year before → 14/12).
    /// The default for administrative reports.
    case nd09
    /// Calendar periods, as statistical reports under Luật Thống kê use: day 1 of the first month to the
    /// last day of the last month.
    case calendar

    /// The window of the period made of calendar months `firstMonth…lastMonth` of `year`.
    func window(year: Int, firstMonth: Int, lastMonth: Int) -> DataWindow {
        switch self {
        case .nd09:
            let before = LocalDate.firstOfMonth(year: year, month: firstMonth, offset: -1)
            return DataWindow(
                start: LocalDate(year: before.year, month: before.month, day: 15)!,
                end: LocalDate(year: year, month: lastMonth, day: 14)!)
        case .calendar:
            return DataWindow(
                start: LocalDate(year: year, month: firstMonth, day: 1)!,
                end: LocalDate(year: year, month: lastMonth, day: 1)!.lastDayOfMonth)
        }
    }
}

/// The days whose data a report covers, both ends included. `end` is the cut-off (ngày chốt số liệu).
public struct DataWindow: Codable, Sendable, Equatable, Hashable {
    public var start: LocalDate
    public var end: LocalDate

    public init(start: LocalDate, end: LocalDate) {
        self.start = start
        self.end = end
    }

    public func contains(_ date: LocalDate) -> Bool { start <= date && date <= end }

    /// Number of days in the window.
    public var dayCount: Int { start.days(until: end) + 1 }
}
