import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor

@testable import App

@Suite struct SessionExpiryTests {
    private func sessionRow(_ browser: Browser, _ app: Application) async throws -> SessionRow? {
        guard let key = browser.cookies["ttdn_session"] else { return nil }
        return try await SessionRow.query(on: app.db).filter(\.$key == SessionID(string: key)).first()
    }

    @Test func aReplayedIdleSessionIsRefusedAndDeleted() async throws {
        try await withApp { app in
            let clock = AuthTestClock()
            app.authClock = clock.authClock
            let fixture = try await Fixture.seed(app)
            var browser = Browser(app)
            try await browser.login(fixture.users[.viewer]!)
            let row = try #require(try await sessionRow(browser, app))
            #expect(row.userID != nil)
            #expect(row.createdAt == clock.now)
            clock.advance(app.sessionLifetime.idle - 60)
            #expect(try await browser.get(SiteURL.workspace.path).status == .ok)
            // Seen just now, so not idle; but idle for longer than allowed after this, it is refused.
            clock.advance(app.sessionLifetime.idle + 1)
            let stale = browser
            let refused = try await browser.get(SiteURL.workspace.path)
            #expect(refused.status == .seeOther)
            #expect(refused.location?.hasPrefix(SiteURL.login.path) == true)
            #expect(try await sessionRow(stale, app) == nil)
        }
    }

    @Test func aSessionInUseStillEndsAfterItsLifetime() async throws {
        try await withApp { app in
            let clock = AuthTestClock()
            app.authClock = clock.authClock
            let fixture = try await Fixture.seed(app)
            var browser = Browser(app)
            try await browser.login(fixture.users[.viewer]!)
            let lifetime = app.sessionLifetime
            var elapsed: TimeInterval = 0
            while elapsed + 3600 < lifetime.maximum {
                clock.advance(3600)
                elapsed += 3600
                #expect(try await browser.get(SiteURL.workspace.path).status == .ok)
            }
            clock.advance(lifetime.maximum - elapsed + 1)
            // The same cookie, replayed as it was: refused.
            let replay = try await browser.get(SiteURL.workspace.path)
            #expect(replay.status == .seeOther)
        }
    }

    @Test func theCleanUpDeletesExpiredRows() async throws {
        try await withApp { app in
            let clock = AuthTestClock()
            app.authClock = clock.authClock
            let fixture = try await Fixture.seed(app)
            var old = Browser(app)
            try await old.login(fixture.users[.viewer]!)
            clock.advance(app.sessionLifetime.idle - 600)
            var recent = Browser(app)
            try await recent.login(fixture.users[.editor]!)
            clock.advance(601)
            let deleted = try await SessionSweeper.sweep(on: app.db, lifetime: app.sessionLifetime, now: clock.now)
            #expect(deleted >= 1)
            #expect(try await sessionRow(old, app) == nil)
            #expect(try await sessionRow(recent, app) != nil)
            // Rows from before sessions had a creation time are expired too.
            try await SessionRow.query(on: app.db).set(\.$createdAt, to: nil).update()
            try await SessionSweeper.sweep(on: app.db, lifetime: app.sessionLifetime, now: clock.now)
            #expect(try await SessionRow.query(on: app.db).count() == 0)
        }
    }

    @Test func changingOnesPasswordSignsOutTheOtherSessionsOnly() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let username = fixture.users[.viewer]!
            var here = Browser(app)
            var there = Browser(app)
            try await here.login(username)
            try await there.login(username)
            let newPassword = "another-long-secret"
            let changed = try await here.post(
                SiteURL.accountPassword.path,
                form: [("current", testPassword), ("new", newPassword), ("confirm", newPassword)])
            #expect(changed.status == .seeOther)
            #expect(try await here.get(SiteURL.workspace.path).status == .ok)
            #expect(try await there.get(SiteURL.workspace.path).status == .seeOther)
        }
    }

    @Test func anAdministratorsResetSignsOutEverySessionOfTheUser() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let username = fixture.users[.viewer]!
            var first = Browser(app)
            var second = Browser(app)
            try await first.login(username)
            try await second.login(username)
            var admin = Browser(app)
            try await admin.login(fixture.users[.admin]!)
            let user = try #require(try await User.query(on: app.db).filter(\.$username == username).first())
            let reset = try await admin.post(
                SiteURL.userResetPassword(try user.requireID()).path, form: [("password", "a-brand-new-secret")])
            #expect(reset.status == .seeOther)
            #expect(try await first.get(SiteURL.workspace.path).status == .seeOther)
            #expect(try await second.get(SiteURL.workspace.path).status == .seeOther)
            #expect(try await admin.get(SiteURL.workspace.path).status == .ok)
        }
    }
}
