import Foundation
import TTDNKit
import Vapor

/// Where the application reads the time. Domain code and services ask `app.clock` (or `req.now` and
/// `req.today`) instead of `Date()`, so that a test sets the day it needs (`app.clock = .fixed(…)`) and moves
/// it on, and reminders, due dates and retries behave the same on any day the suite runs.
struct AppClock: Sendable {
    let now: @Sendable () -> Date

    /// The machine's clock.
    static let system = AppClock { Date() }

    /// Always `date` (tests).
    static func fixed(_ date: Date) -> AppClock { AppClock { date } }

    /// Today in Vietnam.
    var today: LocalDate { LocalDate(now()) }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = AppClock }

    /// The application's clock: the system's unless a test set another.
    var clock: AppClock {
        get { storage[ClockKey.self] ?? .system }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    /// The moment, from the application's clock.
    var now: Date { application.clock.now() }
    /// Today in Vietnam, from the application's clock.
    var today: LocalDate { application.clock.today }
}
