import Fluent
import SQLKit
import Vapor

/// Counters that go up with every change to a family of tables, in the same transaction as the change.
/// An app instance that keeps something derived from those tables in memory reads the counter (one short
/// query) to know whether what it keeps is still current, whichever instance or command made the change.
enum Revision: String, CaseIterable {
    /// Agencies, groups, memberships and successions: the names the plan and reporting screens show.
    case directory

    static let schema = "revisions"

    func current(on db: any Database) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { return 0 }
        let row = try await sql.raw("SELECT value FROM revisions WHERE name = \(bind: rawValue)").first()
        return try row?.decode(column: "value", as: Int.self) ?? 0
    }

    func bump(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw(
            """
            INSERT INTO revisions (name, value) VALUES (\(bind: rawValue), 1)
            ON CONFLICT (name) DO UPDATE SET value = revisions.value + 1
            """
        ).run()
    }
}

/// Bumps `revision` whenever a `M` row is created, updated or deleted through Fluent, on the same database
/// handle (so inside the change's transaction when there is one). Registered in `configure`.
struct RevisionBumping<M: Model>: AsyncModelMiddleware {
    let revision: Revision

    func create(model: M, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await bump(after: next.create(model, on: db), on: db)
    }

    func update(model: M, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await bump(after: next.update(model, on: db), on: db)
    }

    func delete(model: M, force: Bool, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await bump(after: next.delete(model, force: force, on: db), on: db)
    }

    func softDelete(model: M, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await bump(after: next.softDelete(model, on: db), on: db)
    }

    func restore(model: M, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await bump(after: next.restore(model, on: db), on: db)
    }

    /// `change` has run (its argument is evaluated first); now the counter.
    private func bump(after change: Void, on db: any Database) async throws {
        try await revision.bump(on: db)
    }
}

struct CreateRevisions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Revision.schema)
            .field("name", .string, .required)
            .field("value", .int64, .required)
            .unique(on: "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Revision.schema).delete()
    }
}
