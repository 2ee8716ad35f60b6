import Fluent
import Foundation

/// One change to one record: who, when, which record, and the fields before and after.
/// The application has no route that edits or deletes these rows.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    enum Action: String, Codable, CaseIterable, Sendable {
        case create, update, delete
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    /// Nil for the system itself (commands, seeding); the name is kept even if the user is renamed.
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_name") var actorName: String
    @OptionalField(key: "address") var address: String?
    /// `Action` raw value.
    @Field(key: "action") var action: String
    /// `Auditable.auditType` of the record (`agency`, `user`, …).
    @Field(key: "entity_type") var entityType: String
    @Field(key: "entity_id") var entityID: String
    @Field(key: "entity_label") var entityLabel: String
    /// JSON object: field → [before, after]; null on either side for create and delete.
    @Field(key: "changes") var changes: String

    init() {}

    init(
        at: Date, context: AuditContext, action: Action, entityType: String, entityID: String,
        entityLabel: String, changes: [String: [String?]]
    ) {
        self.at = at
        self.actorID = context.actorID
        self.actorName = context.actorName
        self.address = context.address
        self.action = action.rawValue
        self.entityType = entityType
        self.entityID = entityID
        self.entityLabel = entityLabel
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        self.changes = String(decoding: (try? encoder.encode(changes)) ?? Data("{}".utf8), as: UTF8.self)
    }

    var decodedChanges: [String: [String?]] {
        (try? JSONDecoder().decode([String: [String?]].self, from: Data(changes.utf8))) ?? [:]
    }
}

struct CreateAuditEntries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema)
            .id()
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor_name", .string, .required)
            .field("address", .string)
            .field("action", .string, .required)
            .field("entity_type", .string, .required)
            .field("entity_id", .string, .required)
            .field("entity_label", .string, .required)
            .field("changes", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema).delete()
    }
}
