/// One period of a regime, with its three dates kept apart (rules.md §2): the due date decides on time or
/// late, the lock date closes the form, the reminder dates drive the chasing.
public struct ReportingPeriod: Codable, Sendable, Equatable {
    /// Stable, sortable key: `2026-05`, `2026-Q2`, `2026-H1`, `2026-9M`, `2026`.
    public var key: String
    /// Vietnamese label: "Tháng 5/2026", "Quý II/2026", "6 tháng đầu năm 2026", "9 tháng năm 2026", "Năm 2026".
    public var label: String
    public var frequency: ReportingFrequency
    public var year: Int
    /// 1-based index within the year (month number, quarter, half); 1 for nine-month and yearly.
    public var index: Int
    public var window: DataWindow
    /// The first day the report is expected to be worked on: the day after the cut-off, or the due date if
    /// that is earlier. Before it the dashboard shows "not yet due".
    public var opensOn: LocalDate
    /// The last on-time day; nil only when the requester sets it and has not.
    public var due: LocalDate?
    /// The last day the form is open; nil when it never locks.
    public var lock: LocalDate?
    public var reminders: [LocalDate]
    /// How the due date was arrived at when it is not the rule's plain date, and rule breaches to show.
    public var notes: [PeriodNote]

    enum CodingKeys: String, CodingKey {
        case key, label, frequency, year, index, window
        case opensOn = "opens_on"
        case due, lock, reminders, notes
    }
}

/// Something about a period's due date an admin should see.
public struct PeriodNote: Codable, Sendable, Equatable, Hashable {
    public enum Kind: String, Codable, Sendable {
        /// The rule's date was a day off; moved to the next working day (Bộ luật Dân sự Art. 148.5).
        case movedOffDayOff = "moved-off-day-off"
        /// The date left no working day after the cut-off; moved to the first one (Nghị định 09 Art. 8.5).
        case postponedForCutOff = "postponed-for-cut-off"
        /// Breach, kept as is (`cutOffGap: flag`): no working day between the cut-off and the due date.
        case noWorkingDayAfterCutOff = "no-working-day-after-cut-off"
        /// Breach, kept as is: the report is due before its own data window ends.
        case dueBeforeCutOff = "due-before-cut-off"
    }

    public var kind: Kind
    /// The date before the move (for the two "moved" kinds), or the due date the breach is about.
    public var date: LocalDate

    public init(kind: Kind, date: LocalDate) {
        self.kind = kind
        self.date = date
    }

    /// Breaches (rather than explanations of a move).
    public var isWarning: Bool { kind == .noWorkingDayAfterCutOff || kind == .dueBeforeCutOff }

    /// One English line for the command-line table.
    public var message: String {
        switch kind {
        case .movedOffDayOff: return "\(date.iso) is a day off: moved to the next working day (Civil Code Art. 148.5)"
        case .postponedForCutOff: return "\(date.iso) left no working day after the cut-off: postponed (ND 09 Art. 8.5)"
        case .noWorkingDayAfterCutOff: return "no working day between the cut-off and the due date (ND 09 Art. 8.5)"
        case .dueBeforeCutOff: return "due \(date.iso), before the data window ends (ND 09 Art. 8.5)"
        }
    }
}
