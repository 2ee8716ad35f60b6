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
    /// The cell status for an obligation with opening day `opensOn` and due date `due`, as of `now`.
    ///
    /// Order: an acceptance later than any return → accepted; a return later than the last submission →
    /// returned; a submission → on time if the first one was on or before the due day, else late; nothing →
    /// not yet due / open / missing by today's date. A nil `due` (a requester who has not set it) is never
    /// overdue.
    public static func status(opensOn: LocalDate, due: LocalDate?, submission: SubmissionDates, now: Date)
        -> ReportStatus
    {
        if let accepted = submission.acceptedAt, submission.returnedAt.map({ accepted > $0 }) ?? true {
            return .accepted
        }
        if let returned = submission.returnedAt, submission.lastSubmittedAt.map({ returned >= $0 }) ?? true {
            return .returned
        }
        if submission.lastSubmittedAt != nil {
            return isOnTime(submission, due: due) == false ? .submittedLate : .submittedOnTime
        }
        let today = LocalDate(now)
        if today < opensOn { return .notYetDue }
        if let due, today > due { return .missingOverdue }
        return .open
    }

    /// The status for a period from the engine.
    public static func status(of period: ReportingPeriod, submission: SubmissionDates, now: Date) -> ReportStatus {
        status(opensOn: period.opensOn, due: period.due, submission: submission, now: now)
    }

    /// Whether the report counts as on time (for on-time counts and rates, whatever the cell shows): the
    /// first submission's day in Vietnam is on or before `due`. Nil when never submitted.
    public static func isOnTime(_ submission: SubmissionDates, due: LocalDate?) -> Bool? {
        guard let first = submission.firstSubmittedAt else { return nil }
        guard let due else { return true }
        return LocalDate(first) <= due
    }
}
