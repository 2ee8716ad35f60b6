import Fluent
import Foundation
import TTDNKit

/// Imports a directory CSV file (layout: `AgencyCSV.columns`) into the database.
///
/// All or nothing: the file is decoded against the codes already stored, links to stored records are
/// checked for loops, and only if every row is good are the agencies, successions, groups and memberships
/// written, in one transaction, each change in the audit trail. Otherwise `AgencyCSVErrors` is thrown,
/// listing every bad row by line, and nothing is written.
///
/// A row is the whole truth about its record: an existing agency or group with the row's code takes the
/// row's names, parent, dates, successions and members (successions and memberships the row no longer
/// lists are removed). Records the file does not mention are left alone. An agency with a successor but
/// no `valid_to` ends the day before its first succession takes effect.
struct DirectoryImporter {
    let db: any Database
    let audit: AuditContext

    /// What an import changed.
    struct Summary: Sendable, Equatable {
        var agenciesCreated = 0
        var agenciesUpdated = 0
        var agenciesUnchanged = 0
        var groupsCreated = 0
        var groupsUpdated = 0
        var groupsUnchanged = 0
        var successionsChanged = 0

        var agencies: Int { agenciesCreated + agenciesUpdated + agenciesUnchanged }
        var groups: Int { groupsCreated + groupsUpdated + groupsUnchanged }
    }

    /// Imports CSV text (a leading byte-order mark is ignored).
    @discardableResult
    func importCSV(_ text: String) async throws -> Summary {
        try await run(text)
    }

    /// Imports UTF-8 bytes, as uploaded (with or without a byte-order mark).
    @discardableResult
    func importCSV(data: Data) async throws -> Summary {
        guard let text = String(data: data, encoding: .utf8) else {
            // Let the codec say which line is not UTF-8.
            if case .failure(let errors) = AgencyCSV.decode(data) { throw errors }
            throw AgencyCSVErrors(errors: [.notUTF8(line: 1)])
        }
        return try await run(text)
    }

    private func run(_ text: String) async throws -> Summary {
        let audit = self.audit
        return try await db.transaction { tx in
            let stored = try await Stored.load(on: tx)
            let decoded: AgencyCSV.Decoded
            switch AgencyCSV.decode(text, existingAgencies: stored.agencyIDs, existingGroups: stored.groupIDs) {
            case .success(let value): decoded = value
            case .failure(let errors): throw errors
            }
            let loops = Self.loops(in: decoded, stored: stored, lines: Self.lines(of: text))
            guard loops.isEmpty else { throw AgencyCSVErrors(errors: loops) }
            return try await Self.write(decoded, stored: stored, on: tx, by: audit)
        }
    }

    /// What the database holds before the import.
    private struct Stored: Sendable {
        var agencies: [UUID: Agency]
        var groups: [UUID: AgencyGroup]
        var successions: [AgencySuccession]
        var members: [AgencyGroupMember]

        var agencyIDs: [String: UUID] {
            Dictionary(agencies.values.map { ($0.code, $0.id!) }) { a, _ in a }
        }
        var groupIDs: [String: UUID] {
            Dictionary(groups.values.map { ($0.code, $0.id!) }) { a, _ in a }
        }

        static func load(on db: any Database) async throws -> Stored {
            let agencies = try await Agency.query(on: db).all()
            let groups = try await AgencyGroup.query(on: db).all()
            return Stored(
                agencies: Dictionary(agencies.map { ($0.id!, $0) }) { a, _ in a },
                groups: Dictionary(groups.map { ($0.id!, $0) }) { a, _ in a },
                successions: try await AgencySuccession.query(on: db).all(),
                members: try await AgencyGroupMember.query(on: db).all())
        }
    }

    // MARK: Checks the codec cannot make alone

    /// The line each code is written on, for errors found after decoding.
    private static func lines(of text: String) -> [String: Int] {
        let records = CSVTable.parse(text).records
        guard let header = records.first,
            let column = header.fields.firstIndex(where: {
                $0.trimmingCharacters(in: .whitespaces).lowercased() == "code"
            })
        else { return [:] }
        var lines: [String: Int] = [:]
        for record in records.dropFirst() where column < record.fields.count {
            let code = VietnameseText.collapseWhitespace(VietnameseText.nfc(record.fields[column]))
            if lines[code] == nil { lines[code] = record.line }
        }
        return lines
    }

