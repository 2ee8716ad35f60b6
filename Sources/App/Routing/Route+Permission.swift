import TTDNKit
import Vapor

extension Route {
    static let permissionKey = "ttdn.permission"
    static let maxBodyKey = "ttdn.maxBody"
    static let streamedFormKey = "ttdn.streamedForm"

    /// The most bytes this route's body may have (set by `RoutesBuilder.post`).
    var maxBodyBytes: Int? {
        userInfo[Self.maxBodyKey] as? Int
    }

    /// The handler reads the body as it streams in (`StreamedForm`), CSRF token included.
    var takesStreamedForm: Bool {
        userInfo[Self.streamedFormKey] as? Bool ?? false
    }

    /// The permission this route requires; `PermissionMiddleware` enforces it.
    var permission: Permission? {
        userInfo[Self.permissionKey] as? Permission
    }

    @discardableResult
    func requires(_ permission: Permission) -> Route {
        userInfo[Self.permissionKey] = permission
        return self
    }
}

/// Enforces each route's permission through `Policy`. A route registered without one is refused:
/// nothing is reachable by accident. Anonymous visitors are sent to the login page; signed-in users
/// without the permission get 403. It runs before anything reads the body, so a refused visitor's body is
/// never collected or parsed.
struct PermissionMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let permission = request.route?.permission else {
            request.logger.error("route without a permission", metadata: ["path": .string(request.url.path)])
            throw Abort(.internalServerError, reason: "route without a permission")
        }
        let user = request.auth.get(User.self)
        guard Policy.allows(user?.actor, permission) else {
            request.discardUnreadBody()
            if user == nil {
                if request.method == .GET {
                    return request.redirect(to: SiteURL.login.with(["next": request.url.string]))
                }
                throw Abort(.unauthorized)
            }
            throw Abort(.forbidden)
        }
        return try await next.respond(to: request)
    }
}
