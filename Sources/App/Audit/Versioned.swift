import Fluent
import Foundation
import SQLKit

/// An editable record with a version that goes up with every save, so a save made from an old reading
/// becomes a conflict instead of overwriting what someone else saved.
///
/// There is one way to write it: `auditedUpdate(on:by:expectedVersion:_:)`. Inside one transaction it
/// first moves the row's version on *only if it still is* `expectedVersion`
/// (`UPDATE … SET version = expected + 1 WHERE id = ? AND version = expected RETURNING id`, no row → conflict),
/// then writes the fields through Fluent (so model middleware, such as the `Revision` counters, runs) and
/// the audit entry with the fields before and after. Two saves carrying one version cannot both pass: on
/// PostgreSQL the second waits for the first's row lock and then finds the version moved; on SQLite the
/// writes are serialised. The claim is the transaction's first statement, so on SQLite a waiting writer
/// waits (busy timeout) instead of failing on a stale snapshot.
///
/// For a versioned model the plain `auditedUpdate(on:by:_:)` is the same write with the version the model
/// was read at, so a merge or an import cannot silently undo an edit made since it read the row either.
protocol Versioned: Auditable {
    /// The stored version (0 for a row written before the column existed).
    var version: Int { get set }
    /// The column holding it (`version`).
    static var versionColumn: String { get }
    /// The `Revision` family of the table, if it is kept in memory: the claim is a query-level write,
    /// so it bumps the counter itself (a claim followed by no save still moved the version).
    static var revision: Revision? { get }
}

extension Versioned {
    static var versionColumn: String { "version" }
    static var revision: Revision? { nil }

    /// Saves `change` over the record if it is still at `expectedVersion`; otherwise throws `VersionConflict`
    /// and writes nothing. The record must have been read at `expectedVersion` (else: conflict at once).
    func auditedUpdate(
        on db: any Database, by context: AuditContext, expectedVersion: Int, _ change: (Self) throws -> Void
    ) async throws {
        guard version == expectedVersion else { throw VersionConflict() }
        let id = try requireID()
        let before = auditFields
        // Applied to this copy first (the transaction's closure may not capture `change`); nothing is
        // written unless the claim succeeds.
        try change(self)
        version = expectedVersion + 1
        let after = auditFields
        try await db.transaction { tx in
            try await VersionedWrite.claim(
                Self.schema, id: id, expected: expectedVersion, column: Self.versionColumn, revision: Self.revision,
                on: tx)
            try await self.save(on: tx)
            if before != after {
                try await self.recordAudit(.update, before: before, after: after, on: tx, by: context)
            }
        }
    }

    /// The first half of a versioned write that must read the row under its claim (a task moved among
    /// its siblings, a report whose content is merged): claims row `id` at `expectedVersion` — the first
    /// statement of the caller's transaction — and reads it back. The row returned is at
    /// `expectedVersion + 1` with its other fields as they were; finish with `auditedUpdateAfterClaim`.
    static func claim(_ id: UUID, expectedVersion: Int, on tx: any Database) async throws -> Self {
        try await VersionedWrite.claim(
            schema, id: id, expected: expectedVersion, column: versionColumn, revision: revision, on: tx)
        guard let row = try await find(id, on: tx) else { throw VersionConflict() }
        return row
    }

    /// The second half: writes `change` over a row returned by `claim` (in the same transaction) and
    /// records the fields that changed.
    func auditedUpdateAfterClaim(on tx: any Database, by context: AuditContext, _ change: (Self) throws -> Void)
        async throws
    {
        var before = auditFields
        // The claim already moved the version; the entry shows the one the write started from.
        if before["version"] != nil { before["version"] = String(version - 1) }
        try change(self)
        try await save(on: tx)
        let after = auditFields
        if before != after { try await recordAudit(.update, before: before, after: after, on: tx, by: context) }
    }

    /// The versioned write with the version the model was read at.
    func auditedUpdate(on db: any Database, by context: AuditContext, _ change: (Self) throws -> Void) async throws {
        try await auditedUpdate(on: db, by: context, expectedVersion: version, change)
    }
}

/// The compare-and-set at the heart of every versioned write, also used where the version guards more
/// than one row (a plan's indicator targets).
enum VersionedWrite {
    /// Moves `column` of row `id` from `expected` to `expected + 1`, or throws `VersionConflict` when the row
    /// is not (or no longer) at `expected`. A NULL column counts as 0 (columns added to existing tables).
    static func claim(
        _ schema: String, id: UUID, expected: Int, column: String = "version", revision: Revision? = nil,
        on db: any Database
    ) async throws {
        // The expected version comes from a form: one no row can have (or whose successor overflows) is a conflict.
        guard (0..<Int.max).contains(expected), let sql = db as? any SQLDatabase else { throw VersionConflict() }
        let rows = try await sql.raw(
            """
            UPDATE \(ident: schema) SET \(ident: column) = \(bind: expected + 1) \
            WHERE id = \(bind: id) AND COALESCE(\(ident: column), 0) = \(bind: expected) RETURNING id
            """
        ).all()
        guard rows.count == 1 else { throw VersionConflict() }
        try await revision?.bump(on: db)
    }
}
