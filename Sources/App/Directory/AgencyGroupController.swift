import Vapor

/// Placeholder until the directory screens land (in progress).
enum AgencyGroupController {
    @Sendable static func index(req: Request) async throws -> Response { throw Abort(.notImplemented) }
    @Sendable static func new(req: Request) async throws -> Response { throw Abort(.notImplemented) }
    @Sendable static func create(req: Request) async throws -> Response { throw Abort(.notImplemented) }
    @Sendable static func show(req: Request) async throws -> Response { throw Abort(.notImplemented) }
    @Sendable static func edit(req: Request) async throws -> Response { throw Abort(.notImplemented) }
    @Sendable static func update(req: Request) async throws -> Response { throw Abort(.notImplemented) }
}
