import Fluent
import Foundation
import SQLKit
import TTDNKit

/// Every task an agency leads or supports across plans: named directly, under a former name it took
/// over, or through a group it belongs to. Archived plans are left out.
///
/// Ten years of plans hold thousands of an agency's tasks, so this works in two steps: `refs` finds which
/// tasks, in the order pages show them, from a few columns of one joined query; `entries` loads the full
/// tasks of only the refs a page shows (one page of "Nhiệm vụ của đơn vị", the plans in force for a home page).
struct AgencyTasks {
    struct Entry {
        let task: PlanTask
        let plan: Plan
        /// Lead when the agency leads it in any way, else support.
        let role: TaskAgency.Role
        /// The group it came through, when it is not named itself.
        let via: String?
    }

    /// One task found for the agency, before it is loaded.
    struct Ref: Sendable {
        let taskID: UUID
        let planID: UUID
        let year: Int?
        let status: PlanTask.Status
        let role: TaskAgency.Role
        let via: String?
        /// What a home page shows of the task without loading it.
        let ref: String
        let title: String
        let timeframeJSON: String?
        let planTitle: String

        var timeframe: Timeframe? {
            timeframeJSON.flatMap { try? JSONDecoder().decode(Timeframe.self, from: Data($0.utf8)) }
        }
    }

    /// Which plans' tasks.
    enum Scope: Sendable, Equatable {
        /// Every plan but archived ones.
        case all
        /// One plan.
        case plan(UUID)
        /// Plans of these years (archived left out).
        case year(Int)
        /// The plans in force: issued or draft (not superseded, not archived), of last year or later.
        case inForce(today: LocalDate)
    }

    private struct Row: Decodable {
        let task_id: UUID
        let plan_id: UUID
        let task_status: String
        let position: Int
        let ref: String
        let title: String
        let timeframe: String?
        let year: Int?
        let document_date: String?
        let plan_title: String
        let role: String
        let agency_id: UUID?
        let group_id: UUID?
    }

    /// The agency's tasks in `scope`: newest plan first, then in the plan's order.
    static func refs(agencyID: UUID, names: PlanAgencyNames, scope: Scope, on db: any Database) async throws -> [Ref] {
        guard let sql = db as? any SQLDatabase else { return [] }
        var query = namingAgency(sql.select(), agencyID: agencyID, names: names)
            .column(SQLColumn("id", table: "t"), as: "task_id")
            .column(SQLColumn("plan_id", table: "t"))
            .column(SQLColumn("status", table: "t"), as: "task_status")
            .columns(
                SQLColumn("position", table: "t"), SQLColumn("ref", table: "t"), SQLColumn("title", table: "t"),
                SQLColumn("timeframe", table: "t")
            )
            .columns(SQLColumn("year", table: "p"), SQLColumn("document_date", table: "p"))
            .column(SQLColumn("title", table: "p"), as: "plan_title")
            .columns(
                SQLColumn("role", table: "a"), SQLColumn("agency_id", table: "a"), SQLColumn("group_id", table: "a")
            )
        switch scope {
        case .all: break
        case .plan(let id): query = query.where(SQLColumn("id", table: "p"), .equal, SQLBind(id))
        case .year(let year): query = query.where(SQLColumn("year", table: "p"), .equal, SQLBind(year))
        case .inForce(let today): query = Plan.whereInForce(query, table: "p", today: today)
        }
        let rows = try await query.all(decoding: Row.self)
        var byTask: [UUID: [Row]] = [:]
        for row in rows { byTask[row.task_id, default: []].append(row) }
        let ordered = byTask.values.compactMap(\.first).sorted { a, b in
            if a.plan_id != b.plan_id {
                return (a.document_date ?? "", a.plan_title, a.plan_id.uuidString)
                    > (b.document_date ?? "", b.plan_title, b.plan_id.uuidString)
            }
            return (a.position, a.ref) < (b.position, b.ref)
        }
        return ordered.map { first in
            let named = byTask[first.task_id] ?? []
            let role: TaskAgency.Role = named.contains { $0.role == TaskAgency.Role.lead.rawValue } ? .lead : .support
            let strongest = named.filter { $0.role == role.rawValue }
            let via =
                strongest.contains { $0.agency_id != nil }
                ? nil : strongest.first?.group_id.flatMap { names.groups[$0]?.name }
            return Ref(
                taskID: first.task_id, planID: first.plan_id, year: first.year,
                status: PlanTask.Status(rawValue: first.task_status) ?? .notStarted, role: role, via: via,
                ref: first.ref, title: first.title, timeframeJSON: first.timeframe, planTitle: first.plan_title)
        }
    }

