import Fluent
import SQLKit

/// The audit trail grows by every change for years; the pages that read it ask for one record's entries
/// (a history, "what changed in our plans": by type and id) or the latest ones (by time). Without these
/// indexes each such page read the whole table (30,000 rows after ten years of demo plans).
struct AddAuditIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "audit_entries_entity").on(AuditEntry.schema).column("entity_type")
            .column("entity_id").column("at").run()
        try await sql.create(index: "audit_entries_at").on(AuditEntry.schema).column("at").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "audit_entries_at").run()
        try await sql.drop(index: "audit_entries_entity").run()
    }
}
