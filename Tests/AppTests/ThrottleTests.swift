import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor

@testable import App

@Suite struct ThrottleTests {
    /// Small limits so the test is quick: free failures 2, lock after 4.
    let rules = LoginThrottle(
        freeFailures: 2, lockAfter: 4, window: 900, baseDelay: 30, maxDelay: 60, lockDuration: 600)

    @Test func repeatedFailuresSlowDownThenLockEvenTheRightPassword() async throws {
        try await withApp(throttle: rules) { app in
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
            #expect(slowed.text.contains("Vui lòng thử lại sau"))
            // Simulate the passing of time by moving the recorded failures back, then fail to the lock.
            try await age(app, by: 120)
            for _ in 0..<2 {
                _ = try await browser.post(
                    SiteURL.login.path, form: [("username", username), ("password", "nope-nope-nope")])
                try await age(app, by: 120)
            }
            let locked = try await browser.post(
                SiteURL.login.path, form: [("username", username), ("password", testPassword)])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.text.contains("tạm khóa"))
            // The message is in English for an English visitor.
            let english = try await browser.post(
                SiteURL.login.path + "?lang=en", form: [("username", username), ("password", testPassword)])
            #expect(english.text.contains("login is locked"))
        }
    }

    @Test func successResetsTheAccountCount() async throws {
        try await withApp(throttle: rules) { app in
            let fixture = try await Fixture.seed(app)
            let username = fixture.users[.viewer]!
            var browser = Browser(app)
            _ = try await browser.post(
                SiteURL.login.path, form: [("username", username), ("password", "nope-nope-nope")])
            try await browser.login(username)
            let record = try await LoginThrottleRecord.query(on: app.db).filter(\.$key == "user:" + username).first()
            #expect(record == nil)
        }
    }

    private func age(_ app: Application, by seconds: TimeInterval) async throws {
        for record in try await LoginThrottleRecord.query(on: app.db).all() {
            record.lastFailure = record.lastFailure?.addingTimeInterval(-seconds)
            try await record.save(on: app.db)
        }
    }
}
