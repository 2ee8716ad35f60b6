import Vapor

/// Refuses a body larger than the route takes (`Route.maxBodyBytes`) from its declared length, before a byte of
/// it is read, and answers 413. A body sent without a length (chunked) is bounded when it is collected, by the
/// same number. Runs after `PermissionMiddleware`, so only someone who may use the route learns its limit.
struct BodyLimitMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let limit = request.route?.maxBodyBytes ?? 2 << 20
        if let declared = request.headers.first(name: .contentLength) {
            guard let length = Int(declared.trimmingCharacters(in: .whitespaces)), length >= 0 else {
                request.discardUnreadBody()
                throw Abort(.badRequest)
            }
            guard length <= limit else {
                request.discardUnreadBody()
                throw Abort(.payloadTooLarge)
            }
        }
        return try await next.respond(to: request)
    }
}