    /// `select` from the task agencies (`a`) that name the agency, its former names or its groups, joined
    /// with their tasks (`t`) and plans (`p`), archived plans left out.
    private static func namingAgency(_ select: SQLSelectBuilder, agencyID: UUID, names: PlanAgencyNames)
        -> SQLSelectBuilder
    {
        let lineage = Array(names.lineage(of: agencyID))
        let groups = Array(names.groups(of: agencyID))
        return
            select
            .from(SQLAlias(SQLIdentifier(TaskAgency.schema), as: SQLIdentifier("a")))
            .join(
                SQLAlias(SQLIdentifier(PlanTask.schema), as: SQLIdentifier("t")),
                on: SQLColumn("task_id", table: "a"), .equal, SQLColumn("id", table: "t")
            )
            .join(
                SQLAlias(SQLIdentifier(Plan.schema), as: SQLIdentifier("p")),
                on: SQLColumn("plan_id", table: "t"), .equal, SQLColumn("id", table: "p")
            )
            .where(group: { group in
                var group = group.where(SQLColumn("agency_id", table: "a"), .in, SQLBind.group(lineage))
                if !groups.isEmpty {
                    group = group.orWhere(SQLColumn("group_id", table: "a"), .in, SQLBind.group(groups))
                }
                return group
            })
            .where(SQLColumn("status", table: "p"), .notEqual, SQLBind(Plan.Status.archived.rawValue))
    }

    /// The years of the plans (not archived) that give the agency tasks, newest first.
    static func years(agencyID: UUID, names: PlanAgencyNames, on db: any Database) async throws -> [Int] {
        guard let sql = db as? any SQLDatabase else { return [] }
        struct Year: Decodable { let year: Int? }
        let rows = try await namingAgency(sql.select().distinct(), agencyID: agencyID, names: names)
            .column(SQLColumn("year", table: "p"))
            .all(decoding: Year.self)
        return Set(rows.compactMap(\.year)).sorted(by: >)
    }

    /// The full tasks and plans of `refs`, in their order.
    static func entries(_ refs: [Ref], on db: any Database) async throws -> [Entry] {
        guard !refs.isEmpty else { return [] }
        let tasks = try await PlanTask.query(on: db).filter(\.$id ~~ refs.map(\.taskID)).all()
        let plans = try await Plan.query(on: db).filter(\.$id ~~ Array(Set(refs.map(\.planID)))).all()
        let taskByID = Dictionary(tasks.compactMap { t in t.id.map { ($0, t) } }) { a, _ in a }
        let planByID = Dictionary(plans.compactMap { p in p.id.map { ($0, p) } }) { a, _ in a }
        return refs.compactMap { ref in
            guard let task = taskByID[ref.taskID], let plan = planByID[ref.planID] else { return nil }
            return Entry(task: task, plan: plan, role: ref.role, via: ref.via)
        }
    }

    /// The agency's tasks in `scope`, loaded.
    static func load(agencyID: UUID, names: PlanAgencyNames, scope: Scope = .all, on db: any Database) async throws
        -> [Entry]
    {
        try await entries(refs(agencyID: agencyID, names: names, scope: scope, on: db), on: db)
    }
}
