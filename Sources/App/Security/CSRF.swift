import Crypto
import Foundation
import Vapor

/// A per-session secret that every state-changing form sends back as `_csrf`.
enum CSRF {
    static let sessionKey = "csrf"
    static let fieldName = "_csrf"

    /// The session's token, made on first use. With `create` this starts a session for an anonymous visitor
    /// (the login form needs one); otherwise a visitor without a session gets no token and no session row.
    /// Empty when the request never reached the sessions middleware (an early error page).
    static func token(for request: Request, create: Bool) -> String {
        guard let session = request.sessionIfReady(create: create) else { return "" }
        if let existing = session.data[sessionKey] { return existing }
        let token = Data(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }).base64URLEncoded()
        session.data[sessionKey] = token
        return token
    }

    /// Constant-time comparison, so the token cannot be guessed byte by byte.
    static func matches(_ sent: String?, request: Request) -> Bool {
        guard let sent, !sent.isEmpty, let expected = request.sessionIfReady()?.data[sessionKey] else { return false }
        let a = Array(sent.utf8)
        let b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}

/// Refuses POST, PUT, PATCH and DELETE without the session's token (form field `_csrf`, or the
/// `X-CSRF-Token` header for scripts).
struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        switch request.method {
        case .GET, .HEAD, .OPTIONS:
            return try await next.respond(to: request)
        default:
            var sent = request.headers.first(name: "X-CSRF-Token")
            if sent == nil, request.route?.takesStreamedForm == true {
                // `StreamedForm` reads the token from the stream, before any file is written.
                return try await next.respond(to: request)
            }
            if sent == nil {
                // A large form arrives as a stream: collect it (up to the route's limit) to read the token.
                if request.body.data == nil, let max = request.route?.maxBodyBytes {
                    _ = try await request.body.collect(max: max).get()
                }
                sent = try? request.content.get(String.self, at: CSRF.fieldName)
            }
            guard CSRF.matches(sent, request: request) else {
                throw Abort(.forbidden, reason: "csrf")
            }
            return try await next.respond(to: request)
        }
    }
}

extension Data {
    func base64URLEncoded() -> String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
