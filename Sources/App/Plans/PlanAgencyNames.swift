import Fluent
import Foundation
import TTDNKit

/// The directory as the plan screens need it, loaded in four queries whatever the plan's size: each
/// agency's current name (following successions, so a task linked to a former department shows the
/// department that took it over), group names, and which groups each agency belongs to.
struct PlanAgencyNames: Sendable {
    let agencies: [UUID: Agency]
    let groups: [UUID: AgencyGroup]
    /// Former agency → the one agency that took it over (only when there is exactly one).
    let successor: [UUID: UUID]
    /// Agency → the groups it is a member of.
    let groupsOf: [UUID: Set<UUID>]
    /// Group → its member agencies.
    let membersOf: [UUID: Set<UUID>]
    let today: LocalDate

    static func load(on db: any Database, today: LocalDate) async throws -> PlanAgencyNames {
        // Names only (no aliases): these models are for showing and are not marked as saved rows.
        let agencies = try await PlanRows.agencies(on: db)
        let groups = try await AgencyGroup.query(on: db).sort(\.$sortKey).all()
        let members = try await AgencyGroupMember.query(on: db).all()
        let successions = try await AgencySuccession.query(on: db).all()
        var onward: [UUID: Set<UUID>] = [:]
        for succession in successions {
            onward[succession.$predecessor.id, default: []].insert(succession.$successor.id)
        }
        var groupsOf: [UUID: Set<UUID>] = [:]
        var membersOf: [UUID: Set<UUID>] = [:]
        for member in members {
            groupsOf[member.$agency.id, default: []].insert(member.$group.id)
            membersOf[member.$group.id, default: []].insert(member.$agency.id)
        }
        return PlanAgencyNames(
            agencies: Dictionary(agencies.compactMap { a in a.id.map { ($0, a) } }) { a, _ in a },
            groups: Dictionary(groups.compactMap { g in g.id.map { ($0, g) } }) { a, _ in a },
            successor: onward.compactMapValues { $0.count == 1 ? $0.first : nil },
            groupsOf: groupsOf, membersOf: membersOf, today: today)
    }

    /// The agency that carries on `id` today: itself while it is current, else its successor's current one.
    func current(_ id: UUID) -> UUID {
        var id = id
        var steps = 0
        while let agency = agencies[id], !agency.isCurrent(on: today), let next = successor[id], steps < 16 {
            id = next
            steps += 1
        }
        return id
    }

    /// Every agency id whose tasks are `id`'s today: itself and the former agencies it took over.
    func lineage(of id: UUID) -> Set<UUID> {
        var result: Set<UUID> = [id]
        for candidate in successor.keys where current(candidate) == id { result.insert(candidate) }
        return result
    }

    /// The groups `id` (or an agency it took over) belongs to.
    func groups(of id: UUID) -> Set<UUID> {
        lineage(of: id).reduce(into: Set<UUID>()) { $0.formUnion(groupsOf[$1] ?? []) }
    }

    func name(of agencyID: UUID) -> String? { agencies[agencyID]?.officialName }

    /// Whether a task's named agency row stands for `agency` today (directly, by a former name, or as a
    /// member of the named group).
    func names(_ row: TaskAgency, standFor agency: UUID) -> Bool {
        if let id = row.$agency.id { return current(id) == agency }
        if let group = row.$group.id { return membersOf[group]?.contains(agency) ?? false }
        return false
    }

    /// How a named agency shows: the directory's current name, and the document's wording when it differs.
    struct Named: Encodable, Sendable {
        let name: String
        /// The wording the document used, when it is not simply the name shown.
        let wording: String?
        let href: String?
        let isGroup: Bool
        let unresolved: Bool
    }

    func named(wording: String, agencyID: UUID?, groupID: UUID?) -> Named {
        func differs(_ name: String) -> String? {
            name == wording || VietnameseText.searchKey(name) == VietnameseText.searchKey(wording) ? nil : wording
        }
        if let agencyID, let agency = agencies[current(agencyID)], let id = agency.id {
            return Named(
                name: agency.officialName, wording: differs(agency.officialName), href: SiteURL.agency(id).path,
                isGroup: false, unresolved: false)
        }
        if let groupID, let group = groups[groupID] {
            return Named(
                name: group.name, wording: differs(group.name), href: SiteURL.agencyGroup(groupID).path, isGroup: true,
                unresolved: false)
        }
        return Named(name: wording, wording: nil, href: nil, isGroup: false, unresolved: true)
    }

    /// `named` once per distinct wording and link: a plan names the same few agencies hundreds of times.
    struct Memo {
        /// Hashed as it is: a text key spelt both ids out on every lookup.
        private struct Key: Hashable {
            let wording: String
            let agencyID: UUID?
            let groupID: UUID?
        }

        let names: PlanAgencyNames
        private var cache: [Key: Named] = [:]

        init(_ names: PlanAgencyNames) { self.names = names }

        mutating func named(wording: String, agencyID: UUID?, groupID: UUID?) -> Named {
            let key = Key(wording: wording, agencyID: agencyID, groupID: groupID)
            if let known = cache[key] { return known }
            let made = names.named(wording: wording, agencyID: agencyID, groupID: groupID)
            cache[key] = made
            return made
        }
    }

    /// Whether a task agency row names `agencyID` today: the agency itself, one it took over, or a group it is in.
    func matches(agencyID: UUID?, groupID: UUID?, agency target: UUID, targetGroups: Set<UUID>) -> Bool {
        if let agencyID, current(agencyID) == target || agencyID == target { return true }
        if let groupID, targetGroups.contains(groupID) { return true }
        return false
    }

    /// Current agencies, in dictionary order, as select options.
    func currentAgencyOptions(selected: UUID?) -> [AccountController.Option] {
        agencies.values.filter { $0.isCurrent(on: today) }.sorted { $0.sortKey < $1.sortKey }.compactMap { agency in
            agency.id.map {
                AccountController.Option(value: $0.uuidString, label: agency.officialName, selected: $0 == selected)
            }
        }
    }
}
