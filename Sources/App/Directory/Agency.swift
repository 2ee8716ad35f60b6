import Fluent
import Foundation
import TTDNKit

/// An agency of the directory (danh bạ cơ quan): a node of the tree province → department → unit.
final class Agency: Model, @unchecked Sendable {
    static let schema = "agencies"

    @ID(key: .id) var id: UUID?
    /// Stable key used in CSV files and links from other systems (`so-ngoai-vu`).
    @Field(key: "code") var code: String
    @Field(key: "official_name") var officialName: String
    @OptionalField(key: "short_name") var shortName: String?
    /// `AgencyKind` raw value.
    @Field(key: "kind") var kind: String
    @OptionalParent(key: "parent_id") var parent: Agency?
    @Field(key: "aliases") var aliases: [String]
    @Field(key: "abbreviations") var abbreviations: [String]
    /// ISO dates (`LocalDate.iso`), so they sort as text on both databases.
    @OptionalField(key: "valid_from") var validFrom: String?
    @OptionalField(key: "valid_to") var validTo: String?
    /// Folded name and aliases, computed in Swift (see `VietnameseText.searchKey`).
    @Field(key: "search_key") var searchKey: String
    @Field(key: "sort_key") var sortKey: String
    /// `Versioned.version`; NULL (0) for rows written before versions existed.
    @OptionalField(key: "version") var storedVersion: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(
        id: UUID? = nil, code: String, officialName: String, shortName: String? = nil, kind: AgencyKind,
        parentID: UUID? = nil, aliases: [String] = [], abbreviations: [String] = [],
        validFrom: LocalDate? = nil, validTo: LocalDate? = nil
    ) {
        self.id = id
        self.code = code
        self.officialName = officialName
        self.shortName = shortName
        self.kind = kind.rawValue
        self.$parent.id = parentID
        self.aliases = aliases
        self.abbreviations = abbreviations
        self.validFrom = validFrom?.iso
        self.validTo = validTo?.iso
        self.searchKey = ""
        self.sortKey = ""
        refreshKeys()
    }

    /// Recomputes the search and sort keys; call after changing any name.
    func refreshKeys() {
        let names = [officialName, shortName ?? ""] + aliases + abbreviations
        searchKey = names.map(VietnameseText.searchKey).filter { !$0.isEmpty }.joined(separator: " | ")
        sortKey = VietnameseText.sortKey(officialName)
    }

    var agencyKind: AgencyKind { AgencyKind(rawValue: kind) ?? .other }

    /// Valid today (or on `day`): not yet dissolved or merged away.
    func isCurrent(on day: LocalDate) -> Bool {
        if let from = validFrom, let start = LocalDate(iso: from), start > day { return false }
        if let to = validTo, let end = LocalDate(iso: to), end < day { return false }
        return true
    }
}

/// "Merged into" / "renamed to", with the day it took effect.
final class AgencySuccession: Model, @unchecked Sendable {
    static let schema = "agency_successions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "predecessor_id") var predecessor: Agency
    @Parent(key: "successor_id") var successor: Agency
    /// `SuccessionKind` raw value.
    @Field(key: "kind") var kind: String
    @Field(key: "effective") var effective: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(predecessorID: UUID, successorID: UUID, kind: String, effective: LocalDate) {
        self.$predecessor.id = predecessorID
        self.$successor.id = successorID
        self.kind = kind
        self.effective = effective.iso
    }
}

/// A group named in documents ("các sở, ban, ngành"), with its members.
final class AgencyGroup: Model, @unchecked Sendable {
    static let schema = "agency_groups"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "aliases") var aliases: [String]
    @Field(key: "search_key") var searchKey: String
    @Field(key: "sort_key") var sortKey: String
    @Siblings(through: AgencyGroupMember.self, from: \.$group, to: \.$agency) var members: [Agency]
    /// `Versioned.version`; NULL (0) for rows written before versions existed. Covers the members too.
    @OptionalField(key: "version") var storedVersion: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(id: UUID? = nil, code: String, name: String, aliases: [String] = []) {
        self.id = id
        self.code = code
        self.name = name
        self.aliases = aliases
        self.searchKey = ""
        self.sortKey = ""
        refreshKeys()
    }

    func refreshKeys() {
        searchKey = ([name] + aliases).map(VietnameseText.searchKey).joined(separator: " | ")
        sortKey = VietnameseText.sortKey(name)
    }
}

final class AgencyGroupMember: Model, @unchecked Sendable {
    static let schema = "agency_group_members"

    @ID(key: .id) var id: UUID?
    @Parent(key: "group_id") var group: AgencyGroup
    @Parent(key: "agency_id") var agency: Agency

    init() {}

    init(groupID: UUID, agencyID: UUID) {
        self.$group.id = groupID
        self.$agency.id = agencyID
    }
}
