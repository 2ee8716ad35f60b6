/// A cell of the translators' work list (articles × languages): is there a version in that language, where
/// does it stand, and was it made from the source as it is now. Outdated follows Drupal's design: each
/// translation records the source revision it was made from, and the source's editor marks a change as
/// significant (a typo fixed is not); a translation made before the latest significant revision is outdated,
/// whatever its state, until it is brought up to date. Timestamps are never compared.
public enum TranslationStatus: String, Sendable, Equatable, CaseIterable {
    case missing
    case draft
    case inReview = "in-review"
    case approved
    case published
    case outdated
    /// Unpublished or archived: not on the site, not in anyone's way.
    case withdrawn

    /// A translation's version, as the status needs it.
    public struct Version: Sendable, Equatable {
        public var state: EditorialState
        /// The source revision the translation was made from (or last brought up to date with).
        public var sourceRevision: Int

        public init(state: EditorialState, sourceRevision: Int) {
            self.state = state
            self.sourceRevision = sourceRevision
        }
    }

    /// `version`: the translation in one language, nil when there is none. `lastSignificant`: the source
    /// revision most recently marked as a significant change (0 when none was).
    public static func of(_ version: Version?, lastSignificant: Int) -> TranslationStatus {
        guard let version else { return .missing }
        switch version.state {
        case .unpublished, .archived: return .withdrawn
        default: break
        }
        if version.sourceRevision < lastSignificant { return .outdated }
        switch version.state {
        case .draft: return .draft
        case .inReview: return .inReview
        case .approved, .scheduled: return .approved
        case .published: return .published
        case .unpublished, .archived: return .withdrawn
        }
    }

    /// Whether the cell asks a translator for work: nothing there yet, a draft, or an outdated translation.
    public var needsWork: Bool { self == .missing || self == .draft || self == .outdated }
}
