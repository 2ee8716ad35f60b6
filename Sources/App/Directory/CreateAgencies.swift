import Fluent
import SQLKit

struct CreateAgencies: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Agency.schema)
            .id()
            .field("code", .string, .required)
            .field("official_name", .string, .required)
            .field("short_name", .string)
            .field("kind", .string, .required)
            .field("parent_id", .uuid, .references(Agency.schema, "id", onDelete: .restrict))
            .field("aliases", .array(of: .string), .required)
            .field("abbreviations", .array(of: .string), .required)
            .field("valid_from", .string)
            .field("valid_to", .string)
            .field("search_key", .string, .required)
            .field("sort_key", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
        try await database.schema(AgencySuccession.schema)
            .id()
            .field("predecessor_id", .uuid, .required, .references(Agency.schema, "id", onDelete: .cascade))
            .field("successor_id", .uuid, .required, .references(Agency.schema, "id", onDelete: .restrict))
            .field("kind", .string, .required)
            .field("effective", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "predecessor_id", "successor_id")
            .create()
        try await database.schema(AgencyGroup.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("aliases", .array(of: .string), .required)
            .field("search_key", .string, .required)
            .field("sort_key", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
        try await database.schema(AgencyGroupMember.schema)
            .id()
            .field("group_id", .uuid, .required, .references(AgencyGroup.schema, "id", onDelete: .cascade))
            .field("agency_id", .uuid, .required, .references(Agency.schema, "id", onDelete: .cascade))
            .unique(on: "group_id", "agency_id")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "agencies_sort_key").on(Agency.schema).column("sort_key").run()
            try await sql.create(index: "agencies_parent_id").on(Agency.schema).column("parent_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AgencyGroupMember.schema).delete()
        try await database.schema(AgencyGroup.schema).delete()
        try await database.schema(AgencySuccession.schema).delete()
        try await database.schema(Agency.schema).delete()
    }
}
