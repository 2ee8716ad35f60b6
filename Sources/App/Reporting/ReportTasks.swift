import Fluent
import Foundation
import TTDNKit

/// The tasks of a plan an agency reports on: those it leads or supports (by name, a former name, or a
/// group), with the indicators each feeds.
struct ReportTasks {
    struct IndicatorRef {
        let id: UUID
        let name: String
        let unit: String
        let target: Double?
    }

    let id: UUID
    let ref: String
    let title: String
    /// What the task asks, as the plan wrote it: shown beside the fields the officer fills in.
    let content: String
    let role: TaskAgency.Role
    let via: String?
    let timeframe: Timeframe?
    let indicators: [IndicatorRef]

    static func load(agencyID: UUID, planID: UUID?, names: PlanAgencyNames, on db: any Database) async throws
        -> [ReportTasks]
    {
        guard let planID else { return [] }
        let entries = try await AgencyTasks.load(agencyID: agencyID, names: names, scope: .plan(planID), on: db)
        let ids = entries.compactMap { $0.task.id }
        let links =
            ids.isEmpty ? [] : try await TaskIndicator.query(on: db).filter(\.$task.$id ~~ ids).with(\.$indicator).all()
        let byTask = Dictionary(grouping: links.filter { $0.indicator.active }, by: { $0.$task.id })
        return entries.map { e in
            ReportTasks(
                id: e.task.id!, ref: e.task.ref, title: e.task.title, content: e.task.content, role: e.role,
                via: e.via,
                timeframe: e.task.timeframe,
                indicators: (byTask[e.task.id!] ?? []).sorted { $0.indicator.position < $1.indicator.position }.map {
                    IndicatorRef(
                        id: $0.$indicator.id, name: $0.indicator.name, unit: $0.indicator.unit, target: $0.target)
                })
        }
    }
}
