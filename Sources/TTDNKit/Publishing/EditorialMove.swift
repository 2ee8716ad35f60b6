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

    /// Whether saving new text into a version in `state` sends it back to draft: text that was checked and
    /// approved is no longer the text that was checked once it changes, so it needs review again.
    public static func editReturnsToDraft(_ state: EditorialState) -> Bool {
        switch state {
        case .inReview, .approved, .scheduled: true
        case .draft, .published, .unpublished, .archived: false
        }
    }
}
