import Fluent
import SQLKit

/// The links from work to the plan tasks it counts toward, with their final constraints: one link per
/// piece of work and task; a task's links found by the task.
struct CreateOutputLinks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OutputLink.schema)
            .id()
            .field("output_kind", .string, .required)
            .field("output_id", .uuid, .required)
            .field("task_id", .uuid, .required, .references(PlanTask.schema, "id", onDelete: .cascade))
            .field("created_by", .uuid)
            .field("created_at", .datetime)
            .unique(on: "output_kind", "output_id", "task_id")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "output_links_task").on(OutputLink.schema).column("task_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OutputLink.schema).delete()
    }
}
