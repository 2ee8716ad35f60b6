import Foundation

/// One agency of the directory (danh bạ cơ quan), as the domain sees it: no database, no Vapor.
public struct AgencyRecord: Hashable, Codable, Sendable, Identifiable {
    public var id: UUID
    /// Stable key used in CSV files and links (`so-ngoai-vu`): lowercase ASCII letters, digits and hyphens.
    public var code: String
    public var officialName: String
    /// The form people usually write (`UBND tỉnh`, `Sở TT&TT`), if it differs from the official name.
    public var shortName: String?
    /// Other names the agency is known by (older spellings, informal forms).
    public var aliases: [String]
    /// Abbreviated names (`SNgV`, `VP UBND tỉnh`). Matched whole, like aliases.
    public var abbreviations: [String]
    public var kind: AgencyKind
    /// The agency this one sits inside (province → department → unit).
    public var parentID: UUID?
    /// First day the agency existed, if known.
    public var validFrom: LocalDate?
    /// Last day the agency existed, if it has ended.
    public var validTo: LocalDate?
    /// Where the agency's work went. The first entry is the one names resolve to; usually there is one.
    public var successions: [Succession]

    public init(
        id: UUID = UUID(), code: String, officialName: String, shortName: String? = nil,
        aliases: [String] = [], abbreviations: [String] = [], kind: AgencyKind, parentID: UUID? = nil,
        validFrom: LocalDate? = nil, validTo: LocalDate? = nil, successions: [Succession] = []
    ) {
        self.id = id
        self.code = code
        self.officialName = officialName
        self.shortName = shortName
        self.aliases = aliases
        self.abbreviations = abbreviations
        self.kind = kind
        self.parentID = parentID
        self.validFrom = validFrom
        self.validTo = validTo
        self.successions = successions
    }

    /// Every name the agency answers to, official name first.
    public var allNames: [String] {
        [officialName] + (shortName.map { [$0] } ?? []) + aliases + abbreviations
    }

    /// Whether the agency existed on `date` (bounds inclusive; a missing bound is open).
    public func isValid(on date: LocalDate) -> Bool {
        if let validFrom, date < validFrom { return false }
        if let validTo, validTo < date { return false }
        return true
    }
}

/// "Merged into" or "renamed to" another agency, from a given day.
public struct Succession: Hashable, Codable, Sendable {
    public var successorID: UUID
    public var kind: SuccessionKind
    /// The day the successor took over (usually the day after the predecessor's `validTo`).
    public var effective: LocalDate

    public init(successorID: UUID, kind: SuccessionKind, effective: LocalDate) {
        self.successorID = successorID
        self.kind = kind
        self.effective = effective
    }
}
