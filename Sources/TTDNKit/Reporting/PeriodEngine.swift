/// Lists a regime's periods for a year with their data windows and dates.
///
/// The due date is worked out in three steps, each visible in the period's `notes`:
///
/// 1. the rule's own date (`DueRule`: "before day 20" → the 19th);
/// 2. if that is a day off and the regime says `nextWorkingDay` (the default, Bộ luật Dân sự Art. 148.5),
///    the next working day;
/// 3. Nghị định 09 Art. 8.5, at least one working day after the cut-off: if no working day lies after the
///    cut-off up to the due date, then with `cutOffGap: postpone` (the default) a due date on or after the
///    cut-off moves to the first working day after it, and a due date *before* the cut-off (the report is
///    due before its data window closes, e.g. "before 15/11" with a year window ending 14/12) is kept and
///    flagged `dueBeforeCutOff` — moving it a month would misstate the plan, so the admin must choose a
///    window or a date; with `cutOffGap: flag` nothing moves and every breach is flagged.
///
/// The lock date and reminders count from the final due date.
public enum PeriodEngine {
    /// The periods of `regime` whose key year is `year` (the ND 09 window of "2026-01" starts on
    /// 15 Dec 2025). Empty for ad-hoc and special-topic regimes: see `requestedPeriod`.
    public static func periods(for regime: ReportingRegime, year: Int, holidays: HolidayCalendar = .vietnam)
        -> [ReportingPeriod]
    {
        // Due dates skip days off, which are known only for the lunar calendar's years.
        guard LunarCalendar.supportedYears.contains(year) else { return [] }
        var days = WorkingDays(calendar: holidays)
        return regime.frequency.periodsOfYear.map { slot in
            let window = regime.window.window(year: year, firstMonth: slot.firstMonth, lastMonth: slot.lastMonth)
            let nominal = regime.due.nominalDueDate(
                year: year, lastMonth: slot.lastMonth, cutOff: window.end, calendar: &days)
            return makePeriod(
                regime: regime, key: key(regime.frequency, year: year, index: slot.index),
                label: label(regime.frequency, year: year, index: slot.index), year: year,
                index: slot.index, window: window, nominalDue: nominal, days: &days)
        }
    }

    /// An ad-hoc or special-topic report asked for with `due` as its deadline, covering `window`. The
    /// requester's date is taken as given (no shifting): the requester saw the calendar. Lock and
    /// reminders follow the regime.
    public static func requestedPeriod(
        for regime: ReportingRegime, key: String, label: String, window: DataWindow,
        due: LocalDate, holidays: HolidayCalendar = .vietnam
    ) -> ReportingPeriod {
        var keep = regime
        keep.nonWorkingDueDate = .keep
        keep.cutOffGap = .flag
        var days = WorkingDays(calendar: holidays)
        return makePeriod(
            regime: keep, key: key, label: label, year: due.year, index: 1, window: window,
            nominalDue: due, days: &days)
    }

    /// The final due date and its notes for a rule's date, per the three steps above.
    static func resolveDue(
        _ nominal: LocalDate, cutOff: LocalDate, regime: ReportingRegime,
        days: inout WorkingDays
    ) -> (LocalDate, [PeriodNote]) {
        var due = nominal
        var notes: [PeriodNote] = []
        if regime.nonWorkingDueDate == .nextWorkingDay && !days.isWorkingDay(due) {
            let moved = days.onOrAfter(due)
            notes.append(PeriodNote(kind: .movedOffDayOff, date: due))
            due = moved
        }
        if days.count(after: cutOff, through: due) == 0 {
            if due < cutOff {
                notes.append(PeriodNote(kind: .dueBeforeCutOff, date: due))
            } else if regime.cutOffGap == .postpone {
                notes.append(PeriodNote(kind: .postponedForCutOff, date: due))
                due = days.adding(1, to: cutOff)
            } else {
                notes.append(PeriodNote(kind: .noWorkingDayAfterCutOff, date: due))
            }
        }
        return (due, notes)
    }

    private static func makePeriod(
        regime: ReportingRegime, key: String, label: String, year: Int, index: Int,
        window: DataWindow, nominalDue: LocalDate?, days: inout WorkingDays
    ) -> ReportingPeriod {
        var due: LocalDate?
        var notes: [PeriodNote] = []
        if let nominalDue {
            (due, notes) = resolveDue(nominalDue, cutOff: window.end, regime: regime, days: &days)
        }
        let afterCutOff = window.end.addingDays(1)
        return ReportingPeriod(
            key: key, label: label, frequency: regime.frequency, year: year, index: index, window: window,
            opensOn: due.map { min($0, afterCutOff) } ?? afterCutOff,
            due: due, lock: due.flatMap { regime.lock.lockDate(due: $0) },
            reminders: due.map { regime.reminders.dates(due: $0) } ?? [], notes: notes)
    }

    // MARK: Keys and labels

    static func key(_ frequency: ReportingFrequency, year: Int, index: Int) -> String {
        switch frequency {
        case .monthly: return "\(year)-\(index < 10 ? "0" : "")\(index)"
        case .quarterly: return "\(year)-Q\(index)"
        case .halfYearly: return "\(year)-H\(index)"
        case .nineMonth: return "\(year)-9M"
        case .yearly, .adHoc, .specialTopic: return "\(year)"
        }
    }

    static func label(_ frequency: ReportingFrequency, year: Int, index: Int) -> String {
        switch frequency {
        case .monthly: return "Tháng \(index)/\(year)"
        case .quarterly: return "Quý \(["I", "II", "III", "IV"][index - 1])/\(year)"
        case .halfYearly: return index == 1 ? "6 tháng đầu năm \(year)" : "6 tháng cuối năm \(year)"
        case .nineMonth: return "9 tháng năm \(year)"
        case .yearly, .adHoc, .specialTopic: return "Năm \(year)"
        }
    }
}
