import Fluent
import Foundation
import TTDNKit
import Vapor

/// Signing in and out. Attempts are throttled per address and per account (`LoginThrottleStore`).
enum LoginController {
    struct LoginPage: Encodable {
        let layout: LayoutContext
        let username: String
        let next: String
        let error: String?
    }

    struct LoginForm: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    @Sendable static func show(req: Request) async throws -> Response {
        if req.auth.has(User.self) { return req.redirect(to: SiteURL.workspace.path) }
        let next = safeNext(req.query[String.self, at: "next"])
        return try await render(req, username: "", next: next, error: nil, status: .ok)
    }

    @Sendable static func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let username = (form.username ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form.password ?? ""
        let next = safeNext(form.next)
        guard !username.isEmpty, !password.isEmpty else {
            return try await render(
                req, username: username, next: next, error: req.t("login.error.missing"), status: .badRequest)
        }
        let now = req.application.authClock.now()
        let throttle = LoginThrottleStore(db: req.db, rules: req.application.settings.loginThrottle)
        let keys = LoginThrottleStore.Keys(address: req.remoteAddress?.ipAddress, username: username)
        let ticket: LoginThrottleStore.Ticket
        switch try await throttle.admit(keys, now: now) {
        case .admitted(let admitted): ticket = admitted
        case .refused(let decision):
            return try await render(
                req, username: username, next: next, error: req.throttleMessage(decision, now: now),
                status: .tooManyRequests)
        }
        let user = try await User.query(on: req.db).filter(\.$username == username).with(\.$roleGrants).first()
        // Verify even when the user does not exist, so timing does not tell which names exist.
        let hash = user?.passwordHash ?? "$2b$12$C6UzMDM.H6dfI/f/IKxGhuH6BTnDHzOaNI4FMrxt5W9f0FdC7wKUi"
        let valid = (try? await req.password.async.verify(password, created: hash)) ?? false
        guard let user, valid, user.active else {
            try await throttle.failed(ticket, now: now)
            return try await render(
                req, username: username, next: next, error: req.t("login.error.invalid"), status: .unauthorized)
        }
        try await throttle.succeeded(ticket)
        // A new session id on sign-in, so a session id planted before login is worthless:
        // the old record is deleted and the middleware issues a fresh id and cookie.
        let locale = req.hasSession ? req.session.data[LocaleMiddleware.sessionKey] : nil
        if req.hasSession, let oldID = req.session.id {
            try await req.application.sessions.driver.deleteSession(oldID, for: req).get()
        }
        req.session.id = nil
        req.session.data = SessionData()
        req.auth.login(user)
        req.session.authenticate(user)
        req.session.data[LocaleMiddleware.sessionKey] = locale ?? user.locale
        return req.redirect(to: next ?? SiteURL.workspace.path)
    }

    @Sendable static func logout(req: Request) async throws -> Response {
        req.auth.logout(User.self)
        req.session.destroy()
        return req.redirect(to: SiteURL.login.path)
    }

    static func render(_ req: Request, username: String, next: String?, error: String?, status: HTTPStatus) async throws
        -> Response
    {
        let page = LoginPage(
            layout: req.layout(titleKey: "login.title", anonymousForm: true), username: username, next: next ?? "",
            error: error)
        return try await req.view.render("login", page).encodeResponse(status: status, for: req)
    }

    /// Only local paths: a login link must not send people to another site.
    static func safeNext(_ next: String?) -> String? {
        LocalRedirect.path(next)
    }
}
