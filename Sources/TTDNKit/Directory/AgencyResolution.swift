import Foundation

/// What a resolution points at: one agency, or a group named as one party.
public enum AgencyTarget: Hashable, Codable, Sendable {
    case agency(UUID)
    case group(UUID)

    public var id: UUID {
        switch self {
        case .agency(let id), .group(let id): id
        }
    }
}

/// One step taken to get from the written name to the agency. Each step lowers the confidence by its
/// `weight`; `exact` covers differences of case, white space and punctuation only.
public enum MatchStep: String, Codable, Sendable, CaseIterable {
    /// The official name, up to case, spacing and punctuation.
    case exact
    /// The short name or an alias.
    case alias
    /// A standard abbreviation in the text was expanded (`UBND` → `Ủy ban nhân dân`), or the text is one of
    /// the agency's own abbreviations.
    case abbreviationExpanded
    /// Old and new tone-mark placement differ (`Tỉnh uỷ` / `Tỉnh ủy`).
    case toneVariant
    /// Matched only with every diacritic removed: a typing without accents, or a misspelt accent.
    case diacriticFolded
    /// Needed the context: the province's name or `tỉnh` dropped, or a name relative to the issuing agency
    /// (`Văn phòng Sở`, `Thanh tra Sở`).
    case contextual
    /// The name was right on the document's date; the agency has since merged or been renamed.
    case predecessorToSuccessor

    /// Multiplied into the confidence.
    public var weight: Double {
        switch self {
        case .exact: 1.0
        case .alias: 0.98
        case .toneVariant: 0.98
        case .abbreviationExpanded: 0.95
        case .contextual: 0.93
        case .predecessorToSuccessor: 0.97
        case .diacriticFolded: 0.8
        }
    }
}

/// What a name is read against: who issued the document and which province's directory this is.
public struct ResolutionContext: Sendable, Hashable {
    /// The agency that issued the document: relative names (`Văn phòng Sở`, `Các phòng, trung tâm trực thuộc
    /// Sở`) are read as its units.
    public var issuerID: UUID?
    /// The directory's province (`Lạng Sơn`): `Sở Giáo dục và Đào tạo Lạng Sơn`, `… tỉnh Lạng Sơn` match
    /// the agency without the place. Names with another province's name do not.
    public var province: String?
    /// Successions effective after this day are not followed (the app gives its clock's today). Nil reads the
    /// directory as of everything it records: every succession followed, every end date passed.
    public var today: LocalDate?

    public init(issuerID: UUID? = nil, province: String? = nil, today: LocalDate? = nil) {
        self.issuerID = issuerID
        self.province = province
        self.today = today
    }
}

/// A name that was recognised.
public struct AgencyMatch: Hashable, Sendable {
    /// What the name means today: the end of `chain` for an agency, or the group.
    public var target: AgencyTarget
    /// The record the written name identified (differs from `target` when it has successors).
    public var matched: AgencyTarget
    /// The agencies from `matched` to `target`, both included, following successions (one element when none).
    public var chain: [UUID]
    /// How the name was recognised, in order.
    public var how: [MatchStep]
    /// 0…1: the product of the steps' weights.
    public var confidence: Double
    /// The name of the matched record that the text was matched against.
    public var matchedName: String
    /// Set when today's agency has itself ended with no successor (an abolished district): the caller must
    /// choose who does the work now.
    public var endedOn: LocalDate?
}

/// A candidate for a name that was not recognised, best first.
public struct AgencySuggestion: Hashable, Sendable {
    public var target: AgencyTarget
    /// The name the score was computed on.
    public var name: String
    /// 0…1: token-set similarity of folded words, or the strength of an ambiguous match.
    public var score: Double
}

/// The answer to "which agency does this written name mean?": a match, or suggestions and never a guess.
public enum AgencyResolution: Hashable, Sendable {
    case matched(AgencyMatch)
    /// No name matched, or several agencies matched equally (`ambiguous` then says so).
    case unresolved(suggestions: [AgencySuggestion], ambiguous: Bool)

    public var match: AgencyMatch? {
        if case .matched(let match) = self { return match }
        return nil
    }

    public var suggestions: [AgencySuggestion] {
        if case .unresolved(let suggestions, _) = self { return suggestions }
        return []
    }
}
