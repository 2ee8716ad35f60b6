import Fluent
import Foundation
import Testing
import Vapor

@testable import App

@Suite struct CSRFTests {
    @Test func postsWithoutTheSessionTokenAreRefused() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var browser = Browser(app)
            try await browser.login(fixture.users[.coordinator]!)
            let form: [(String, String)] = [("code", "so-moi"), ("official_name", "Sở Mới"), ("kind", "department")]
            let missing = try await browser.post(SiteURL.agencies.path, form: form, csrf: false)
            #expect(missing.status == .forbidden)
            #expect(missing.text.contains("Phiên làm việc đã hết hạn"))
            let wrong = try await browser.post(SiteURL.agencies.path, form: form + [("_csrf", "forged-token")])
            #expect(wrong.status == .forbidden)
            #expect(try await Agency.query(on: app.db).filter(\.$code == "so-moi").count() == 0)
            let right = try await browser.post(SiteURL.agencies.path, form: form)
            #expect(right.status == .seeOther)
            #expect(try await Agency.query(on: app.db).filter(\.$code == "so-moi").count() == 1)
        }
    }

    /// Over real HTTP a large form arrives as a stream; the token must still be read from it.
    @Test func aLargeFormSentOverHTTPPassesTheCheck() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let port = Int.random(in: 20000...60000)
            var browser = Browser(app)
            try await browser.login(fixture.users[.coordinator]!)
            // The session lives in the database, so the same cookie works over real HTTP.
            browser.method = .running(hostname: "127.0.0.1", port: port)
            let aliases = (1...3000).map { "Tên gọi khác số \($0)" }.joined(separator: "\n")
            let response = try await browser.post(
                SiteURL.agencies.path,
                form: [
                    ("code", "so-lon"), ("official_name", "Sở Có Nhiều Tên"), ("kind", "department"),
                    ("aliases", aliases),
                ])
            // The HTTP client follows the redirect to the new agency's page.
            #expect([.seeOther, .ok].contains(response.status))
            #expect(try await Agency.query(on: app.db).filter(\.$code == "so-lon").first()?.aliases.count == 3000)
        }
    }

    @Test func theLoginFormIsProtectedToo() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var browser = Browser(app)
            let response = try await browser.post(
                SiteURL.login.path, form: [("username", fixture.users[.admin]!), ("password", testPassword)],
                csrf: false)
            #expect(response.status == .forbidden)
        }
    }

    @Test func aTokenFromAnotherSessionDoesNotWork() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var alice = Browser(app)
            try await alice.login(fixture.users[.coordinator]!)
            var mallory = Browser(app)
            try await mallory.get(SiteURL.login.path)
            let stolen = try #require(mallory.csrf)
            let response = try await alice.post(
                SiteURL.agencies.path,
                form: [("code", "x-y"), ("official_name", "X"), ("kind", "other"), ("_csrf", stolen)])
            #expect(response.status == .forbidden)
        }
    }
}
