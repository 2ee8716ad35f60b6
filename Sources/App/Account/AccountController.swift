import Fluent
import Vapor

/// A signed-in user's own account: password and interface language.
enum AccountController {
    struct PasswordPage: Encodable {
        let layout: LayoutContext
        let errors: [String: String]
        let locales: [Option]
    }

    typealias Option = SelectOption

    struct PasswordForm: Content {
        var current: String?
        var new: String?
        var confirm: String?
    }

    static let minimumPasswordLength = 10

    @Sendable static func passwordForm(req: Request) async throws -> View {
        try await render(req, errors: [:])
    }

    @Sendable static func changePassword(req: Request) async throws -> Response {
        let user = try req.auth.require(User.self)
        let form = try req.content.decode(PasswordForm.self)
        var errors: [String: String] = [:]
        // The current password is checked under the sign-in throttle, with the same counts: the form must not
        // be a way round it to guess the password of a session left open.
        let now = req.application.authClock.now()
        let throttle = LoginThrottleStore(db: req.db, rules: req.application.settings.loginThrottle)
        let keys = LoginThrottleStore.Keys.passwordCheck(address: req.remoteAddress?.ipAddress, username: user.username)
        switch try await throttle.admit(keys, now: now) {
        case .refused(let decision):
            errors["current"] = req.throttleMessage(decision, now: now)
            return try await render(req, errors: errors).encodeResponse(status: .tooManyRequests, for: req)
        case .admitted(let ticket):
            if try await req.password.async.verify(form.current ?? "", created: user.passwordHash) {
                try await throttle.succeeded(ticket)
            } else {
                try await throttle.failed(ticket, now: now)
                errors["current"] = req.t("account.password.error.current")
            }
        }
        if let problem = passwordProblem(form.new ?? "", username: user.username) {
            errors["new"] = req.t(problem, String(minimumPasswordLength))
        } else if form.new != form.confirm {
            errors["confirm"] = req.t("account.password.error.confirm")
        }
        guard errors.isEmpty else {
            return try await render(req, errors: errors).encodeResponse(status: .badRequest, for: req)
        }
        let hash = try await req.password.async.hash(form.new ?? "")
        try await user.auditedUpdate(on: req.db, by: req.auditContext) { $0.passwordHash = hash }
        // Whoever else holds a session of this account (a lost laptop, a guessed password) is signed out.
        try await ExpiringSessions.endSessions(of: try user.requireID(), keeping: req.session.id, on: req.db)
        req.flash(.success, req.t("account.password.done"))
        return req.redirect(to: SiteURL.workspace.path)
    }

    @Sendable static func changeLocale(req: Request) async throws -> Response {
        let user = try req.auth.require(User.self)
        guard let code = try? req.content.get(String.self, at: "locale"), let locale = AppLocale(rawValue: code) else {
            throw Abort(.badRequest)
        }
        try await user.auditedUpdate(on: req.db, by: req.auditContext) { $0.locale = locale.rawValue }
        req.session.data[LocaleMiddleware.sessionKey] = locale.rawValue
        req.locale = locale
        req.flash(.success, req.t("account.locale.done"))
        return req.redirect(to: SiteURL.accountPassword.path)
    }

    /// The translation key of what is wrong with a new password, or nil if it is acceptable.
    static func passwordProblem(_ password: String, username: String) -> String? {
        if password.count < minimumPasswordLength { return "account.password.error.short" }
        if password.lowercased().contains(username.lowercased()) { return "account.password.error.username" }
        return nil
    }

    static func render(_ req: Request, errors: [String: String]) async throws -> View {
        let user = try req.auth.require(User.self)
        let locales = AppLocale.allCases.map {
            Option(value: $0.rawValue, label: req.t("language.\($0.rawValue)"), selected: $0.rawValue == user.locale)
        }
        return try await req.view.render(
            "account/password",
            PasswordPage(layout: req.layout(titleKey: "account.password.title"), errors: errors, locales: locales))
    }
}
