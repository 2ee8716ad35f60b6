extension Agency: Versioned {
    var version: Int {
        get { storedVersion ?? 0 }
        set { storedVersion = newValue }
    }

    static let auditType = "agency"
    static var revision: Revision? { .directory }
    var auditLabel: String { officialName }
    var auditFields: [String: String] {
        [
            "code": code, "official_name": officialName, "short_name": shortName ?? "", "kind": kind,
            "parent_id": $parent.id?.uuidString ?? "", "aliases": aliases.joined(separator: " | "),
            "abbreviations": abbreviations.joined(separator: " | "), "valid_from": validFrom ?? "",
            "valid_to": validTo ?? "",
        ]
    }
}

extension AgencySuccession: Auditable {
    static let auditType = "agency_succession"
    var auditLabel: String { kind }
    var auditFields: [String: String] {
        [
            "predecessor_id": $predecessor.id.uuidString, "successor_id": $successor.id.uuidString, "kind": kind,
            "effective": effective,
        ]
    }
}

extension AgencyGroup: Versioned {
    var version: Int {
        get { storedVersion ?? 0 }
        set { storedVersion = newValue }
    }

    static let auditType = "agency_group"
    static var revision: Revision? { .directory }
    var auditLabel: String { name }
    var auditFields: [String: String] {
        ["code": code, "name": name, "aliases": aliases.joined(separator: " | ")]
    }
}

extension AgencyGroupMember: Auditable {
    static let auditType = "agency_group_member"
    var auditLabel: String { $agency.id.uuidString }
    var auditFields: [String: String] { ["group_id": $group.id.uuidString, "agency_id": $agency.id.uuidString] }
}
