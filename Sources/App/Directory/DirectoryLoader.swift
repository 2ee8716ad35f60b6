import Fluent
import Foundation
import TTDNKit

/// Loads the directory from the database, and as the `AgencyDirectory` that resolves names.
struct DirectoryLoader {
    let db: any Database

    /// Every agency, in dictionary order of its official name.
    func agencies() async throws -> [Agency] {
        try await Agency.query(on: db).sort(\.$sortKey).all()
    }

    func groups() async throws -> [AgencyGroup] {
        try await AgencyGroup.query(on: db).with(\.$members).sort(\.$sortKey).all()
    }

    func successions() async throws -> [AgencySuccession] {
        try await AgencySuccession.query(on: db).all()
    }
}

extension DirectoryLoader {
    /// The whole directory as TTDNKit records, indexed for name resolution: four queries, whatever its size.
    func directory() async throws -> AgencyDirectory {
        let (agencies, groups) = try await records()
        return AgencyDirectory(agencies: agencies, groups: groups)
    }

    /// Every agency and group as TTDNKit records: agencies in dictionary order of their names, each
    /// agency's successions earliest first (the first one is where names resolve to), groups by name.
    func records() async throws -> (agencies: [AgencyRecord], groups: [AgencyGroupRecord]) {
        let agencies = try await agencies()
        let successions = try await successions()
        let groups = try await AgencyGroup.query(on: db).sort(\.$sortKey).all()
        let members = try await AgencyGroupMember.query(on: db).all()

        let sortKeys = Dictionary(agencies.compactMap { agency in agency.id.map { ($0, agency.sortKey) } }) { a, _ in a
        }
        var onward: [UUID: [AgencySuccession]] = [:]
        for succession in successions { onward[succession.$predecessor.id, default: []].append(succession) }
        var memberIDs: [UUID: [UUID]] = [:]
        for member in members { memberIDs[member.$group.id, default: []].append(member.$agency.id) }

        let agencyRecords = agencies.compactMap { agency -> AgencyRecord? in
            guard let id = agency.id else { return nil }
            let links = (onward[id] ?? []).sorted { a, b in
                (a.effective, sortKeys[a.$successor.id] ?? "", a.$successor.id.uuidString)
                    < (b.effective, sortKeys[b.$successor.id] ?? "", b.$successor.id.uuidString)
            }
            return agency.record(successions: links.compactMap(\.record))
        }
        let groupRecords = groups.compactMap { group -> AgencyGroupRecord? in
            guard let id = group.id else { return nil }
            let members = (memberIDs[id] ?? []).sorted {
                (sortKeys[$0] ?? "", $0.uuidString) < (sortKeys[$1] ?? "", $1.uuidString)
            }
            return AgencyGroupRecord(
                id: id, code: group.code, name: group.name, aliases: group.aliases, memberIDs: members)
        }
        return (agencyRecords, groupRecords)
    }

    /// The province the directory belongs to, read from the name of its provincial committee
    /// (`Ủy ban nhân dân tỉnh Lạng Sơn` → `Lạng Sơn`): resolution drops it from names.
    static func province(of directory: AgencyDirectory) -> String? {
        let committees = directory.agencies.filter { $0.kind == .provincialCommittee && $0.validTo == nil }
        for committee in committees {
            for name in committee.allNames {
                let words = name.split(separator: " ")
                guard let index = words.lastIndex(where: { $0.lowercased() == "tỉnh" }), index + 1 < words.count else {
                    continue
                }
                return words[(index + 1)...].joined(separator: " ")
            }
        }
        return nil
    }
}

extension Agency {
    /// The agency as TTDNKit sees it.
    func record(successions: [Succession] = []) -> AgencyRecord? {
        guard let id else { return nil }
        return AgencyRecord(
            id: id, code: code, officialName: officialName, shortName: shortName, aliases: aliases,
            abbreviations: abbreviations, kind: agencyKind, parentID: $parent.id,
            validFrom: validFrom.flatMap(LocalDate.init(iso:)), validTo: validTo.flatMap(LocalDate.init(iso:)),
            successions: successions)
    }
}

extension AgencySuccession {
    var record: Succession? {
        guard let day = LocalDate(iso: effective) else { return nil }
        return Succession(
            successorID: $successor.id, kind: SuccessionKind(rawValue: kind) ?? .mergedInto, effective: day)
    }
}
