/// The life of one agency report, as a state machine: who may change it when, and what each step does.
/// The application asks before it writes and stores the state returned; refusals are codes, which the
/// application turns into sentences in the reader's language.
///
/// - An agency writes a draft, saves it as often as it likes and submits it.
/// - A submitted report is frozen: what the coordinating office reviews is what was submitted. The agency
///   changes it only by recalling it (back to a draft, logged) while the review has not started, i.e.
///   while it is still submitted — or after the office returns it.
/// - The office accepts a submitted report (it is then locked) or returns it with a reason; it may reopen
///   an accepted report, or one closed by the lock date, with a reason.
/// - After the lock date an agency can no longer change a report unless it was reopened.
public enum ReportLifecycle {
    public enum State: String, Sendable, CaseIterable, Codable {
        case draft, submitted, returned, accepted
    }

    public enum Action: String, Sendable, CaseIterable {
        /// The agency saves its text without submitting.
        case save
        case submit
        /// The agency takes a submitted report back to change it, before the review.
        case recall
        case accept
        /// The office sends the report back with a reason.
        case `return`
        /// The office opens an accepted or locked report again, with a reason.
        case reopen
    }

    /// Who takes the action: the agency that owes the report, or the coordinating office reviewing it.
    public enum Party: Sendable { case agency, office }

    public enum Refusal: String, Error, Sendable, CaseIterable {
        /// Submitted and waiting for review: recall it first.
        case frozen
        /// Accepted: the office must reopen it first.
        case accepted
        /// Past the lock date and not reopened.
        case locked
        /// The step needs a submitted report (review, recall) and this one is not.
        case notSubmitted
        /// Reopening needs an accepted or locked report.
        case notClosed
        /// Returning and reopening need a reason.
        case reasonRequired
        /// The step is not this party's to take.
        case notAllowed
    }

    /// The report as the rules see it. `state` is nil before the first save.
    public struct Report: Sendable, Equatable {
        public var state: State?
        /// The office reopened it: the lock date no longer closes it.
        public var reopened: Bool
        /// Today is past the period's lock date.
        public var pastLock: Bool

        public init(state: State?, reopened: Bool = false, pastLock: Bool = false) {
            self.state = state
            self.reopened = reopened
            self.pastLock = pastLock
        }

        /// The lock date closes the report (reopening lifts it).
        public var lockedByDate: Bool { pastLock && !reopened }
    }

    /// The state after `action`, or why it is refused. `reason` is the comment given (returning and
    /// reopening need one).
    public static func next(
        _ action: Action, by party: Party, report: Report, reason: String = ""
    ) -> Result<State, Refusal> {
        let hasReason = !reason.allSatisfy(\.isWhitespace)
        switch action {
        case .save, .submit, .recall:
            guard party == .agency else { return .failure(.notAllowed) }
        case .accept, .return, .reopen:
            guard party == .office else { return .failure(.notAllowed) }
        }
        switch action {
        case .save, .submit:
            if let refusal = agencyRefusal(report) { return .failure(refusal) }
            if action == .submit { return .success(.submitted) }
            // A draft stays a draft; a returned report stays returned until it is submitted again.
            return .success(report.state ?? .draft)
        case .recall:
            guard report.state == .submitted else {
                return .failure(report.state == .accepted ? .accepted : .notSubmitted)
            }
            // Taking it back past the lock date would leave a draft nobody could submit.
            if report.lockedByDate { return .failure(.locked) }
            return .success(.draft)
        case .accept:
            guard report.state == .submitted else { return .failure(.notSubmitted) }
            return .success(.accepted)
        case .return:
            guard report.state == .submitted else { return .failure(.notSubmitted) }
            guard hasReason else { return .failure(.reasonRequired) }
            return .success(.returned)
        case .reopen:
            guard report.state == .accepted || (report.state != nil && report.lockedByDate) else {
                return .failure(.notClosed)
            }
            guard hasReason else { return .failure(.reasonRequired) }
            return .success(.returned)
        }
    }

    /// Whether the agency may change the report's text now (the form is open for it).
    public static func agencyMayEdit(_ report: Report) -> Bool {
        agencyRefusal(report) == nil
    }

    /// Whether the agency may recall it now (the page offers the button).
    public static func agencyMayRecall(_ report: Report) -> Bool {
        if case .success = next(.recall, by: .agency, report: report) { return true }
        return false
    }

    private static func agencyRefusal(_ report: Report) -> Refusal? {
        switch report.state {
        case .accepted: return .accepted
        case .submitted: return .frozen
        case nil, .draft, .returned: return report.lockedByDate ? .locked : nil
        }
    }
}
