import Vapor

/// Counts the signed-in person's unread notifications before a page is built, so the header can show it
/// on every page (`LayoutContext`'s notifications item). Only for pages (GET) of people signed in; a
/// failure to count shows no number rather than failing the page, and a page built without this
/// middleware (an error page) simply has none.
struct UnreadCountMiddleware: AsyncMiddleware {
    struct Key: StorageKey { typealias Value = Int }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method == .GET, let id = request.auth.get(User.self)?.id {
            request.storage[Key.self] = try? await Notifications.unreadCount(for: id, on: request.db)
        }
        return try await next.respond(to: request)
    }
}
