import Vapor

/// Placeholder until the directory screens land (in progress).
enum AgencyCSVController {
    @Sendable static func form(req: Request) async throws -> Response { throw Abort(.notImplemented) }
    @Sendable static func importCSV(req: Request) async throws -> Response { throw Abort(.notImplemented) }
    @Sendable static func export(req: Request) async throws -> Response { throw Abort(.notImplemented) }
}
