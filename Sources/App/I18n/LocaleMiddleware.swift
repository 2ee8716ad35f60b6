import Vapor

/// Decides the request's language: `?lang=` (remembered in the session), then the session
/// (which login fills from the user's saved choice), then the user's saved choice, then Vietnamese.
struct LocaleMiddleware: AsyncMiddleware {
    static let sessionKey = "locale"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let asked = request.query[String.self, at: "lang"], let locale = AppLocale(rawValue: asked) {
            request.locale = locale
            request.session.data[Self.sessionKey] = locale.rawValue
        } else if request.hasSession, let saved = request.session.data[Self.sessionKey],
            let locale = AppLocale(rawValue: saved)
        {
            request.locale = locale
        } else if let user = request.auth.get(User.self), let locale = AppLocale(rawValue: user.locale) {
            request.locale = locale
        } else {
            request.locale = .default
        }
        return try await next.respond(to: request)
    }
}
