import Vapor

/// Marks a request as one that the sessions middleware handles. It stands right before that middleware in the
/// stack, so a request that failed earlier (a bad path refused by the file middleware, say) is known to have no
/// session: its error page must not touch `request.session`, which Vapor treats as a programming error there.
struct SessionsReady: AsyncMiddleware {
    private struct Key: StorageKey { typealias Value = Bool }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.storage[Key.self] = true
        return try await next.respond(to: request)
    }

    static func isReady(_ request: Request) -> Bool { request.storage[Key.self] ?? false }
}

extension Request {
    /// The session when this request has one to use: the sessions middleware ran, and either a session exists
    /// or `create` asks for one (which stores a session row when the response goes out).
    func sessionIfReady(create: Bool = false) -> Session? {
        guard SessionsReady.isReady(self), create || hasSession else { return nil }
        return session
    }
}
