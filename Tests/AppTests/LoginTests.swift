import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor
import VaporTesting

@testable import App

@Suite struct LoginTests {
    @Test func loginSetsAHardenedSessionCookieAndLogoutEndsIt() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var browser = Browser(app)
            try await browser.get(SiteURL.login.path)
            let response = try await browser.post(
                SiteURL.login.path, form: [("username", fixture.users[.viewer]!), ("password", testPassword)])
            #expect(response.status == .seeOther)
            #expect(response.location == SiteURL.workspace.path)
            let cookie = try #require(response.headers[.setCookie].first { $0.hasPrefix("ttdn_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"))
            #expect(try await browser.get(SiteURL.workspace.path).status == .ok)
            #expect(try await browser.post(SiteURL.logout.path).status == .seeOther)
            let after = try await browser.get(SiteURL.workspace.path)
            #expect(after.status == .seeOther)
            #expect(after.location?.hasPrefix(SiteURL.login.path) == true)
        }
    }

    @Test func wrongPasswordShowsAMessageAndDoesNotSignIn() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var browser = Browser(app)
            let response = try await browser.post(
                SiteURL.login.path, form: [("username", fixture.users[.admin]!), ("password", "wrong-password-1")])
            #expect(response.status == .unauthorized)
            #expect(response.text.contains("Tên đăng nhập hoặc mật khẩu không đúng."))
            #expect(try await browser.get(SiteURL.workspace.path).status == .seeOther)
        }
    }

    @Test func loginRedirectsOnlyToLocalPaths() async throws {
        #expect(LoginController.safeNext("/app/agencies") == "/app/agencies")
        #expect(LoginController.safeNext("//evil.example/x") == nil)
        #expect(LoginController.safeNext("https://evil.example") == nil)
        #expect(LoginController.safeNext("/\\evil") == nil)
    }

    @Test func inactiveUsersCannotSignIn() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let user = try #require(
                try await User.query(on: app.db).filter(\.$username == fixture.users[.editor]!).first())
            try await user.auditedUpdate(on: app.db, by: .system("test", clock: app.clock)) { $0.active = false }
            var browser = Browser(app)
            let response = try await browser.post(
                SiteURL.login.path, form: [("username", user.username), ("password", testPassword)])
            #expect(response.status == .unauthorized)
        }
    }

    @Test func browsersGetErrorPagesAndJSONClientsGetJSON() async throws {
        try await withApp { app in
            var browser = Browser(app)
            let page = try await browser.get(
                "/no-such-page", headers: ["Accept": "text/html,application/xhtml+xml,*/*;q=0.8"])
            #expect(page.status == .notFound)
            #expect(page.text.contains("<html"))
            #expect(page.text.contains("Không tìm thấy trang"))
            let any = try await browser.get("/no-such-page", headers: ["Accept": "*/*"])
            #expect(any.text.contains("<html"))
            let json = try await browser.get("/no-such-page", headers: ["Accept": "application/json"])
            #expect(json.headers.contentType == .json)
            #expect(json.text.contains("\"status\":\"404\""))
        }
    }

    @Test func securityHeadersOnPagesAndErrors() async throws {
        try await withApp { app in
            var browser = Browser(app)
            for path in [SiteURL.login.path, "/no-such-page"] {
                let response = try await browser.get(path)
                let csp = try #require(response.headers.first(name: "Content-Security-Policy"))
                #expect(csp.contains("frame-ancestors 'none'"))
                #expect(csp.contains("script-src 'self'"))
                #expect(!csp.contains("unsafe-inline"))
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(response.headers.first(name: "Referrer-Policy") == "same-origin")
            }
        }
    }
}