    /// Loops that appear only together with stored records (the file's rows among themselves are checked by
    /// `AgencyCSV`): a parent or successor chain that leaves the file and comes back to one of its rows.
    private static func loops(in decoded: AgencyCSV.Decoded, stored: Stored, lines: [String: Int]) -> [AgencyCSVError] {
        var codes: [UUID: String] = [:]
        var parents: [UUID: UUID] = [:]
        var successors: [UUID: [UUID]] = [:]
        for agency in stored.agencies.values {
            codes[agency.id!] = agency.code
            parents[agency.id!] = agency.$parent.id
        }
        for succession in stored.successions {
            successors[succession.$predecessor.id, default: []].append(succession.$successor.id)
        }
        for record in decoded.agencies {
            codes[record.id] = record.code
            parents[record.id] = record.parentID
            successors[record.id] = record.successions.map(\.successorID)
        }
        let inFile = decoded.agencies.sorted { (lines[$0.code] ?? 0) < (lines[$1.code] ?? 0) }

        var errors: [AgencyCSVError] = []
        var reported: Set<Set<UUID>> = []
        func report(_ loop: [UUID], make: (Int, [String]) -> AgencyCSVError) {
            guard reported.insert(Set(loop)).inserted else { return }
            // Start the loop at its row that comes first in the file.
            let start =
                loop.indices.min { (lines[codes[loop[$0]] ?? ""] ?? .max) < (lines[codes[loop[$1]] ?? ""] ?? .max) }
                ?? 0
            let ordered = Array(loop[start...] + loop[..<start])
            let names = (ordered + [ordered[0]]).map { codes[$0] ?? $0.uuidString }
            errors.append(make(lines[names[0]] ?? 1, names))
        }

        // Parents: one parent each, so walking up from a row either ends or loops.
        for record in inFile {
            var path: [UUID] = [record.id]
            var current = parents[record.id]
            while let next = current, path.count <= parents.count {
                if let index = path.firstIndex(of: next) {
                    if index == 0 { report(path) { .parentCycle(line: $0, codes: $1) } }
                    break
                }
                path.append(next)
                current = parents[next]
            }
        }

        // Successions: a graph; depth-first from each row.
        var state: [UUID: Int] = [:]  // 1 = on the path, 2 = done
        func visit(_ id: UUID, path: inout [UUID]) {
            state[id] = 1
            path.append(id)
            for next in successors[id] ?? [] {
                if state[next] == 1, let index = path.firstIndex(of: next) {
                    report(Array(path[index...])) { .successionCycle(line: $0, codes: $1) }
                } else if state[next] == nil {
                    visit(next, path: &path)
                }
            }
            path.removeLast()
            state[id] = 2
        }
        for record in inFile where state[record.id] == nil {
            var path: [UUID] = []
            visit(record.id, path: &path)
        }
        return errors.sorted { $0.line < $1.line }
    }

    // MARK: Writing

