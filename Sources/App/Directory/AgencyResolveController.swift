import Vapor

/// Placeholder until the directory screens land (in progress).
enum AgencyResolveController {
    @Sendable static func show(req: Request) async throws -> Response { throw Abort(.notImplemented) }
}
