import Fluent
import Foundation
import TTDNKit

/// Every task an agency leads or supports across plans: named directly, under a former name it took
/// over, or through a group it belongs to. Three queries. Archived plans are left out.
struct AgencyTasks {
    struct Entry {
        let task: PlanTask
        let plan: Plan
        /// Lead when the agency leads it in any way, else support.
        let role: TaskAgency.Role
        /// The group it came through, when it is not named itself.
        let via: String?
    }

    static func load(agencyID: UUID, names: PlanAgencyNames, on db: any Database) async throws -> [Entry] {
        let lineage = Array(names.lineage(of: agencyID))
        let groups = Array(names.groups(of: agencyID))
        let rows = try await TaskAgency.query(on: db).group(.or) { or in
            or.filter(\.$agency.$id ~~ lineage)
            if !groups.isEmpty { or.filter(\.$group.$id ~~ groups) }
        }.all()
        guard !rows.isEmpty else { return [] }
        let taskIDs = Array(Set(rows.map { $0.$task.id }))
        let tasks = try await PlanTask.query(on: db).filter(\.$id ~~ taskIDs).with(\.$plan).all()
            .filter { $0.plan.planStatus != .archived }
        let byTask = Dictionary(grouping: rows, by: { $0.$task.id })
        let entries = tasks.map { task -> Entry in
            let named = byTask[task.id!] ?? []
            let role: TaskAgency.Role = named.contains { $0.role == TaskAgency.Role.lead.rawValue } ? .lead : .support
            let strongest = named.filter { $0.role == role.rawValue }
            let via =
                strongest.contains { $0.$agency.id != nil }
                ? nil : strongest.first?.$group.id.flatMap { names.groups[$0]?.name }
            return Entry(task: task, plan: task.plan, role: role, via: via)
        }
        return entries.sorted { a, b in
            if a.plan.id != b.plan.id {
                return (a.plan.documentDate ?? "", a.plan.title) > (b.plan.documentDate ?? "", b.plan.title)
            }
            return (a.task.position, a.task.ref) < (b.task.position, b.task.ref)
        }
    }
}
