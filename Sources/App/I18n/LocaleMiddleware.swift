import Vapor

/// Decides the request's language: `?lang=`, then the session (which login fills from the user's saved choice),
/// then the language cookie, then the user's saved choice, then Vietnamese. A choice made with `?lang=` is kept
/// in the session when there is one, and otherwise in a cookie, so that an anonymous visitor who only reads
/// pages gets no session row.
struct LocaleMiddleware: AsyncMiddleware {
    static let sessionKey = "locale"
    static let cookieName = "ttdn_lang"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let asked = request.query[String.self, at: "lang"].flatMap(AppLocale.init(rawValue:))
        if let asked {
            request.locale = asked
        } else if let saved = request.sessionIfReady()?.data[Self.sessionKey], let locale = AppLocale(rawValue: saved) {
            request.locale = locale
        } else if let saved = request.cookies[Self.cookieName]?.string, let locale = AppLocale(rawValue: saved) {
            request.locale = locale
        } else if let user = request.auth.get(User.self), let locale = AppLocale(rawValue: user.locale) {
            request.locale = locale
        } else {
            request.locale = .default
        }
        let response = try await next.respond(to: request)
        if let asked {
            // The page may have started a session (the login form does): the choice goes with it to sign-in.
            if let session = request.sessionIfReady() {
                session.data[Self.sessionKey] = asked.rawValue
            } else {
                response.cookies[Self.cookieName] = HTTPCookies.Value(
                    string: asked.rawValue, maxAge: 60 * 60 * 24 * 365, path: "/",
                    isSecure: request.application.settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
            }
        }
        return response
    }
}
