import Foundation
import Vapor

/// One log line per request: method, path, status and duration; the duration also goes out as a
/// `Server-Timing` header, which the benchmark scripts read.
struct RequestLogMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: request)
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        request.logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue), "path": .string(request.url.path),
                "status": .stringConvertible(response.status.code), "ms": .string(String(format: "%.1f", ms)),
            ])
        response.headers.replaceOrAdd(name: "Server-Timing", value: String(format: "app;dur=%.2f", ms))
        return response
    }
}