    private static func write(
        _ decoded: AgencyCSV.Decoded, stored: Stored, on db: any Database, by audit: AuditContext
    ) async throws -> Summary {
        var summary = Summary()

        // Agencies, parents before their children (the parent column is a foreign key).
        let fileIDs = Set(decoded.agencies.map(\.id))
        var pending = decoded.agencies
        var written: Set<UUID> = []
        while !pending.isEmpty {
            let ready = pending.filter { record in
                guard let parent = record.parentID else { return true }
                return !fileIDs.contains(parent) || stored.agencies[parent] != nil || written.contains(parent)
            }
            // Loops were refused above, so something is always ready; guard anyway rather than spin.
            let batch = ready.isEmpty ? pending : ready
            for record in batch {
                if let agency = stored.agencies[record.id] {
                    // Rows that change nothing are not saved (saving would still touch `updated_at`).
                    let draft = Agency()
                    apply(record, to: draft)
                    if draft.auditFields == agency.auditFields {
                        summary.agenciesUnchanged += 1
                    } else {
                        try await agency.auditedUpdate(on: db, by: audit) { apply(record, to: $0) }
                        summary.agenciesUpdated += 1
                    }
                } else {
                    let agency = Agency()
                    agency.id = record.id
                    apply(record, to: agency)
                    try await agency.auditedCreate(on: db, by: audit)
                    summary.agenciesCreated += 1
                }
                written.insert(record.id)
            }
            let done = Set(batch.map(\.id))
            pending.removeAll { done.contains($0.id) }
        }

        // Successions: each row's list replaces what its agency had.
        var storedOnward: [UUID: [AgencySuccession]] = [:]
        for succession in stored.successions {
            storedOnward[succession.$predecessor.id, default: []].append(succession)
        }
        for record in decoded.agencies {
            var existing = Dictionary((storedOnward[record.id] ?? []).map { ($0.$successor.id, $0) }) { a, _ in a }
            for succession in record.successions {
                if let link = existing.removeValue(forKey: succession.successorID) {
                    guard link.kind != succession.kind.rawValue || link.effective != succession.effective.iso else {
                        continue
                    }
                    try await link.auditedUpdate(on: db, by: audit) { link in
                        link.kind = succession.kind.rawValue
                        link.effective = succession.effective.iso
                    }
                    summary.successionsChanged += 1
                } else {
                    try await AgencySuccession(
                        predecessorID: record.id, successorID: succession.successorID, kind: succession.kind.rawValue,
                        effective: succession.effective
                    ).auditedCreate(on: db, by: audit)
                    summary.successionsChanged += 1
                }
            }
            for link in existing.values.sorted(by: { $0.$successor.id.uuidString < $1.$successor.id.uuidString }) {
                try await link.auditedDelete(on: db, by: audit)
                summary.successionsChanged += 1
            }
        }

        // Groups and their members: each row's member list replaces what the group had.
        var storedMembers: [UUID: [AgencyGroupMember]] = [:]
        for member in stored.members { storedMembers[member.$group.id, default: []].append(member) }
        for record in decoded.groups {
            var changed = false
            let group: AgencyGroup
            if let existing = stored.groups[record.id] {
                group = existing
                let draft = AgencyGroup()
                apply(record, to: draft)
                if draft.auditFields != group.auditFields {
                    try await group.auditedUpdate(on: db, by: audit) { apply(record, to: $0) }
                    changed = true
                }
            } else {
                group = AgencyGroup()
                group.id = record.id
                apply(record, to: group)
                try await group.auditedCreate(on: db, by: audit)
            }
            var existing = Dictionary((storedMembers[record.id] ?? []).map { ($0.$agency.id, $0) }) { a, _ in a }
            for agencyID in record.memberIDs where existing.removeValue(forKey: agencyID) == nil {
                try await AgencyGroupMember(groupID: record.id, agencyID: agencyID).auditedCreate(on: db, by: audit)
                changed = true
            }
            for member in existing.values.sorted(by: { $0.$agency.id.uuidString < $1.$agency.id.uuidString }) {
                try await member.auditedDelete(on: db, by: audit)
                changed = true
            }
            if stored.groups[record.id] == nil {
                summary.groupsCreated += 1
            } else if changed {
                summary.groupsUpdated += 1
            } else {
                summary.groupsUnchanged += 1
            }
        }
        return summary
    }

    private static func apply(_ record: AgencyRecord, to agency: Agency) {
        agency.code = record.code
        agency.officialName = record.officialName
        agency.shortName = record.shortName
        agency.kind = record.kind.rawValue
        agency.$parent.id = record.parentID
        agency.aliases = record.aliases
        agency.abbreviations = record.abbreviations
        agency.validFrom = record.validFrom?.iso
        let end = record.validTo ?? record.successions.map(\.effective).min()?.adding(days: -1)
        agency.validTo = end?.iso
        agency.refreshKeys()
    }

    private static func apply(_ record: AgencyGroupRecord, to group: AgencyGroup) {
        group.code = record.code
        group.name = record.name
        group.aliases = record.aliases
        group.refreshKeys()
    }
}
