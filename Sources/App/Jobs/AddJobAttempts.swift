import Fluent
import SQLKit

/// Jobs record their attempts: how many, the last error, when to try again, when the work was done, who
/// holds an attempt in progress (until when) and what to do (a JSON payload, so that a retry does not depend
/// on the day it was planned). Additive: new nullable columns on `job_claims`, and an index.
///
/// Claims made before this migration were made once their work had been tried, so they are marked done.
struct AddJobAttempts: AsyncMigration {
    static var columns: [(String, DatabaseSchema.DataType)] {
        [
            ("attempts", .int), ("last_error", .string), ("next_attempt_at", .datetime), ("done_at", .datetime),
            ("lease_until", .datetime), ("payload", .string),
        ]
    }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one at a time.
        for (name, type) in Self.columns {
            try await database.schema("job_claims").field(FieldKey(stringLiteral: name), type).update()
        }
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw(
            "UPDATE job_claims SET done_at = claimed_at, attempts = 1, outcome = \(bind: "done") WHERE done_at IS NULL"
        ).run()
        try await sql.create(index: "job_claims_pending").on("job_claims").column("done_at").column("next_attempt_at")
            .run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await sql.drop(index: "job_claims_pending").run()
        }
        for (name, _) in Self.columns.reversed() {
            try await database.schema("job_claims").deleteField(FieldKey(stringLiteral: name)).update()
        }
    }
}
