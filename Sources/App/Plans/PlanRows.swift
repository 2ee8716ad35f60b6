import Fluent
import Foundation
import SQLKit

/// Read-only loading of the rows the plan screens show in bulk. Fluent decodes each row by walking the
/// model's properties through reflection, which dominated the plan page's time (a 100-task plan is
/// several hundred rows); SQLKit decodes the same columns straight into these structs, and the models
/// are filled from them. The models come back marked as existing, so saving one updates its row.
enum PlanRows {
    struct Task: Decodable {
        let id: UUID
        let plan_id: UUID
        let parent_id: UUID?
        let ref: String
        let position: Int
        let title: String
        let content: String
        let origin: String
        let timeframe: String?
        let timeframe_kind: String?
        let status: String
        let progress: Int
        let version: Int
    }

    struct Named: Decodable {
        let id: UUID
        let task_id: UUID
        let role: String
        let position: Int
        let wording: String
        let agency_id: UUID?
        let group_id: UUID?
    }

    struct Output: Decodable {
        let id: UUID
        let task_id: UUID
        let description: String
        let target: Int?
        let unit: String?
    }

    struct AgencyName: Decodable {
        let id: UUID
        let code: String
        let official_name: String
        let short_name: String?
        let kind: String
        let parent_id: UUID?
        let valid_from: String?
        let valid_to: String?
        let sort_key: String
    }

    static func sql(_ db: any Database) -> (any SQLDatabase)? { db as? any SQLDatabase }

    static func tasks(planID: UUID, on db: any Database) async throws -> [PlanTask] {
        guard let sql = sql(db) else {
            return try await PlanTask.query(on: db).filter(\.$plan.$id == planID).sort(\.$position).all()
        }
        let rows = try await sql.select().columns(Task.columns).from(PlanTask.schema)
            .where("plan_id", .equal, planID).orderBy("position").all(decoding: Task.self)
        return rows.map { row in
            let task = PlanTask()
            task.id = row.id
            task.$plan.id = row.plan_id
            task.$parent.id = row.parent_id
            task.ref = row.ref
            task.position = row.position
            task.title = row.title
            task.content = row.content
            task.origin = row.origin
            task.timeframeJSON = row.timeframe
            task.timeframeKind = row.timeframe_kind
            task.status = row.status
            task.progress = row.progress
            task.version = row.version
            task.$id.exists = true
            return task
        }
    }

    /// A plan's task agencies, found through their tasks: one short query, where binding every task id made a
    /// statement as long as the plan and two chunked queries per 500 tasks.
    static func named(planID: UUID, on db: any Database) async throws -> [TaskAgency] {
        guard let sql = sql(db) else {
            return try await TaskAgency.query(on: db).join(PlanTask.self, on: \TaskAgency.$task.$id == \PlanTask.$id)
                .filter(PlanTask.self, \.$plan.$id == planID).sort(\.$position).all()
        }
        let rows = try await select(Named.columns, from: TaskAgency.schema, ofPlan: planID, on: sql)
            .orderBy(SQLColumn("position", table: TaskAgency.schema)).all(decoding: Named.self)
        return rows.map { row in
            let named = TaskAgency()
            named.id = row.id
            named.$task.id = row.task_id
            named.role = row.role
            named.position = row.position
            named.wording = row.wording
            named.$agency.id = row.agency_id
            named.$group.id = row.group_id
            named.$id.exists = true
            return named
        }
    }

    /// A plan's task outputs, found through their tasks like `named`.
    static func outputs(planID: UUID, on db: any Database) async throws -> [TaskOutput] {
        guard let sql = sql(db) else {
            return try await TaskOutput.query(on: db).join(PlanTask.self, on: \TaskOutput.$task.$id == \PlanTask.$id)
                .filter(PlanTask.self, \.$plan.$id == planID).all()
        }
        let rows = try await select(Output.columns, from: TaskOutput.schema, ofPlan: planID, on: sql)
            .all(decoding: Output.self)
        return rows.map { row in
            let output = TaskOutput()
            output.id = row.id
            output.$task.id = row.task_id
            output.description = row.description
            output.target = row.target
            output.unit = row.unit
            output.$id.exists = true
            return output
        }
    }

    /// `columns` of `table`'s rows (keyed by `task_id`) that belong to the tasks of one plan.
    private static func select(_ columns: [String], from table: String, ofPlan planID: UUID, on sql: any SQLDatabase)
        -> SQLSelectBuilder
    {
        sql.select().columns(columns.map { SQLColumn($0, table: table) }).from(table)
            .join(
                PlanTask.schema, on: SQLColumn("task_id", table: table), .equal, SQLColumn("id", table: PlanTask.schema)
            )
            .where(SQLColumn("plan_id", table: PlanTask.schema), .equal, SQLBind(planID))
    }

    /// Every agency with the fields the plan screens use (names, kind, parent, validity, sort key).
    static func agencies(on db: any Database) async throws -> [Agency] {
        guard let sql = sql(db) else { return try await Agency.query(on: db).sort(\.$sortKey).all() }
        let rows = try await sql.select().columns(AgencyName.columns).from(Agency.schema).orderBy("sort_key").all(
            decoding: AgencyName.self)
        return rows.map { row in
            let agency = Agency()
            agency.id = row.id
            agency.code = row.code
            agency.officialName = row.official_name
            agency.shortName = row.short_name
            agency.kind = row.kind
            agency.$parent.id = row.parent_id
            agency.validFrom = row.valid_from
            agency.validTo = row.valid_to
            agency.sortKey = row.sort_key
            // Not loaded here: aliases, abbreviations, search key. These models are for showing names.
            agency.aliases = []
            agency.abbreviations = []
            agency.searchKey = ""
            return agency
        }
    }
}

extension PlanRows.Task {
    static let columns = [
        "id", "plan_id", "parent_id", "ref", "position", "title", "content", "origin", "timeframe", "timeframe_kind",
        "status", "progress", "version",
    ]
}
extension PlanRows.Named {
    static let columns = ["id", "task_id", "role", "position", "wording", "agency_id", "group_id"]
}
extension PlanRows.Output {
    static let columns = ["id", "task_id", "description", "target", "unit"]
}
extension PlanRows.AgencyName {
    static let columns = [
        "id", "code", "official_name", "short_name", "kind", "parent_id", "valid_from", "valid_to", "sort_key",
    ]
}
