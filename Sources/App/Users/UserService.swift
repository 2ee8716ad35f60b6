import Fluent
import Foundation
import TTDNKit
import Vapor

/// Creating users and changing their roles, shared by the admin screens, `ttdn user` and the demo.
struct UserService {
    let db: any Database
    let hasher: AsyncPasswordHasher
    let audit: AuditContext

    enum Problem: Error, Equatable {
        case usernameInvalid, usernameTaken, displayNameMissing
        case passwordWeak(String)
        case agencyRequired, agencyUnknown
        /// The address cannot be used (a line break, a space, not `name@domain`: `MailAddress`).
        case emailInvalid(MailAddress.Problem)
        /// The translation key of the message shown next to the field.
        var key: String {
            switch self {
            case .usernameInvalid: "user.error.username"
            case .usernameTaken: "user.error.taken"
            case .displayNameMissing: "user.error.name"
            case .passwordWeak(let key): key
            case .agencyRequired: "user.error.agency_required"
            case .agencyUnknown: "user.error.agency_unknown"
            case .emailInvalid(let problem): "user.error.email.\(problem.rawValue)"
            }
        }
        var field: String {
            switch self {
            case .usernameInvalid, .usernameTaken: "username"
            case .displayNameMissing: "display_name"
            case .passwordWeak: "password"
            case .agencyRequired, .agencyUnknown: "agency_id"
            case .emailInvalid: "email"
            }
        }
    }

    struct Draft: Sendable {
        var username: String
        var displayName: String
        var email: String?
        var password: String
        var agencyID: UUID?
        var roles: Set<Role>
        var locale: AppLocale = .vi
    }

    /// All problems with a draft at once, so a form can show each next to its field.
    func problems(with draft: Draft) async throws -> [Problem] {
        var problems: [Problem] = []
        let username = draft.username.lowercased()
        if username.range(of: #"^[a-z0-9][a-z0-9._-]{2,39}$"#, options: .regularExpression) == nil {
            problems.append(.usernameInvalid)
        } else if try await User.query(on: db).filter(\.$username == username).count() > 0 {
            problems.append(.usernameTaken)
        }
        if draft.displayName.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(.displayNameMissing) }
        if let key = AccountController.passwordProblem(draft.password, username: username) {
            problems.append(.passwordWeak(key))
        }
        problems += emailProblems(draft.email)
        problems += try await agencyProblems(agencyID: draft.agencyID, roles: draft.roles)
        return problems
    }

    /// An address is optional; one that is given must be usable in a mail's envelope and headers.
    func emailProblems(_ email: String?) -> [Problem] {
        guard let email, !email.isEmpty, let problem = MailAddress.problem(email) else { return [] }
        return [.emailInvalid(problem)]
    }

    func agencyProblems(agencyID: UUID?, roles: Set<Role>) async throws -> [Problem] {
        if let agencyID {
            if try await Agency.find(agencyID, on: db) == nil { return [.agencyUnknown] }
        } else if roles.contains(.agencyOfficer) {
            return [.agencyRequired]
        }
        return []
    }

    func create(_ draft: Draft) async throws -> User {
        let problems = try await problems(with: draft)
        if let first = problems.first { throw first }
        let hash = try await hasher.hash(draft.password)
        let user = User(
            username: draft.username, displayName: draft.displayName.trimmingCharacters(in: .whitespaces),
            email: draft.email, passwordHash: hash, agencyID: draft.agencyID, locale: draft.locale)
        try await db.transaction { tx in
            try await user.auditedCreate(on: tx, by: audit)
            try await setRoles(of: user, to: draft.roles, on: tx)
        }
        return user
    }

    /// Replaces the user's roles with `roles`, auditing each grant and withdrawal.
    func setRoles(of user: User, to roles: Set<Role>, on db: any Database) async throws {
        let userID = try user.requireID()
        let existing = try await UserRole.query(on: db).filter(\.$user.$id == userID).all()
        for grant in existing where !roles.contains(where: { $0.rawValue == grant.role }) {
            try await grant.auditedDelete(on: db, by: audit)
        }
        for role in roles.sorted() where !existing.contains(where: { $0.role == role.rawValue }) {
            try await UserRole(userID: userID, role: role).auditedCreate(on: db, by: audit)
        }
    }

    func resetPassword(of user: User, to password: String) async throws {
        if let key = AccountController.passwordProblem(password, username: user.username) {
            throw Problem.passwordWeak(key)
        }
        let hash = try await hasher.hash(password)
        try await user.auditedUpdate(on: db, by: audit) { $0.passwordHash = hash }
        // A reset is for an account that may be in the wrong hands: every session of it ends.
        try await ExpiringSessions.endSessions(of: try user.requireID(), on: db)
    }
}
