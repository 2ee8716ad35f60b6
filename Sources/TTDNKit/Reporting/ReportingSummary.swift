/// Counts and rates over dashboard cells (one agency, one period), per agency, per period and overall.
///
/// - *expected*: cells whose due date has come (so the rate of a year in progress is not diluted by periods
///   nobody could have reported yet), plus any cell already submitted early;
/// - *submitted*: cells with a submission (returned and accepted ones included: they were sent);
/// - *on time*: cells whose first submission was on or before the due day.
public struct ReportingTally: Sendable, Equatable {
    public var expected = 0
    public var submitted = 0
    public var onTime = 0

    public init(expected: Int = 0, submitted: Int = 0, onTime: Int = 0) {
        self.expected = expected
        self.submitted = submitted
        self.onTime = onTime
    }

    /// Share of expected reports submitted, 0…1; nil when nothing is expected yet.
    public var submittedRate: Double? { expected == 0 ? nil : Double(submitted) / Double(expected) }
    public var onTimeRate: Double? { expected == 0 ? nil : Double(onTime) / Double(expected) }

    public mutating func add(_ cell: ReportingCell) {
        guard cell.isExpected else { return }
        expected += 1
        if cell.isSubmitted { submitted += 1 }
        if cell.onTime == true { onTime += 1 }
    }

    /// "83%" style percentage, rounded; "—" when nothing is expected.
    public static func percent(_ rate: Double?) -> String {
        guard let rate else { return "—" }
        return "\(Int((rate * 100).rounded()))%"
    }
}

/// One cell of the dashboard.
public struct ReportingCell: Sendable, Equatable {
    public var status: ReportStatus
    /// `ReportStanding.onTime` (every sending judged): nil when never submitted.
    public var onTime: Bool?

    public init(status: ReportStatus, onTime: Bool?) {
        self.status = status
        self.onTime = onTime
    }

    public var isSubmitted: Bool { onTime != nil }
    public var isExpected: Bool { isSubmitted || !(status == .notYetDue || status == .open) }
}

/// The tallies of an agencies × periods grid.
public struct ReportingSummary: Sendable, Equatable {
    public var byAgency: [Int: ReportingTally]
    public var byPeriod: [Int: ReportingTally]
    public var overall: ReportingTally

    /// `cells[a][p]` is agency `a`'s cell in period `p`, nil where the agency owes nothing for it.
    public init(cells: [[ReportingCell?]]) {
        var byAgency: [Int: ReportingTally] = [:]
        var byPeriod: [Int: ReportingTally] = [:]
        var overall = ReportingTally()
        for (a, row) in cells.enumerated() {
            for (p, cell) in row.enumerated() {
                guard let cell else { continue }
                byAgency[a, default: ReportingTally()].add(cell)
                byPeriod[p, default: ReportingTally()].add(cell)
                overall.add(cell)
            }
        }
        self.byAgency = byAgency
        self.byPeriod = byPeriod
        self.overall = overall
    }
}
