import Vapor

/// Placeholder until the directory screens land (in progress).
enum AgencyMergeController {
    @Sendable static func form(req: Request) async throws -> Response { throw Abort(.notImplemented) }
    @Sendable static func merge(req: Request) async throws -> Response { throw Abort(.notImplemented) }
}
