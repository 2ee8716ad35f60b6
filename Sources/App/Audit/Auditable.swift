import Fluent
import Foundation
import Vapor

/// Who is making a change, as the audit trail records it.
struct AuditContext: Sendable {
    var actorID: UUID?
    var actorName: String
    var address: String?
    /// What stamps the entries: the application's clock, so a test's fixed day is the day in the trail too.
    var clock: AppClock

    /// Changes made by a command or the demo seeder rather than a signed-in person.
    static func system(_ name: String, clock: AppClock) -> AuditContext {
        AuditContext(actorID: nil, actorName: name, address: nil, clock: clock)
    }
}

extension Request {
    var auditContext: AuditContext {
        let user = auth.get(User.self)
        return AuditContext(
            actorID: user?.id, actorName: user.map { "\($0.displayName) (\($0.username))" } ?? "—",
            address: remoteAddress?.ipAddress, clock: application.clock)
    }
}

/// A model whose every create, update and delete goes into the audit trail.
///
/// Application code changes such models only through `auditedCreate`, `auditedUpdate` and
/// `auditedDelete` (a test fails if a plain `save`, `create`, `update` or `delete` appears elsewhere),
/// so the record and its audit entry are written in one transaction or not at all.
protocol Auditable: Model where IDValue == UUID {
    static var auditType: String { get }
    /// The fields as people read them; compared before and after an update.
    var auditFields: [String: String] { get }
    var auditLabel: String { get }
}

extension Auditable {
    func auditedCreate(on db: any Database, by context: AuditContext) async throws {
        try await db.transaction { tx in
            try await self.create(on: tx)
            try await self.recordAudit(.create, before: [:], after: self.auditFields, on: tx, by: context)
        }
    }

    /// Applies `change` and saves; records only the fields that changed (nothing if none did).
    /// A `Versioned` model never comes here: its own `auditedUpdate` is a compare-and-set.
    func auditedUpdate(on db: any Database, by context: AuditContext, _ change: (Self) throws -> Void)
        async throws
    {
        let before = auditFields
        try change(self)
        let after = auditFields
        try await db.transaction { tx in
            try await self.save(on: tx)
            if before != after {
                try await self.recordAudit(.update, before: before, after: after, on: tx, by: context)
            }
        }
    }

    func auditedDelete(on db: any Database, by context: AuditContext) async throws {
        let before = auditFields
        try await db.transaction { tx in
            try await self.delete(on: tx)
            try await self.recordAudit(.delete, before: before, after: [:], on: tx, by: context)
        }
    }

    func recordAudit(
        _ action: AuditEntry.Action, before: [String: String], after: [String: String],
        on db: any Database, by context: AuditContext
    ) async throws {
        var changes: [String: [String?]] = [:]
        for key in Set(before.keys).union(after.keys) where before[key] != after[key] {
            changes[key] = [before[key], after[key]]
        }
        let entry = AuditEntry(
            at: context.clock.now(), context: context, action: action, entityType: Self.auditType,
            entityID: id?.uuidString ?? "", entityLabel: auditLabel, changes: changes)
        try await entry.create(on: db)
    }
}
