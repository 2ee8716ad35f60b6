import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// Hostile requests to every route, as an anonymous visitor and as each role: paths that climb out of the public
/// folder or are not UTF-8, parameters and query values that are huge, negative, out of any calendar or not text
/// at all, bodies that are too big, of the wrong type or malformed. Every answer must be a page or a refusal
/// (below 500), and the application must still answer `/healthz` afterwards. A crash stops this test's process,
/// so it cannot pass by accident.
@Suite struct HostileRequestTests {
    static let long = String(repeating: "a", count: 8_000)

    /// Requests that need no route: the file middleware, the router and the error page see them first.
    static let paths = [
        "/css/../x", "/%2e%2e/x", "/%ff", "/app/%C0%AF", "/css/%2e%2e/%2e%2e/etc/passwd", "/css/..%2f..%2fetc/passwd",
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/css/%00", "/app/%00", "/..", "/.", "//etc/passwd", "/app/../../etc/passwd",
        "/" + long, "/app/" + String(repeating: "%ff", count: 3_000), "/css/%c0%ae%c0%ae/x", "/app/holidays?year=1",
        "/app/holidays?year=0", "/app/holidays?year=-5", "/app/holidays?year=10000",
        "/app/holidays?year=99999999999999999999", "/login?next=/%09/evil.example", "/login?lang=%ff",
        "/?lang=" + long, "/calendar/%ff.ics", "/calendar/" + long,
    ]

    /// What stands in for a route's `:id`.
    static let parameters = [
        "..%2F..%2Fetc%2Fpasswd", "%ff", "%C0%AF", "-1", "99999999999999999999999", long, "%00", "..",
    ]

    /// Query strings sent to every GET route with its real record.
    static let queries = [
        "year=1&period=9999-Q9&agency=%C0%AF&regime=-1&status=%00&page=-1&q=\(long)&date=99999-99-99&parent=..",
        "year=0&period=%ff&agency=00000000-0000-0000-0000-000000000000&status=zz&lang=%ff&next=//evil.example",
        "year=10000&period=0000-00&regime=99999999999999999999&from=-99999999999999999999&to=2026-02-30",
        "year=99999999999999999999&period=2026-M13&plan=%ff&role=%00&timeframe=\(long)&kind=..%2F",
        "year=-5&period=2026-H3&period=2026-Q1&year=2026&agency=a&agency=b",
    ]

    @Test func everyRouteHoldsAgainstHostileRequestsFromEveryone() async throws {
        try await withApp { app in
            let records = try await RouteRecords.seed(app)
            let routes = RouteRecords.walkOrder(app)
            let visitors = RouteRecords.visitors
            for role in visitors {
                var browser = Browser(app)
                if let role {
                    try await browser.login(records.fixture.users[role]!)
                } else {
                    try await browser.get(SiteURL.login.path)
                }
                let who = role?.rawValue ?? "anonymous"
                for path in Self.paths {
                    try await Self.expectHeld(try await browser.get(path), "\(who) GET \(path.prefix(80))")
                }
                for route in routes {
                    try await Self.attack(route, records: records, browser: &browser, who: who)
                }
                var probe = Browser(app)
                #expect(try await probe.get(SiteURL.healthz.path).status == .ok, "alive after \(who)'s requests")
            }
        }
    }

    static func attack(_ route: Route, records: RouteRecords, browser: inout Browser, who: String) async throws {
        let label = "\(who) \(route.method) /\(route.path.string)"
        let real = records.fill(route)
        var targets: [String] = []
        if RouteRecords.pattern(route) != nil {
            targets += parameters.map { records.fill(route, parameter: $0) }
        }
        switch route.method {
        case .GET:
            for path in targets + [real] {
                try await expectHeld(try await browser.get(path), "\(label) \(path.prefix(80))")
            }
            let separator = real.contains("?") ? "&" : "?"
            for query in queries {
                try await expectHeld(try await browser.get(real + separator + query), "\(label) ?\(query.prefix(60))")
            }
            // A GET with a body larger than any GET takes.
            try await expectHeld(
                try await browser.send(.GET, real, headers: ["Content-Length": "\(3 << 20)"], body: big),
                "\(label) body")
        default:
            for path in targets {
                try await expectHeld(try await browser.post(path, form: [("x", "1")]), "\(label) \(path.prefix(80))")
            }
            let csrf = browser.csrf ?? ""
            let bodies: [(String, HTTPHeaders, ByteBuffer)] = [
                (
                    "json", ["Content-Type": "application/json", "X-CSRF-Token": csrf],
                    ByteBuffer(string: "{\"a\":[[[[")
                ),
                (
                    "xml", ["Content-Type": "text/xml", "X-CSRF-Token": csrf],
                    ByteBuffer(string: "<!DOCTYPE x [<!ENTITY a")
                ),
                (
                    "broken multipart",
                    ["Content-Type": "multipart/form-data; boundary=zz", "X-CSRF-Token": csrf],
                    ByteBuffer(string: "--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\r\n\r\nx")
                ),
                (
                    "multipart without boundary", ["Content-Type": "multipart/form-data", "X-CSRF-Token": csrf],
                    ByteBuffer(string: "x")
                ),
                (
                    "invalid UTF-8 form", ["Content-Type": "application/x-www-form-urlencoded", "X-CSRF-Token": csrf],
                    ByteBuffer(
                        bytes: Array("_csrf=\(csrf)&version=".utf8) + [0xFF, 0xC0, 0xAF] + Array("&year=-1".utf8))
                ),
                (
                    "extreme numbers", ["Content-Type": "application/x-www-form-urlencoded", "X-CSRF-Token": csrf],
                    ByteBuffer(
                        string:
                            "version=9223372036854775807&progress=-99999999999999999999&position=1e308&date=99999-01-01&year=0&tasks[x][progress]=NaN"
                    )
                ),
                ("too big", ["Content-Type": "application/x-www-form-urlencoded", "X-CSRF-Token": csrf], big),
                (
                    "lying length",
                    [
                        "Content-Type": "application/x-www-form-urlencoded", "X-CSRF-Token": csrf,
                        "Content-Length": "999999999999",
                    ], ByteBuffer(string: "a=1")
                ),
            ]
            for (name, headers, body) in bodies {
                try await expectHeld(
                    try await browser.send(.POST, real, headers: headers, body: body), "\(label) \(name)")
            }
        }
    }

    /// 3 MB, more than the 2 MB a route takes unless it says otherwise (uploads say so, and refuse it by type).
    static let big = ByteBuffer(repeating: UInt8(ascii: "a"), count: 3 << 20)

    static func expectHeld(_ response: TestingHTTPResponse, _ label: String) async throws {
        #expect(response.status.code < 500, "\(label) → \(response.status)")
        #expect(!response.body.string.contains("Abort."), "\(label) leaks an internal error")
    }
}
