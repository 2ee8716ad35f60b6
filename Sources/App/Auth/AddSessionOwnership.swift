import Fluent
import SQLKit

/// Gives session rows an owner, a creation time and a last-seen time (nullable: rows from before have
/// none and count as expired), so the server can expire sessions and end all sessions of one user.
struct AddSessionOwnership: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await database.schema(SessionRow.schema).field("user_id", .uuid).update()
        try await database.schema(SessionRow.schema).field("created_at", .datetime).update()
        try await database.schema(SessionRow.schema).field("seen_at", .datetime).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "sessions_user_id").on(SessionRow.schema).column("user_id").run()
        try await sql.create(index: "sessions_created_at").on(SessionRow.schema).column("created_at").run()
        try await sql.create(index: "sessions_seen_at").on(SessionRow.schema).column("seen_at").run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            for index in ["sessions_user_id", "sessions_created_at", "sessions_seen_at"] {
                try await sql.drop(index: index).run()
            }
        }
        try await database.schema(SessionRow.schema).deleteField("seen_at").update()
        try await database.schema(SessionRow.schema).deleteField("created_at").update()
        try await database.schema(SessionRow.schema).deleteField("user_id").update()
    }
}
