import Fluent
import Vapor

/// Restores the signed-in user from the session, with their roles, on every request.
/// Inactive users are signed out at once.
struct UserSessionAuthenticator: AsyncSessionAuthenticator {
    typealias User = App.User

    func authenticate(sessionID: UUID, for request: Request) async throws {
        guard
            let user = try await App.User.query(on: request.db).filter(\.$id == sessionID).with(\.$roleGrants)
                .first(), user.active
        else { return }
        request.auth.login(user)
    }
}
