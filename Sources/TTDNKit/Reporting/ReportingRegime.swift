import Foundation

/// A reporting regime (chế độ báo cáo, Nghị định 09/2019 Art. 7–8): what report, how often, which data
/// window, when due, when the form locks, when to remind, who reports and who receives. The app stores it
/// as JSON; a plan's extracted reporting duties become regimes on import (`init(duty:name:)`), editable after.
public struct ReportingRegime: Codable, Sendable, Equatable {
    /// Who must report. The app turns this into agencies when it derives obligations, so a change to the
    /// plan or the directory changes who owes reports without editing the regime.
    public enum Reporters: Sendable, Equatable, Hashable {
        /// The lead agency (cơ quan chủ trì) of each task of the regime's plan.
        case planTaskLeads
        /// Every agency the plan names as lead or support.
        case planAgencies
        /// Agencies and agency groups picked by hand (directory ids).
        case chosen(agencies: [UUID], groups: [UUID])
    }

    /// Who receives the reports: directory ids once resolved, and the plan's wording ("Sở Thông tin và
    /// Truyền thông") until then.
    public struct Recipients: Codable, Sendable, Equatable, Hashable {
        public var agencies: [UUID]
        public var groups: [UUID]
        public var named: String?

        public init(agencies: [UUID] = [], groups: [UUID] = [], named: String? = nil) {
            self.agencies = agencies
            self.groups = groups
            self.named = named
        }
    }

    /// What to do when a due date falls on a day off.
    public enum NonWorkingDueDate: String, Codable, Sendable, CaseIterable {
        /// Move it to the next working day. Bộ luật Dân sự 2015 Art. 148.5: when the last day of a time limit
        /// is a weekend or holiday, the limit ends at the end of the next working day. The default.
        case nextWorkingDay = "next-working-day"
        /// Keep it (the report must go in before the day off).
        case keep
    }

    /// How the engine applies Nghị định 09 Art. 8.5 ("the sending deadline leaves at least one working day
    /// after the cut-off"). See `PeriodEngine`.
    public enum CutOffGap: String, Codable, Sendable, CaseIterable {
        /// A due date on or just after the cut-off, with no working day in between, moves to the first
        /// working day after the cut-off; one *inside* the data window is flagged, not moved. The default.
        case postpone
        /// Never move a date; flag every period that breaks the rule.
        case flag
    }

    public var name: String
    public var frequency: ReportingFrequency
    public var window: DataWindowRule
    public var due: DueRule
    public var lock: LockRule
    public var reminders: ReminderSchedule
    public var reporters: Reporters
    public var recipients: Recipients
    /// The plan the regime belongs to (for `planTaskLeads`, `planAgencies`), nil for a standalone regime.
    public var planID: UUID?
    public var nonWorkingDueDate: NonWorkingDueDate
    public var cutOffGap: CutOffGap
    /// Working days a returned report has to be sent again (its resubmission deadline, `ReportStanding`).
    public var resubmitWorkingDays: Int
    /// Where the office sends the report it compiles from the agencies' ones: its "Kính gửi" and, with
    /// "Lưu: VT", its "Nơi nhận" (`Ủy ban nhân dân tỉnh`, `Bộ Ngoại giao`). Empty: the app proposes the
    /// plan's issuing body, never the compiling office itself.
    public var consolidatedTo: [String]

    public static let defaultResubmitWorkingDays = 5

    public init(
        name: String,
        frequency: ReportingFrequency,
        window: DataWindowRule = .nd09,
        due: DueRule = .nd09Article13,
        lock: LockRule = .never,
        reminders: ReminderSchedule = .standard,
        reporters: Reporters = .planTaskLeads,
        recipients: Recipients = Recipients(),
        planID: UUID? = nil,
        nonWorkingDueDate: NonWorkingDueDate = .nextWorkingDay,
        cutOffGap: CutOffGap = .postpone,
        resubmitWorkingDays: Int = ReportingRegime.defaultResubmitWorkingDays,
        consolidatedTo: [String] = []
    ) {
        self.name = name
        self.frequency = frequency
        self.window = window
        self.due = due
        self.lock = lock
        self.reminders = reminders
        self.reporters = reporters
        self.recipients = recipients
        self.planID = planID
        self.nonWorkingDueDate = nonWorkingDueDate
        self.cutOffGap = cutOffGap
        self.resubmitWorkingDays = resubmitWorkingDays
        self.consolidatedTo = consolidatedTo
    }

