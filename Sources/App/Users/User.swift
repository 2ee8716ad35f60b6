import Fluent
import Foundation
import TTDNKit
import Vapor

/// A person who signs in. Passwords are stored as Bcrypt hashes only.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    /// Lower-cased; unique.
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @OptionalField(key: "email") var email: String?
    @Field(key: "password_hash") var passwordHash: String
    /// The agency an officer acts for; the coordinating office's agency for coordinators.
    @OptionalParent(key: "agency_id") var agency: Agency?
    /// `AppLocale` raw value: the interface language this person chose.
    @Field(key: "locale") var locale: String
    @Field(key: "active") var active: Bool
    @Children(for: \.$user) var roleGrants: [UserRole]
    /// `Versioned.version`; NULL (0) for rows written before versions existed. Covers the roles too.
    @OptionalField(key: "version") var storedVersion: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(
        id: UUID? = nil, username: String, displayName: String, email: String? = nil, passwordHash: String,
        agencyID: UUID? = nil, locale: AppLocale = .vi
    ) {
        self.id = id
        self.username = username.lowercased()
        self.displayName = displayName
        self.email = email
        self.passwordHash = passwordHash
        self.$agency.id = agencyID
        self.locale = locale.rawValue
        self.active = true
    }

    var roles: Set<Role> {
        Set((($roleGrants.value) ?? []).compactMap { Role(rawValue: $0.role) })
    }

    var actor: Actor? {
        guard let id else { return nil }
        return Actor(userID: id, roles: roles, agencyID: $agency.id)
    }
}

/// One role held by one user.
final class UserRole: Model, @unchecked Sendable {
    static let schema = "user_roles"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    /// `Role` raw value.
    @Field(key: "role") var role: String

    init() {}

    init(userID: UUID, role: Role) {
        self.$user.id = userID
        self.role = role.rawValue
    }
}

extension User: ModelSessionAuthenticatable {}

struct CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("email", .string)
            .field("password_hash", .string, .required)
            .field("agency_id", .uuid, .references(Agency.schema, "id", onDelete: .setNull))
            .field("locale", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "username")
            .create()
        try await database.schema(UserRole.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("role", .string, .required)
            .unique(on: "user_id", "role")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserRole.schema).delete()
        try await database.schema(User.schema).delete()
    }
}
