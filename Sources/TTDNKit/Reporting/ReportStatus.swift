import Foundation

/// What one dashboard cell (one agency, one period of one regime) shows (rules.md §2, issue 5).
public enum ReportStatus: String, Codable, Sendable, CaseIterable {
    /// The period has not reached its opening day.
    case notYetDue = "not-yet-due"
    /// Open for reporting, due date not passed, nothing submitted.
    case open
    case submittedOnTime = "submitted-on-time"
    case submittedLate = "submitted-late"
    /// Due date passed, nothing submitted.
    case missingOverdue = "missing-overdue"
    /// Sent back by the coordinator, waiting for the agency to resubmit.
    case returned
    /// Accepted by the coordinator (locked).
    case accepted
}

/// The dates an obligation's submission history boils down to. Instants, not days: the app records when
/// things happened; days are taken in Vietnam time (UTC+7) when compared with the due date.
public struct SubmissionDates: Sendable, Equatable {
    /// The first time the report was submitted: what timeliness is judged on, so a report sent on time and
    /// returned for a correction stays on time (the review is the coordinator's time, not the agency's).
    public var firstSubmittedAt: Date?
    /// The latest submission (equal to the first when never resubmitted).
    public var lastSubmittedAt: Date?
    public var returnedAt: Date?
    public var acceptedAt: Date?

    public init(
        firstSubmittedAt: Date? = nil, lastSubmittedAt: Date? = nil, returnedAt: Date? = nil, acceptedAt: Date? = nil
    ) {
        self.firstSubmittedAt = firstSubmittedAt ?? lastSubmittedAt
        self.lastSubmittedAt = lastSubmittedAt ?? firstSubmittedAt
        self.returnedAt = returnedAt
        self.acceptedAt = acceptedAt
    }

    public static let none = SubmissionDates()
}

public enum ReportTimeliness {
    /// The cell status for an obligation with opening day `opensOn` and due date `due`, as of `now`: the
    /// `ReportStanding` of its history, in one word (`ReportStanding.status`).
    public static func status(
        opensOn: LocalDate, due: LocalDate?, submission: SubmissionDates, now: Date,
        resendBy: LocalDate? = nil, resentLate: Bool = false
    ) -> ReportStatus {
        ReportStanding.of(
            opensOn: opensOn, due: due,
            history: .init(dates: submission, resendBy: resendBy, resentLateBefore: resentLate), now: now
        ).status
    }

    /// The status for a period from the engine.
    public static func status(of period: ReportingPeriod, submission: SubmissionDates, now: Date) -> ReportStatus {
        status(opensOn: period.opensOn, due: period.due, submission: submission, now: now)
    }

    /// Whether the report's first sending was on time. Nil when never submitted. (The rates use
    /// `ReportStanding.onTime`, which also judges resubmissions.)
    public static func isOnTime(_ submission: SubmissionDates, due: LocalDate?) -> Bool? {
        guard let first = submission.firstSubmittedAt else { return nil }
        guard let due else { return true }
        return LocalDate(first) <= due
    }
}
