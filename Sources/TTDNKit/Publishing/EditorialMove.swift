/// The moves of the editorial workflow, and the rule of which move goes from which state to which.
/// Who may make a move is `Policy.mayMove`; what blocks a move (the security gate) is `EditorialGate`.
public enum EditorialMove: String, Sendable, Codable, CaseIterable {
    /// draft → in review.
    case submit
    /// in review or approved or scheduled → draft, with the reviewer's comments.
    case returnToDraft = "return"
    /// in review → approved (needs the security check: `EditorialGate`).
    case approve
    /// approved → scheduled (a time to publish).
    case schedule
    /// approved or scheduled → published; scheduled → published is the scheduler's move at its time.
    case publish
    /// published → unpublished.
    case unpublish
    /// draft, unpublished or published → archived.
    case archive
    /// unpublished or archived → draft, to be worked on and reviewed again.
    case reopen

    /// The state the move leads to from `state`, or nil when it is not a move from there.
    public func target(from state: EditorialState) -> EditorialState? {
        switch (self, state) {
        case (.submit, .draft): .inReview
        case (.returnToDraft, .inReview), (.returnToDraft, .approved), (.returnToDraft, .scheduled): .draft
        case (.approve, .inReview): .approved
        case (.schedule, .approved): .scheduled
        case (.publish, .approved), (.publish, .scheduled): .published
        case (.unpublish, .published), (.unpublish, .scheduled): .unpublished
        case (.archive, .draft), (.archive, .unpublished), (.archive, .published): .archived
        case (.reopen, .unpublished), (.reopen, .archived): .draft
        default: nil
        }
    }

    /// The moves open from `state`, in the order a screen lists them.
    public static func available(from state: EditorialState) -> [EditorialMove] {
        allCases.filter { $0.target(from: state) != nil }
    }

    /// The state the move leads to from `state` when the version has (`live`) or has not a revision on the
    /// public site. A published version being reworked is a draft (or in review, or approved) whose earlier
    /// revision stays on the site until the new one is published (Drupal's forward revisions); taking that
    /// revision down (`unpublish`) leaves the work where it stands.
    public func target(from state: EditorialState, live: Bool) -> EditorialState? {
        if let target = target(from: state) { return target }
        if self == .unpublish, live, [.draft, .inReview, .approved].contains(state) { return state }
        return nil
    }

    /// The revision on the public site after the move: the current one when it is published, none when it
    /// is taken down or archived, the same one otherwise.
    public func liveRevision(current: Int, live: Int?) -> Int? {
        switch self {
        case .publish: current
        case .unpublish, .archive: nil
        case .submit, .returnToDraft, .approve, .schedule, .reopen: live
        }
    }

    /// Whether saving new text into a version in `state` sends it back to draft: text that was checked and
    /// approved is no longer the text that was checked once it changes, so it needs review again. A
    /// published version's new text is a draft too; the published revision stays on the site meanwhile.
    public static func editReturnsToDraft(_ state: EditorialState) -> Bool {
        switch state {
        case .inReview, .approved, .scheduled, .published: true
        case .draft, .unpublished, .archived: false
        }
    }
}
