import Fluent
import SQLKit

/// The whole plan, not its skeleton (issue 11): a task records where it comes from (`origin`: the content
/// parts, or *Tổ chức thực hiện* turned into work by `ImplementationTasks`), and a responsibility its duties
/// as written. Additive: new columns with defaults, so plans imported before keep reading as they were.
struct AddPlanText: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PlanTask.schema)
            .field("origin", .string, .required, .sql(.default(PlanTask.Origin.content.rawValue))).update()
        try await database.schema(PlanResponsibility.schema)
            .field("duties", .string, .required, .sql(.default(""))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PlanResponsibility.schema).deleteField("duties").update()
        try await database.schema(PlanTask.schema).deleteField("origin").update()
    }
}
