import Fluent
import TTDNKit
import Vapor

/// Administrators manage users: create, edit roles and agency, deactivate, reset passwords.
enum UserAdminController {
    struct IndexPage: Encodable {
        struct Row: Encodable {
            let href: String
            let name: String
            let username: String
            let agency: String?
            let roles: String
            let active: Bool
        }
        let layout: LayoutContext
        let rows: [Row]
    }

    struct FormPage: Encodable {
        let layout: LayoutContext
        let action: String
        let isNew: Bool
        let resetAction: String?
        /// Set when the account's sign-in is locked: until when, and where to lift the lock.
        let lockedUntil: String?
        let unlockAction: String?
        let username: String
        let displayName: String
        let email: String
        let active: Bool
        let roles: [AccountController.Option]
        let agencies: [AccountController.Option]
        let errors: [String: String]
        /// `User.version` the form was loaded at (editing).
        let version: String
    }

    struct UserForm: Content {
        var username: String?
        var display_name: String?
        var email: String?
        var password: String?
        var agency_id: String?
        var roles: [String]?
        var active: String?
        var version: String?

        var roleSet: Set<Role> { Set((roles ?? []).compactMap(Role.init(rawValue:))) }
        var agencyID: UUID? { agency_id.flatMap(UUID.init(uuidString:)) }
    }

    @Sendable static func index(req: Request) async throws -> View {
        let users = try await User.query(on: req.db).with(\.$roleGrants).with(\.$agency).sort(\.$username).all()
        let rows = try users.map { user in
            IndexPage.Row(
                href: SiteURL.user(try user.requireID()).path, name: user.displayName, username: user.username,
                agency: user.agency?.officialName,
                roles: user.roles.sorted().map { req.t("role.\($0.rawValue)") }.joined(separator: ", "),
                active: user.active)
        }
        return try await req.view.render(
            "users/index", IndexPage(layout: req.layout(titleKey: "users.title"), rows: rows))
    }

    @Sendable static func new(req: Request) async throws -> View {
        try await renderForm(req, user: nil, form: UserForm(), errors: [:])
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let form = try req.content.decode(UserForm.self)
        let service = UserService(db: req.db, hasher: req.password.async, audit: req.auditContext)
        let draft = UserService.Draft(
            username: form.username ?? "", displayName: form.display_name ?? "",
            email: form.email.flatMap { $0.isEmpty ? nil : $0 }, password: form.password ?? "",
            agencyID: form.agencyID, roles: form.roleSet)
        let problems = try await service.problems(with: draft)
        guard problems.isEmpty else {
            let errors = Dictionary(
                problems.map { ($0.field, req.t($0.key, String(AccountController.minimumPasswordLength))) }
            ) { a, _ in a }
            return try await renderForm(req, user: nil, form: form, errors: errors).encodeResponse(
                status: .badRequest, for: req)
        }
        let user = try await service.create(draft)
        req.flash(.success, req.t("user.created", user.username))
        return req.redirect(to: SiteURL.users.path)
    }

