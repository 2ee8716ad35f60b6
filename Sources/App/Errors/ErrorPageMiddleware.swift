import Foundation
import Vapor

/// Turns every error into a friendly page in the visitor's language (or JSON for JSON clients),
/// logs server errors with their details, and never shows a stack trace or internal reason.
struct ErrorPageMiddleware: AsyncMiddleware {
    struct ErrorPage: Encodable {
        let layout: LayoutContext
        let status: Int
        let heading: String
        let message: String
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return await page(for: error, request: request)
        }
    }

    func page(for error: any Error, request: Request) async -> Response {
        let status: HTTPResponseStatus
        var headers: HTTPHeaders = [:]
        if let abort = error as? any AbortError {
            status = abort.status
            headers = abort.headers
        } else {
            status = .internalServerError
        }
        if status.code >= 500 {
            request.logger.report(error: error)
        } else {
            request.logger.info(
                "request refused",
                metadata: ["status": .stringConvertible(status.code), "path": .string(request.url.path)])
        }
        let key = Self.messageKey(for: status, error: error)
        // JSON only for clients whose first choice is JSON: browsers send `*/*` and get the page.
        let firstChoice = request.headers.first(name: .accept)?.split(separator: ",").first?
            .split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        if firstChoice == "application/json" || request.url.path == SiteURL.healthz.path {
            let body = ["error": request.t(key + ".title"), "status": String(status.code)]
            let response = Response(status: status, headers: headers)
            try? response.content.encode(body)
            return response
        }
        let context = ErrorPage(
            layout: request.layout(titleKey: key + ".title"), status: Int(status.code),
            heading: request.t(key + ".title"), message: request.t(key + ".message"))
        do {
            let view = try await request.view.render("error", context)
            let response = try await view.encodeResponse(status: status, for: request)
            for (name, value) in headers where name.lowercased() == "retry-after" {
                response.headers.replaceOrAdd(name: name, value: value)
            }
            return response
        } catch {
            request.logger.report(error: error)
            return Response(status: status, body: .init(string: "\(status.code)"))
        }
    }

    static func messageKey(for status: HTTPResponseStatus, error: any Error) -> String {
        if let abort = error as? any AbortError, abort.reason == "csrf" { return "error.csrf" }
        switch status.code {
        case 400: return "error.400"
        case 401: return "error.401"
        case 403: return "error.403"
        case 404: return "error.404"
        case 409: return "error.409"
        case 413: return "error.413"
        case 429: return "error.429"
        default: return status.code >= 500 ? "error.500" : "error.400"
        }
    }
}
