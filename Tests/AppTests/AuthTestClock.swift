import Foundation
import NIOConcurrencyHelpers

@testable import App

/// A clock the sign-in tests set and move by hand (`app.authClock = clock.authClock`).
final class AuthTestClock: Sendable {
    private let current: NIOLockedValueBox<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        current = NIOLockedValueBox(start)
    }

    var now: Date { current.withLockedValue { $0 } }

    func advance(_ seconds: TimeInterval) {
        current.withLockedValue { $0 = $0.addingTimeInterval(seconds) }
    }

    var authClock: AuthClock { AuthClock { [self] in self.now } }
}
