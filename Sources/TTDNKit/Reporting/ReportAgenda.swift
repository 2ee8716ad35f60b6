/// What a report asks of someone today, for the home pages: the coordinator's "due this week", "late",
/// "waiting for review" and "returned, not yet resent", and the officer's "what we owe next". One rule for
/// both pages, over the same `ReportStanding` the dashboard shows, so no page counts differently.
public enum ReportAgenda {
    public enum Bucket: String, Sendable, CaseIterable {
        /// Open and due within the horizon (a week), nothing sent yet.
        case dueSoon = "due-soon"
        /// Not sent by its due date, or not sent again by its resubmission deadline.
        case late
        /// Sent, waiting for the office's review.
        case waiting
        /// Returned to the agency, its resubmission deadline not yet passed.
        case returned
    }

    /// The bucket of a report due on `due`, as of `today`; nil when nothing is to be done about it now
    /// (not yet open, open but not due within `horizon` days, accepted).
    public static func bucket(_ standing: ReportStanding, due: LocalDate?, today: LocalDate, horizon: Int = 7)
        -> Bucket?
    {
        switch standing.sending {
        case .missing, .resendOverdue: return .late
        case .open:
            guard let due, today.days(until: due) <= horizon else { return nil }
            return .dueSoon
        case .notYetDue: return nil
        default: break
        }
        switch standing.review {
        case .waiting: return .waiting
        case .returned: return .returned
        case .none, .accepted: return nil
        }
    }

    /// How many days late a late report is: since its due date, or since its resubmission deadline.
    public static func daysLate(_ standing: ReportStanding, due: LocalDate?, today: LocalDate) -> Int? {
        switch standing.sending {
        case .missing: return due.map { $0.days(until: today) }
        case .resendOverdue: return standing.resendBy.map { $0.days(until: today) }
        default: return nil
        }
    }
}
