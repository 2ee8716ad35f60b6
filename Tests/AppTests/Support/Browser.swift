import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import App

/// A test client that keeps cookies like a browser, reads the CSRF token from pages, and sends
/// forms. It talks to the application in memory.
struct Browser {
    let app: Application
    var cookies: [String: String] = [:]
    /// The last CSRF token seen in a page.
    var csrf: String?
    /// In memory by default; `.running(port:)` sends real HTTP, so large bodies arrive as streams.
    var method: Application.Method = .inMemory

    init(_ app: Application, method: Application.Method = .inMemory) {
        self.app = app
        self.method = method
    }

    @discardableResult
    mutating func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        let response = try await send(.GET, path, headers: headers, body: nil)
        if let token = Self.csrfToken(in: response.body.string) { csrf = token }
        return response
    }

    /// Posts a form; the CSRF token is added unless `csrf` is false or the form already has one.
    @discardableResult
    mutating func post(_ path: String, form: [(String, String)] = [], csrf includeToken: Bool = true) async throws
        -> TestingHTTPResponse
    {
        var fields = form
        if includeToken, !fields.contains(where: { $0.0 == "_csrf" }) {
            if csrf == nil { try await get(SiteURL.login.path) }
            fields.append(("_csrf", csrf ?? ""))
        }
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        let body = fields.map { Self.encode($0.0) + "=" + Self.encode($0.1) }.joined(separator: "&")
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    /// Logs in and checks that it worked.
    mutating func login(_ username: String, password: String = testPassword) async throws {
        try await get(SiteURL.login.path)
        let response = try await post(SiteURL.login.path, form: [("username", username), ("password", password)])
        #expect(response.status == .seeOther, "login as \(username) failed: \(response.status)")
        try await get(SiteURL.workspace.path)
    }

    mutating func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?) async throws
        -> TestingHTTPResponse
    {
        var headers = headers
        if !cookies.isEmpty {
            headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        let response = try await app.testing(method: self.method).sendRequest(
            method, path, headers: headers, body: body)
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let name = String(pair[0]).trimmingCharacters(in: .whitespaces)
            let value = String(pair[1])
            if header.lowercased().contains("max-age=0") || header.lowercased().contains("expires=thu, 01 jan 1970") {
                cookies[name] = nil
            } else {
                cookies[name] = value
            }
        }
        return response
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: #"name="_csrf" value="([^"]+)""#, options: .regularExpression) else {
            return nil
        }
        let match = String(html[range])
        return match.components(separatedBy: "value=\"").last?.dropLast().description
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestingHTTPResponse {
    var location: String? { headers.first(name: .location) }
    var text: String { body.string }
}

extension Browser {
    /// Posts a multipart form with any number of fields and files, with the CSRF token.
    mutating func multipart(
        _ path: String, fields: [(String, String)], files: [(name: String, filename: String, data: Data)] = []
    )
        async throws -> TestingHTTPResponse
    {
        if csrf == nil { try await get(SiteURL.login.path) }
        let boundary = "----ttdn-test-\(UUID().uuidString)"
        var body = ByteBuffer()
        for (name, value) in fields + [("_csrf", csrf ?? "")] {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for file in files {
            body.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            body.writeBytes(file.data)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
        return try await send(.POST, path, headers: headers, body: body)
    }
}
