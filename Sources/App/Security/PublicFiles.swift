import Vapor

/// Serves `Public/` through Vapor's `FileMiddleware`, but only for paths a file there could have. A path longer
/// than the file system takes (a segment over 255 bytes, or over 1024 in all) makes the file middleware's look-up
/// fail with an error that is not a refusal, which would answer 500; such a request goes straight on to the routes,
/// which answer 404.
struct PublicFiles: AsyncMiddleware {
    let files: FileMiddleware

    init(publicDirectory: String) {
        files = FileMiddleware(publicDirectory: publicDirectory)
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = request.url.path
        let fits = path.utf8.count <= 1024 && path.split(separator: "/").allSatisfy { $0.utf8.count <= 255 }
        guard fits else { return try await next.respond(to: request) }
        return try await files.respond(to: request, chainingTo: next)
    }
}
