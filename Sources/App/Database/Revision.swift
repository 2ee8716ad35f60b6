import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Counters that go up with every change to a family of tables, in the same transaction as the change.
/// An app instance that keeps something derived from those tables in memory reads the counter (one short
/// query) to know whether what it keeps is still current, whichever instance or command made the change.
enum Revision: String, CaseIterable {
    /// Agencies, groups, memberships and successions: the names the plan and reporting screens show.
    case directory
    /// Plan tasks, their named agencies and expected outputs: a plan's task tree.
    case plans
    /// Regimes, obligations and submissions: the reporting grids and the home pages' report lists.
    case reporting
    /// The site's languages, topics, articles and their versions and images: every public page, feed and
    /// sitemap is kept rendered behind it.
    case site

    static let schema = "revisions"

    /// The counter (0 before the first change); nil on a database without SQL, where nothing can be cached.
    func current(on db: any Database) async throws -> Int? {
        guard let sql = db as? any SQLDatabase else { return nil }
        let row = try await sql.raw("SELECT value FROM revisions WHERE name = \(bind: rawValue)").first()
        return try row?.decode(column: "value", as: Int.self) ?? 0
    }

    /// How many times this process bumped each counter: a cache that trusts its last reading for a moment
    /// (`RevisionCache.trust`) reads afresh as soon as a change was made here, so that whoever made it sees it.
    static let localBumps = NIOLockedValueBox<[Revision: Int]>([:])

    func bump(on db: any Database) async throws {
        Self.localBumps.withLockedValue { $0[self, default: 0] += 1 }
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw(
            """
            INSERT INTO revisions (name, value) VALUES (\(bind: rawValue), 1)
            ON CONFLICT (name) DO UPDATE SET value = revisions.value + 1
            """
        ).run()
    }
}

/// Bumps `revision` whenever a row of one of `schemas` is created, updated or deleted through Fluent, on
/// the same database handle (so inside the change's transaction when there is one). Registered in
/// `MemoryCaches.register`. Query-level writes (`query(on:).delete()`) do not pass here: code that writes
/// these tables that way must bump the revision itself.
struct RevisionBumping: AnyModelMiddleware {
    let revision: Revision
    let schemas: Set<String>

    init(_ revision: Revision, models: [any Model.Type]) {
        self.revision = revision
        self.schemas = Set(models.map { $0.schema })
    }

    func handle(
        _ event: ModelEvent, _ model: any AnyModel, on db: any Database, chainingTo next: any AnyModelResponder
    ) -> EventLoopFuture<Void> {
        let done = next.handle(event, model, on: db)
        guard schemas.contains(type(of: model).schema) else { return done }
        return done.flatMap { db.eventLoop.makeFutureWithTask { try await revision.bump(on: db) } }
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
