/// Where one language version of an article (or a publication) stands in the editorial workflow. Each
/// language version moves on its own: the Vietnamese source may be published while its English translation
/// is still in review, and no language blocks another.
public enum EditorialState: String, Sendable, Codable, CaseIterable {
    /// Being written or translated; only its writers see it.
    case draft
    /// Submitted for review: waits for the security check and an approver.
    case inReview = "in-review"
    /// Checked and approved: may be published now or at a set time.
    case approved
    /// Approved, to be published at a set time by the scheduler.
    case scheduled
    /// On the public site.
    case published
    /// Taken off the public site; may be published again after a new review.
    case unpublished
    /// Kept for the record, never shown again unless reopened as a draft.
    case archived

    /// Whether the public site may show this version (its page, feeds, sitemaps, search, JSON-LD).
    /// Only `published`; the security gate (`SecurityCheck`) is checked besides, never instead.
    public var isPublic: Bool { self == .published }

    /// Whether its text may be changed: an archived version is reopened first.
    public var isEditable: Bool { self != .archived }
}
