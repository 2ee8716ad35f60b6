import Fluent

/// Versions for the records that had none, so every editor saves through one compare-and-set
/// (`Versioned`): agencies, groups, legal documents, indicators and users get `version`, and a plan gets
/// `targets_version` for its indicator-targets screen. Nullable (additive); NULL reads as 0.
struct AddVersionedWrites: AsyncMigration {
    static let versioned = ["agencies", "agency_groups", "legal_documents", "indicators", "users"]

    func prepare(on database: any Database) async throws {
        for schema in Self.versioned {
            try await database.schema(schema).field("version", .int).update()
        }
        try await database.schema("plans").field("targets_version", .int).update()
    }

    func revert(on database: any Database) async throws {
        for schema in Self.versioned {
            try await database.schema(schema).deleteField("version").update()
        }
        try await database.schema("plans").deleteField("targets_version").update()
    }
}
