import Fluent
import Foundation
import NIOCore
import TTDNKit
import Testing
import Vapor
import VaporTesting

@testable import App

@Suite struct ThrottleTests {
    /// Small limits so the test is quick: free failures 2, lock after 4.
    let rules = LoginThrottle(
        address: .init(freeFailures: 2, lockAfter: 4, window: 900, baseDelay: 30, maxDelay: 60, lockDuration: 600))

    @Test func repeatedFailuresSlowDownThenLockEvenTheRightPassword() async throws {
        try await withApp(throttle: rules) { app in
            let clock = AuthTestClock()
            app.authClock = clock.authClock
            let fixture = try await Fixture.seed(app)
            let username = fixture.users[.coordinator]!
            var browser = Browser(app)
            for _ in 0..<2 {
                let response = try await browser.post(
                    SiteURL.login.path, form: [("username", username), ("password", "nope-nope-nope")])
                #expect(response.status == .unauthorized)
            }
            // The third attempt comes too soon: refused without checking the password.
            let slowed = try await browser.post(
                SiteURL.login.path, form: [("username", username), ("password", testPassword)])
            #expect(slowed.status == .tooManyRequests)
            #expect(slowed.text.contains("Vui lòng thử lại sau 30 giây"))
            for _ in 0..<2 {
                clock.advance(120)
                let wrong = try await browser.post(
                    SiteURL.login.path, form: [("username", username), ("password", "nope-nope-nope")])
                #expect(wrong.status == .unauthorized)
            }
            let locked = try await browser.post(
                SiteURL.login.path, form: [("username", username), ("password", testPassword)])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.text.contains("tạm khóa"))
            // The message is in English for an English visitor.
            let english = try await browser.post(
                SiteURL.login.path + "?lang=en", form: [("username", username), ("password", testPassword)])
            #expect(english.text.contains("login is locked"))
            // The lock runs out.
            clock.advance(601)
            let after = try await browser.post(
                SiteURL.login.path, form: [("username", username), ("password", testPassword)])
            #expect(after.status == .seeOther)
        }
    }

    @Test func successResetsTheAccountCountAndTakesBackTheAddressAttempt() async throws {
        try await withApp(throttle: rules) { app in
            let fixture = try await Fixture.seed(app)
            let username = fixture.users[.viewer]!
            var browser = Browser(app)
            _ = try await browser.post(
                SiteURL.login.path, form: [("username", username), ("password", "nope-nope-nope")])
            try await browser.login(username)
            let account = try await LoginThrottleRecord.query(on: app.db).filter(\.$key == "user:" + username).first()
            #expect(account == nil)
            let address = try await LoginThrottleRecord.query(on: app.db).filter(\.$key == "ip:unknown").first()
            #expect(address?.failures == 1)
        }
    }

    /// Forty wrong passwords at once: every one is counted, exactly `lockAfter` of them are checked, the
    /// rest are refused, none fails with 500, and the lock then holds against the right password.
    @Test func parallelWrongPasswordsAreAllCountedAndLockAtTheThreshold() async throws {
        let noWaits = LoginThrottle(address: .init(freeFailures: 10, lockAfter: 10, lockDuration: 900))
        try await withApp(throttle: noWaits) { app in
            let fixture = try await Fixture.seed(app)
            let username = fixture.users[.editor]!
            var browser = Browser(app)
            try await browser.get(SiteURL.login.path)
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            headers.add(name: .cookie, value: browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
            let body =
                "username=\(username)&password=wrong-password-1&_csrf="
                + Browser.encode(try #require(browser.csrf))
            let requestHeaders = headers
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<40 {
                    group.addTask {
                        try await app.testing().sendRequest(
                            .POST, SiteURL.login.path, headers: requestHeaders, body: ByteBuffer(string: body)
                        ).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count == 10)
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 30)
            #expect(statuses.allSatisfy { $0 == .unauthorized || $0 == .tooManyRequests })
            let address = try await LoginThrottleRecord.query(on: app.db).filter(\.$key == "ip:unknown").first()
            // Every guess that got past the first check was counted (those after the lock fell are refused
            // by it without counting); only ten passwords were checked.
            #expect((address?.failures ?? 0) > 10)
            #expect(address?.lockedUntil != nil)
            let right = try await browser.post(
                SiteURL.login.path, form: [("username", username), ("password", testPassword)])
            #expect(right.status == .tooManyRequests)
        }
    }

    /// The address that guesses is stopped first; the account is locked only by failures from several
    /// addresses, and only for its cool-down.
    @Test func perAddressFirstThenPerAccountWithACoolDown() async throws {
        let rules = LoginThrottle(
            address: .init(freeFailures: 100, lockAfter: 3, window: 600, lockDuration: 900),
            account: .init(freeFailures: 5, lockAfter: 5, window: 300, baseDelay: 0, maxDelay: 0, lockDuration: 600))
        try await withApp(throttle: rules) { app in
            let clock = AuthTestClock()
            let store = LoginThrottleStore(db: app.db, rules: rules)
            let attempt = { (address: String, right: Bool) in
                try await Self.attempt(store, address, right: right, now: clock.now)
            }
            for _ in 0..<3 {
                let result = try await attempt("10.0.0.1", false)
                #expect(result == .allowed)
            }
            // The guessing address is locked; the account is not: its owner elsewhere still gets in.
            do {
                let result = try await attempt("10.0.0.1", true)
                #expect(result == .locked(until: clock.now.addingTimeInterval(900)))
            }
            do {
                let result = try await store.accountLockedUntil(username: "u-editor", now: clock.now)
                #expect(result == nil)
            }
            do {
                let result = try await attempt("10.0.0.9", true)
                #expect(result == .allowed)
            }
            // Failures from several addresses lock the account, for everyone, right password or not.
            for address in ["10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5"] {
                do {
                    let result = try await attempt(address, false)
                    #expect(result == .allowed)
                }
            }
            do {
                let result = try await attempt("10.0.0.6", false)
                #expect(result == .allowed)
            }
            let until = clock.now.addingTimeInterval(600)
            do {
                let result = try await store.accountLockedUntil(username: "u-editor", now: clock.now)
                #expect(result == until)
            }
            do {
                let result = try await attempt("10.0.0.7", true)
                #expect(result == .locked(until: until))
            }
            // After the cool-down the owner signs in.
            clock.advance(601)
            do {
                let result = try await attempt("10.0.0.7", true)
                #expect(result == .allowed)
            }
            do {
                let result = try await store.accountLockedUntil(username: "u-editor", now: clock.now)
                #expect(result == nil)
            }
        }
    }

    private static func attempt(_ store: LoginThrottleStore, _ address: String, right: Bool, now: Date)
        async throws -> LoginThrottle.Decision
    {
        switch try await store.admit(.init(address: address, username: "u-editor"), now: now) {
        case .refused(let decision): return decision
        case .admitted(let ticket):
            if right { try await store.succeeded(ticket) } else { try await store.failed(ticket, now: now) }
            return .allowed
        }
    }

    @Test func anAdministratorUnlocksALockedAccountAndItIsAudited() async throws {
        let rules = LoginThrottle(
            address: .init(freeFailures: 100, lockAfter: 100),
            account: .init(freeFailures: 3, lockAfter: 3, window: 300, baseDelay: 0, maxDelay: 0, lockDuration: 600))
        try await withApp(throttle: rules) { app in
            let clock = AuthTestClock()
            app.authClock = clock.authClock
            let fixture = try await Fixture.seed(app)
            let username = fixture.users[.editor]!
            let store = LoginThrottleStore(db: app.db, rules: rules)
            for address in ["10.0.0.1", "10.0.0.2", "10.0.0.3"] {
                guard
                    case .admitted(let ticket) = try await store.admit(
                        .init(address: address, username: username), now: clock.now)
                else {
                    Issue.record("refused too early")
                    return
                }
                try await store.failed(ticket, now: clock.now)
            }
            var owner = Browser(app)
            let refused = try await owner.post(
                SiteURL.login.path, form: [("username", username), ("password", testPassword)])
            #expect(refused.status == .tooManyRequests)

            var admin = Browser(app)
            try await admin.login(fixture.users[.admin]!)
            let user = try #require(try await User.query(on: app.db).filter(\.$username == username).first())
            let page = try await admin.get(SiteURL.user(try user.requireID()).path)
            #expect(page.text.contains("Mở khóa đăng nhập"))
            let english = try await admin.get(SiteURL.user(try user.requireID()).path + "?lang=en")
            #expect(english.text.contains("Unlock sign-in"))
            let unlocked = try await admin.post(SiteURL.userUnlock(try user.requireID()).path)
            #expect(unlocked.status == .seeOther)
            let after = try await admin.get(SiteURL.user(try user.requireID()).path)
            #expect(!after.text.contains("Unlock sign-in") && !after.text.contains("Mở khóa đăng nhập"))
            let entry = try await AuditEntry.query(on: app.db).filter(\.$entityID == user.requireID().uuidString)
                .filter(\.$action == "update").all().first { $0.decodedChanges["login_locked_until"] != nil }
            #expect(entry?.actorName.contains(fixture.users[.admin]!) == true)
            try await owner.login(username)
            // Only administrators may unlock.
            var viewer = Browser(app)
            try await viewer.login(fixture.users[.viewer]!)
            #expect(try await viewer.post(SiteURL.userUnlock(try user.requireID()).path).status == .forbidden)
        }
    }

    /// The change-password form checks the current password under the same throttle as sign-in.
    @Test func theChangePasswordFormLocksAfterWrongCurrentPasswords() async throws {
        let rules = LoginThrottle(address: .init(freeFailures: 3, lockAfter: 3, lockDuration: 900))
        try await withApp(throttle: rules) { app in
            let fixture = try await Fixture.seed(app)
            let username = fixture.users[.viewer]!
            var browser = Browser(app)
            try await browser.login(username)
            let newPassword = "another-long-secret"
            for _ in 0..<3 {
                let wrong = try await browser.post(
                    SiteURL.accountPassword.path,
                    form: [("current", "not-my-password"), ("new", newPassword), ("confirm", newPassword)])
                #expect(wrong.status == .badRequest)
            }
            let locked = try await browser.post(
                SiteURL.accountPassword.path,
                form: [("current", testPassword), ("new", newPassword), ("confirm", newPassword)])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.text.contains("tạm khóa"))
            let user = try #require(try await User.query(on: app.db).filter(\.$username == username).first())
            #expect(try app.password.verify(testPassword, created: user.passwordHash))
        }
    }

    /// `ttdn user unlock`, for when the administrators themselves are locked out.
    @Test func theUserCommandUnlocksAnAccount() async throws {
        let rules = LoginThrottle(
            address: .init(freeFailures: 100, lockAfter: 100),
            account: .init(freeFailures: 2, lockAfter: 2, window: 300, baseDelay: 0, maxDelay: 0, lockDuration: 600))
        try await withApp(throttle: rules) { app in
            let fixture = try await Fixture.seed(app)
            let username = fixture.users[.admin]!
            var browser = Browser(app)
            for _ in 0..<2 {
                _ = try await browser.post(
                    SiteURL.login.path, form: [("username", username), ("password", "nope-nope-nope")])
            }
            let refused = try await browser.post(
                SiteURL.login.path, form: [("username", username), ("password", testPassword)])
            #expect(refused.status == .tooManyRequests)
            var context = CommandContext(
                console: app.console, input: CommandInput(arguments: ["ttdn", "unlock", username]))
            context.application = app
            try await app.console.run(UserCommand(), with: context)
            try await browser.login(username)
        }
    }
}
