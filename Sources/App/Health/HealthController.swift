import Fluent
import SQLKit
import Vapor

/// `GET /healthz`: 200 when the database answers, 503 when it does not (for the proxy's checks).
enum HealthController {
    @Sendable static func check(req: Request) async throws -> Response {
        do {
            guard let sql = req.db as? any SQLDatabase else { throw Abort(.serviceUnavailable) }
            try await sql.raw("SELECT 1").run()
            return Response(status: .ok, body: .init(string: "ok\n"))
        } catch {
            req.logger.warning("health check failed", metadata: ["error": .string("\(error)")])
            return Response(status: .serviceUnavailable, body: .init(string: "database unavailable\n"))
        }
    }
}
