import Fluent
import SQLKit

/// Indexes for what grows with the years. The audit trail gets an entry for every change; the pages that
/// read it ask for one record's entries (a history, "what changed in our plans": by type and id) or the
/// latest ones (by time). An agency's tasks are found by the agency or by a group it belongs to ("các sở,
/// ban, ngành"). Without these indexes each such page read the whole table (30,000 audit entries and 14,000
/// task agencies after ten years of plans).
struct AddGrowthIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "audit_entries_entity").on(AuditEntry.schema).column("entity_type")
            .column("entity_id").column("at").run()
        try await sql.create(index: "audit_entries_at").on(AuditEntry.schema).column("at").run()
        try await sql.create(index: "task_agencies_group").on(TaskAgency.schema).column("group_id").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "task_agencies_group").run()
        try await sql.drop(index: "audit_entries_at").run()
        try await sql.drop(index: "audit_entries_entity").run()
    }
}