    @Sendable static func edit(req: Request) async throws -> View {
        let user = try await load(req)
        let form = UserForm(
            username: user.username, display_name: user.displayName, email: user.email,
            agency_id: user.$agency.id?.uuidString, roles: user.roles.map(\.rawValue), active: user.active ? "on" : nil,
            version: String(user.version))
        return try await renderForm(req, user: user, form: form, errors: [:])
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let user = try await load(req)
        let form = try req.content.decode(UserForm.self)
        let service = UserService(db: req.db, hasher: req.password.async, audit: req.auditContext)
        var errors: [String: String] = [:]
        let name = (form.display_name ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty { errors["display_name"] = req.t("user.error.name") }
        for problem in service.emailProblems(form.email) { errors[problem.field] = req.t(problem.key) }
        for problem in try await service.agencyProblems(agencyID: form.agencyID, roles: form.roleSet) {
            errors[problem.field] = req.t(problem.key)
        }
        // An admin cannot lock themselves out by removing their own admin role or deactivating themselves.
        if user.id == req.auth.get(User.self)?.id, !form.roleSet.contains(.admin) || form.active == nil {
            errors["roles"] = req.t("user.error.self")
        }
        /// Someone saved the user since the form was loaded: the form as typed, with the newer version.
        func conflict() async throws -> Response {
            let current = try await load(req)
            var mine = form
            mine.version = String(current.version)
            return try await renderForm(req, user: current, form: mine, errors: ["form": req.t("user.error.conflict")])
                .encodeResponse(status: .conflict, for: req)
        }
        guard let expected = form.version.flatMap({ Int($0) }), expected == user.version else {
            return try await conflict()
        }
        guard errors.isEmpty else {
            return try await renderForm(req, user: user, form: form, errors: errors).encodeResponse(
                status: .badRequest, for: req)
        }
        do {
            try await req.db.transaction { tx in
                try await user.auditedUpdate(on: tx, by: req.auditContext, expectedVersion: expected) { user in
                    user.displayName = name
                    user.email = form.email.flatMap { $0.isEmpty ? nil : $0 }
                    user.$agency.id = form.agencyID
                    user.active = form.active != nil
                }
                try await service.setRoles(of: user, to: form.roleSet, on: tx)
            }
        } catch is VersionConflict {
            return try await conflict()
        }
        req.flash(.success, req.t("user.saved", user.username))
        return req.redirect(to: SiteURL.users.path)
    }

    @Sendable static func resetPassword(req: Request) async throws -> Response {
        let user = try await load(req)
        let password = (try? req.content.get(String.self, at: "password")) ?? ""
        let service = UserService(db: req.db, hasher: req.password.async, audit: req.auditContext)
        do {
            try await service.resetPassword(of: user, to: password)
        } catch let problem as UserService.Problem {
            req.flash(.error, req.t(problem.key, String(AccountController.minimumPasswordLength)))
            return req.redirect(to: SiteURL.user(try user.requireID()).path)
        }
        req.flash(.success, req.t("user.password_reset", user.username))
        return req.redirect(to: SiteURL.users.path)
    }

    /// Lifts the sign-in lock of an account (many failed passwords from many addresses), audited.
    @Sendable static func unlock(req: Request) async throws -> Response {
        let user = try await load(req)
        let throttle = LoginThrottleStore(db: req.db, rules: req.application.settings.loginThrottle)
        if try await throttle.unlock(user, by: req.auditContext, now: req.application.authClock.now()) {
            req.flash(.success, req.t("user.unlocked", user.username))
        } else {
            req.flash(.info, req.t("user.not_locked", user.username))
        }
        return req.redirect(to: SiteURL.user(try user.requireID()).path)
    }

    static func load(_ req: Request) async throws -> User {
        guard let user = try await User.query(on: req.db).filter(\.$id == req.recordID()).with(\.$roleGrants).first()
        else { throw Abort(.notFound) }
        return user
    }

    static func renderForm(_ req: Request, user: User?, form: UserForm, errors: [String: String]) async throws -> View {
        let agencies = try await Agency.query(on: req.db).sort(\.$sortKey).all().filter { $0.isCurrent(on: req.today) }
        let chosenRoles = Set(form.roles ?? [])
        var lockedUntil: Date?
        if let user {
            let throttle = LoginThrottleStore(db: req.db, rules: req.application.settings.loginThrottle)
            lockedUntil = try await throttle.accountLockedUntil(
                username: user.username, now: req.application.authClock.now())
        }
        let page = FormPage(
            layout: req.layout(titleKey: user == nil ? "user.new.title" : "user.edit.title"),
            action: user.flatMap { $0.id.map { SiteURL.user($0).path } } ?? SiteURL.users.path,
            isNew: user == nil, resetAction: user?.id.map { SiteURL.userResetPassword($0).path },
            lockedUntil: lockedUntil.map { Formatting.dateTime($0, req.locale) },
            unlockAction: lockedUntil == nil ? nil : user?.id.map { SiteURL.userUnlock($0).path },
            username: form.username ?? "", displayName: form.display_name ?? "", email: form.email ?? "",
            active: user == nil || form.active != nil,
            roles: Role.allCases.map {
                .init(
                    value: $0.rawValue, label: req.t("role.\($0.rawValue)"), selected: chosenRoles.contains($0.rawValue)
                )
            },
            agencies: agencies.map {
                .init(value: $0.id!.uuidString, label: $0.officialName, selected: $0.id?.uuidString == form.agency_id)
            },
            errors: errors, version: form.version ?? "0")
        return try await req.view.render("users/form", page)
    }
}
