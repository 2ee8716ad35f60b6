import Foundation
import NIOCore
import Vapor

/// The whole application in one process, for feeding it arbitrary requests (the libFuzzer target
/// `Fuzz/HTTPFuzz`, and a test that runs it). It starts the real thing — configuration, middleware, routes — on
/// a throwaway in-memory SQLite database with the demo province, signs in one user per demo role, and answers
/// a request decoded from any bytes as that user or as an anonymous visitor.
public final class RequestHarness: @unchecked Sendable {
    let app: Application
    /// Session cookies, one per signed-in visitor; index 0 is the anonymous visitor (no cookie).
    private(set) var cookies: [String?] = [nil]
    private(set) var csrfTokens: [String] = [""]

    public static let methods: [HTTPMethod] = [.GET, .POST, .HEAD, .PUT, .DELETE, .PATCH, .OPTIONS]

    private init(app: Application) { self.app = app }

    /// Starts the application and signs in every demo user.
    public static func start() async throws -> RequestHarness {
        let app = try await Application.make(.testing)
        var settings = AppSettings.load(databaseFlag: ":memory:", environment: .testing)
        settings.bcryptCost = 4
        settings.runSchedulers = false
        try await configure(app, settings: settings)
        try await DatabaseSetup.prepareSQLite(app)
        try await app.autoMigrate()
        _ = try await DemoSeed(app: app).seedIfEmpty()
        let harness = RequestHarness(app: app)
        for person in DemoSeed.people {
            try await harness.signIn(person.username, password: DemoCommand.password)
        }
        return harness
    }

    public func shutdown() async throws { try await app.asyncShutdown() }

    /// The number of visitors (anonymous first, then one per demo user).
    public var visitors: Int { cookies.count }

    /// Decodes `bytes` as a request and answers it. The layout: byte 0 picks the visitor, byte 1 the method, then
    /// the target (path and query) up to a line break, header lines `Name: value` up to an empty line, and the
    /// rest is the body. Every byte sequence is a request; bytes that are not UTF-8 reach the router as they are
    /// percent-decoded or replaced. Returns the status, or nil when nothing answered (the application failed).
    @discardableResult
    public func respond(toFuzz bytes: [UInt8]) async -> UInt? {
        guard bytes.count >= 2 else { return nil }
        let visitor = Int(bytes[0]) % visitors
        let method = Self.methods[Int(bytes[1]) % Self.methods.count]
        var rest = bytes[2...]
        let targetEnd = rest.firstIndex(of: 0x0A) ?? rest.endIndex
        var target = String(decoding: rest[rest.startIndex..<targetEnd], as: UTF8.self)
        if !target.hasPrefix("/") { target = "/" + target }
        rest = targetEnd < rest.endIndex ? rest[(targetEnd + 1)...] : []
        var headers = HTTPHeaders()
        while let end = rest.firstIndex(of: 0x0A) {
            let line = String(decoding: rest[rest.startIndex..<end], as: UTF8.self)
            rest = rest[(end + 1)...]
            if line.isEmpty || line == "\r" { break }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            // A name HTTP/1 could not carry never reaches the app from the wire either.
            guard !name.isEmpty, name.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != 0x3A }) else { continue }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            headers.add(name: name, value: value.filter { $0 != "\r" && $0 != "\n" && $0 != "\0" })
        }
        if let cookie = cookies[visitor] { headers.replaceOrAdd(name: .cookie, value: cookie) }
        if method != .GET, headers.first(name: "X-CSRF-Token") == nil, csrfTokens[visitor] != "" {
            headers.add(name: "X-CSRF-Token", value: csrfTokens[visitor])
        }
        return await respond(method: method, target: target, headers: headers, body: Array(rest))
    }

    /// Answers one request, as it would be answered on the wire, through the application's middleware and routes.
    public func respond(method: HTTPMethod, target: String, headers: HTTPHeaders, body: [UInt8]) async -> UInt? {
        var buffer = ByteBufferAllocator().buffer(capacity: body.count)
        buffer.writeBytes(body)
        let request = Request(
            application: app, method: method, url: URI(string: target), headers: headers,
            collectedBody: body.isEmpty ? nil : buffer, remoteAddress: nil, logger: app.logger,
            on: app.eventLoopGroup.next())
        do {
            let response = try await app.responder.respond(to: request).get()
            return response.status.code
        } catch {
            return nil
        }
    }

    private func signIn(_ username: String, password: String) async throws {
        let page = try await send(.GET, "/login", cookie: nil, body: nil)
        guard let cookie = Self.sessionCookie(page), let token = Self.csrf(in: page) else {
            throw Abort(.internalServerError, reason: "the login page gave no session")
        }
        var form = URLComponents()
        form.queryItems = [.init(name: "username", value: username), .init(name: "password", value: password)]
        let body = ByteBuffer(string: (form.percentEncodedQuery ?? "") + "&_csrf=" + token)
        let answer = try await send(.POST, "/login", cookie: cookie, body: body)
        guard answer.status == .seeOther, let signedIn = Self.sessionCookie(answer) else {
            throw Abort(.internalServerError, reason: "\(username) could not sign in: \(answer.status)")
        }
        let home = try await send(.GET, "/app", cookie: signedIn, body: nil)
        cookies.append(signedIn)
        csrfTokens.append(Self.csrf(in: home) ?? "")
    }

    private func send(_ method: HTTPMethod, _ path: String, cookie: String?, body: ByteBuffer?) async throws
        -> Response
    {
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: .cookie, value: cookie) }
        if body != nil { headers.contentType = .urlEncodedForm }
        let request = Request(
            application: app, method: method, url: URI(string: path), headers: headers, collectedBody: body,
            remoteAddress: nil, logger: app.logger, on: app.eventLoopGroup.next())
        return try await app.responder.respond(to: request).get()
    }

    private static func sessionCookie(_ response: Response) -> String? {
        response.headers[.setCookie].first { $0.hasPrefix("ttdn_session=") }?.split(separator: ";").first.map(
            String.init)
    }

    private static func csrf(in response: Response) -> String? {
        guard let html = response.body.string,
            let range = html.range(of: #"name="_csrf" value="([^"]+)""#, options: .regularExpression)
        else { return nil }
        return html[range].split(separator: "\"").dropFirst(3).first.map(String.init)
    }
}
