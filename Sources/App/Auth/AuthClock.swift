import Foundation
import Vapor

/// The time the sign-in rules read (the login throttle, session expiry and clean-up). The real clock in
/// production; tests set their own and move it, so no test waits and none depends on the time of day.
struct AuthClock: Sendable {
    var now: @Sendable () -> Date

    static let system = AuthClock { Date() }
}

extension Application {
    private struct AuthClockKey: StorageKey { typealias Value = AuthClock }

    var authClock: AuthClock {
        get { storage[AuthClockKey.self] ?? .system }
        set { storage[AuthClockKey.self] = newValue }
    }
}
