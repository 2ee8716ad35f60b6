import Foundation

/// The pre-publication security check (Luật Bảo vệ bí mật nhà nước 2018): before a version can be approved,
/// a reviewer records that it holds no state-secret content, checked against the province's list of
/// sensitive subjects, with who, when and the decision. A version found to hold classified material can
/// never be published, scheduled, fed, listed, searched or previewed publicly, whatever else happens to it.
public struct SecurityCheck: Sendable, Equatable, Codable {
    public enum Decision: String, Sendable, Equatable, Codable, CaseIterable {
        /// No state-secret content: may be approved.
        case clear
        /// Holds classified material: barred from the public for good.
        case classified
    }

    public var decision: Decision
    public var reviewerID: UUID
    public var reviewerName: String
    public var at: Date
    /// The sensitive terms the text held when it was checked (`SensitiveTerms`), and the reason the reviewer
    /// gave for passing them: a flagged version needs an approver's explicit sign-off.
    public var flaggedTerms: [String]
    public var signOff: String?

    public init(
        decision: Decision, reviewerID: UUID, reviewerName: String, at: Date, flaggedTerms: [String] = [],
        signOff: String? = nil
    ) {
        self.decision = decision
        self.reviewerID = reviewerID
        self.reviewerName = reviewerName
        self.at = at
        self.flaggedTerms = flaggedTerms
        self.signOff = signOff
    }
}

/// What stands between a version and a move, as codes (the app words them).
public enum EditorialGate {
    public enum Block: String, Sendable, Equatable, CaseIterable {
        /// The move does not go from the version's state.
        case notFromHere = "not-from-here"
        /// Approving needs a recorded security check.
        case checkMissing = "check-missing"
        /// The check recorded was made on other text (the version changed since).
        case checkStale = "check-stale"
        /// The text holds sensitive terms: approving needs a sign-off with a reason.
        case signOffMissing = "sign-off-missing"
        /// Classified: never public, whatever the move.
        case classified
        /// Scheduling needs a time after now.
        case timeInPast = "time-in-past"
        /// An image of the version has no description in its language: it is not submitted or approved so.
        case altTextMissing = "alt-missing"
    }

    /// What blocks `move` on a version in `state`. `check` is the version's latest security check and
    /// `checkedCurrentText` whether it was made on the text as it is now; `flagged` are the sensitive terms the
    /// text holds now; `publishAt` the time asked for by `schedule`; `live` whether an earlier revision is on
    /// the public site (it can be taken down while new text is in the works); `altMissing` whether an image of
    /// the version lacks its description (alt text) in the version's language.
    public static func blocks(
        _ move: EditorialMove, from state: EditorialState, check: SecurityCheck?, checkedCurrentText: Bool,
        flagged: [String], publishAt: Date? = nil, live: Bool = false, altMissing: Bool = false, now: Date
    ) -> [Block] {
        var blocks: [Block] = []
        if move.target(from: state, live: live) == nil { blocks.append(.notFromHere) }
        let goesPublic: Set<EditorialMove> = [.approve, .schedule, .publish]
        if check?.decision == .classified, goesPublic.contains(move) { blocks.append(.classified) }
        if move == .approve {
            if check == nil {
                blocks.append(.checkMissing)
            } else if !checkedCurrentText {
                blocks.append(.checkStale)
            } else if check?.decision == .clear, !flagged.isEmpty,
                (check?.signOff ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            {
                blocks.append(.signOffMissing)
            }
        }
        if move == .schedule, let publishAt, publishAt <= now { blocks.append(.timeInPast) }
        if move == .schedule, publishAt == nil { blocks.append(.timeInPast) }
        if altMissing, [.submit, .approve, .schedule, .publish].contains(move) { blocks.append(.altTextMissing) }
        return blocks
    }
}
