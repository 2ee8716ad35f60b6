/// Whether a task is scheduled in a reporting period, by its timeframe: a report form lists first the
/// tasks the period is about, and keeps the others (`Quý III` on the first quarter's form) aside.
///
/// Lenient on purpose: a task counts when its stated time touches the period's data window at all, so a
/// quarter-II task shows on the half-year and year reports, and on the quarter-III report whose data window
/// (Nghị định 09/2019: from the 15th of the quarter's last month) still reaches into June. What cannot be
/// placed on the calendar (no timeframe, ongoing, recurring, "theo kế hoạch của tỉnh") is always scheduled.
public enum TaskSchedule {
    /// `from` and `through` are the period's data window, both days included.
    public static func isScheduled(
        _ timeframe: Timeframe?, planYear: Int?, from: LocalDate, through: LocalDate
    ) -> Bool {
        guard let timeframe else { return true }
        switch timeframe.kind {
        case .ongoing, .recurring, .external:
            return true
        case .year:
            guard let year = timeframe.year ?? planYear else { return true }
            return from.year <= year && year <= through.year
        case .quarters:
            let quarters = (timeframe.quarters ?? []).filter { (1...4).contains($0) }
            guard !quarters.isEmpty else { return true }
            let years = (timeframe.year ?? planYear).map { [$0] } ?? Array(from.year...through.year)
            return years.contains { year in
                quarters.contains { quarter in
                    let start = LocalDate(year: year, month: quarter * 3 - 2, day: 1)!
                    let end = Milestones.quarterEnd(quarter, year)
                    return start <= through && from <= end
                }
            }
        }
    }
}