    enum CodingKeys: String, CodingKey {
        case name, frequency, window, due, lock, reminders, reporters, recipients
        case planID = "plan_id"
        case nonWorkingDueDate = "non_working_due_date"
        case cutOffGap = "cut_off_gap"
        case resubmitWorkingDays = "resubmit_working_days"
        case consolidatedTo = "consolidated_to"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let frequency = try c.decode(ReportingFrequency.self, forKey: .frequency)
        self.init(
            name: try c.decodeIfPresent(String.self, forKey: .name) ?? "",
            frequency: frequency,
            window: try c.decodeIfPresent(DataWindowRule.self, forKey: .window) ?? .nd09,
            due: try c.decodeIfPresent(DueRule.self, forKey: .due)
                ?? (frequency.isPeriodic ? .nd09Article13 : .setByRequester),
            lock: try c.decodeIfPresent(LockRule.self, forKey: .lock) ?? .never,
            reminders: try c.decodeIfPresent(ReminderSchedule.self, forKey: .reminders) ?? .standard,
            reporters: try c.decodeIfPresent(Reporters.self, forKey: .reporters) ?? .planTaskLeads,
            recipients: try c.decodeIfPresent(Recipients.self, forKey: .recipients) ?? Recipients(),
            planID: try c.decodeIfPresent(UUID.self, forKey: .planID),
            nonWorkingDueDate: try c.decodeIfPresent(NonWorkingDueDate.self, forKey: .nonWorkingDueDate)
                ?? .nextWorkingDay,
            cutOffGap: try c.decodeIfPresent(CutOffGap.self, forKey: .cutOffGap) ?? .postpone,
            resubmitWorkingDays: try c.decodeIfPresent(Int.self, forKey: .resubmitWorkingDays)
                ?? ReportingRegime.defaultResubmitWorkingDays,
            consolidatedTo: try c.decodeIfPresent([String].self, forKey: .consolidatedTo) ?? [])
    }

    /// What makes a regime unusable or doubtful, as codes (the app words them; `ttdn periods` prints the code).
    public enum Problem: String, Sendable, Equatable, CaseIterable {
        /// Ad-hoc and special-topic reports are dated by their request: the due rule must be `requester`.
        case adHocNeedsRequester = "ad-hoc-needs-requester"
        /// A periodic regime needs a due rule; `requester` is for ad-hoc and special-topic reports.
        case periodicNeedsDueRule = "periodic-needs-due-rule"
        /// A fixed day and month gives every period the same date: for yearly or nine-month regimes only.
        case fixedDateForShortPeriods = "fixed-date-for-short-periods"
        /// Nghị định 09 Art. 8.5: at least one working day between the cut-off and the due date.
        case noWorkingDayAfterCutOff = "no-working-day-after-cut-off"
    }

    /// Problems that make the regime unusable or doubtful, for the admin screen and `ttdn periods`.
    /// Empty when the regime is sound. Per-period problems (Art. 8.5) are on each `ReportingPeriod`.
    public var problems: [Problem] {
        switch (frequency.isPeriodic, due) {
        case (false, .setByRequester): return []
        case (false, _): return [.adHocNeedsRequester]
        case (true, .setByRequester): return [.periodicNeedsDueRule]
        case (true, .beforeDate), (true, .byDate):
            return frequency != .yearly && frequency != .nineMonth ? [.fixedDateForShortPeriods] : []
        case (true, .workingDaysAfterCutOff(0)): return [.noWorkingDayAfterCutOff]
        default: return []
        }
    }
}

extension ReportingRegime.Reporters: Codable {
    enum CodingKeys: String, CodingKey { case kind, agencies, groups }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .kind) {
        case "plan-task-leads": self = .planTaskLeads
        case "plan-agencies": self = .planAgencies
        case "chosen":
            self = .chosen(
                agencies: try c.decodeIfPresent([UUID].self, forKey: .agencies) ?? [],
                groups: try c.decodeIfPresent([UUID].self, forKey: .groups) ?? [])
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: c, debugDescription: "unknown reporters: \(other)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .planTaskLeads: try c.encode("plan-task-leads", forKey: .kind)
        case .planAgencies: try c.encode("plan-agencies", forKey: .kind)
        case .chosen(let agencies, let groups):
            try c.encode("chosen", forKey: .kind)
            try c.encode(agencies, forKey: .agencies)
            try c.encode(groups, forKey: .groups)
        }
    }
}
