import Foundation

/// Where one report (one agency, one period) stands, as two separate things: when it was sent, judged
/// against its deadlines, and where the office's review of it is. The dashboard shows both in every cell;
/// the rule is written out in docs/REPORTING.md ("Timeliness").
///
/// - A report is on time if it was first sent on or before its due date.
/// - Returning it sets a resubmission deadline (a number of working days after the return, per regime);
///   the report sent again is judged against that deadline, not against the original due date.
/// - A report counts as on time in the rates only if every sending was: first by the due date, and each
///   resubmission by its deadline. One resubmission late stays late, whatever happens after.
public struct ReportStanding: Sendable, Equatable {
    /// When the report was sent, against its deadlines.
    public enum Sending: String, Codable, Sendable, CaseIterable {
        /// The period has not reached its opening day.
        case notYetDue = "not-yet-due"
        /// Open for reporting, due date not passed, nothing sent.
        case open
        /// Due date passed, nothing sent.
        case missing
        /// First sent by the due date (and not returned since).
        case onTime = "on-time"
        /// First sent after the due date (and not returned since).
        case late
        /// Returned; the resubmission deadline has not passed.
        case resendDue = "resend-due"
        /// Returned; the resubmission deadline passed and nothing was sent again.
        case resendOverdue = "resend-overdue"
        /// Sent again by the resubmission deadline.
        case resentOnTime = "resent-on-time"
        /// Sent again after the resubmission deadline.
        case resentLate = "resent-late"

        /// What the dashboard's legend counts it as: the legend's counts are the rates' numerators.
        public var wasSent: Bool { ![.notYetDue, .open, .missing].contains(self) }
    }

    /// Where the office's review stands.
    public enum Review: String, Codable, Sendable, CaseIterable {
        /// Nothing sent yet: nothing to review.
        case none
        /// Sent and waiting for the office.
        case waiting
        /// Returned to the agency with comments, waiting for it to send again.
        case returned
        /// Accepted (locked).
        case accepted
    }

    public var sending: Sending
    public var review: Review
    /// Whether the report counts as on time in the rates; nil when never sent.
    public var onTime: Bool?
    /// The resubmission deadline of the latest return, when it was returned.
    public var resendBy: LocalDate?

    public init(sending: Sending, review: Review, onTime: Bool?, resendBy: LocalDate? = nil) {
        self.sending = sending
        self.review = review
        self.onTime = onTime
        self.resendBy = resendBy
    }

    /// The period is due: it counts in the rates (a report sent early counts too).
    public var isExpected: Bool { onTime != nil || !(sending == .notYetDue || sending == .open) }

    /// The one status a list shows where there is room for one: the review when there is one to show,
    /// else the sending. Derived, never computed apart, so that no page contradicts the dashboard.
    public var status: ReportStatus {
        switch (review, sending) {
        case (.accepted, _): return .accepted
        case (.returned, _): return .returned
        case (_, .notYetDue): return .notYetDue
        case (_, .open): return .open
        case (_, .missing): return .missingOverdue
        case (_, .onTime), (_, .resentOnTime), (_, .resendDue):
            return onTime == false ? .submittedLate : .submittedOnTime
        case (_, .late), (_, .resentLate), (_, .resendOverdue): return .submittedLate
        }
    }
}

extension ReportStanding {
    /// What the submission's history records for judging it.
    public struct History: Sendable, Equatable {
        public var dates: SubmissionDates
        /// The resubmission deadline set by the latest return (nil: not returned, or no deadline set).
        public var resendBy: LocalDate?
        /// An earlier resubmission was sent after its deadline: the report stays late.
        public var resentLateBefore: Bool

        public init(dates: SubmissionDates = .none, resendBy: LocalDate? = nil, resentLateBefore: Bool = false) {
            self.dates = dates
            self.resendBy = resendBy
            self.resentLateBefore = resentLateBefore
        }
    }

    /// The standing of a report with opening day `opensOn` and due date `due` (nil: the requester has not
    /// set it; never overdue), as of `now`. Days are Vietnam days (`LocalDate(Date)`).
    public static func of(opensOn: LocalDate, due: LocalDate?, history: History, now: Date) -> ReportStanding {
        let dates = history.dates
        guard let first = dates.firstSubmittedAt else {
            let today = LocalDate(now)
            if today < opensOn { return ReportStanding(sending: .notYetDue, review: .none, onTime: nil) }
            if let due, today > due { return ReportStanding(sending: .missing, review: .none, onTime: nil) }
            return ReportStanding(sending: .open, review: .none, onTime: nil)
        }
        let firstOnTime = due.map { LocalDate(first) <= $0 } ?? true
        let last = dates.lastSubmittedAt ?? first
        guard let returned = dates.returnedAt else {
            // Never returned: judged on its first sending.
            let review: Review = dates.acceptedAt == nil ? .waiting : .accepted
            return ReportStanding(sending: firstOnTime ? .onTime : .late, review: review, onTime: firstOnTime)
        }
        let stillOnTime = firstOnTime && !history.resentLateBefore
        if last <= returned {
            // Waiting to be sent again.
            let overdue = history.resendBy.map { LocalDate(now) > $0 } ?? false
            return ReportStanding(
                sending: overdue ? .resendOverdue : .resendDue, review: .returned,
                onTime: stillOnTime && !overdue, resendBy: history.resendBy)
        }
        let resentOnTime = history.resendBy.map { LocalDate(last) <= $0 } ?? true
        let accepted = dates.acceptedAt.map { $0 > last } ?? false
        return ReportStanding(
            sending: resentOnTime ? .resentOnTime : .resentLate, review: accepted ? .accepted : .waiting,
            onTime: stillOnTime && resentOnTime, resendBy: history.resendBy)
    }

    /// The resubmission deadline for a report returned on `returnedOn`: `workingDays` working days later
    /// (the return day itself not counted), in the regime's holiday calendar.
    public static func resendDeadline(returnedOn: LocalDate, workingDays: Int, calendar: HolidayCalendar)
        -> LocalDate
    {
        var days = WorkingDays(calendar: calendar)
        return days.adding(max(1, workingDays), to: returnedOn)
    }

    /// Whether a resubmission sent at `sentAt` missed the deadline `resendBy` (recorded when it is sent,
    /// so that a later cycle cannot make it on time again).
    public static func isLateResend(sentAt: Date, resendBy: LocalDate?) -> Bool {
        guard let resendBy else { return false }
        return LocalDate(sentAt) > resendBy
    }
}
