import struct Foundation.Date
import struct Foundation.TimeInterval

/// Slows down and then locks repeated failed logins, per account and per address.
///
/// Pure state: the app stores `LoginThrottle.State` in the database (so several app instances
/// share it) and asks `decide` before checking a password. A few mistakes cost nothing; after
/// `freeFailures` each further attempt must wait, doubling each time; after `lockAfter` failures
/// the key is locked for `lockDuration`. Failures older than `window` are forgotten.
public struct LoginThrottle: Sendable, Equatable {
    public var freeFailures: Int
    public var lockAfter: Int
    public var window: TimeInterval
    public var baseDelay: TimeInterval
    public var maxDelay: TimeInterval
    public var lockDuration: TimeInterval

    public init(
        freeFailures: Int = 3, lockAfter: Int = 10, window: TimeInterval = 15 * 60,
        baseDelay: TimeInterval = 2, maxDelay: TimeInterval = 60, lockDuration: TimeInterval = 15 * 60
    ) {
        self.freeFailures = freeFailures
        self.lockAfter = lockAfter
        self.window = window
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.lockDuration = lockDuration
    }

    public struct State: Sendable, Equatable {
        public var failures: Int
        public var lastFailure: Date?
        public var lockedUntil: Date?
        public init(failures: Int = 0, lastFailure: Date? = nil, lockedUntil: Date? = nil) {
            self.failures = failures
            self.lastFailure = lastFailure
            self.lockedUntil = lockedUntil
        }
    }

    public enum Decision: Sendable, Equatable {
        case allowed
        /// Try again after this many seconds (rounded up).
        case wait(seconds: Int)
        case locked(until: Date)
    }

    /// The state as it stands at `now`: an expired lock or stale failures are forgotten.
    public func current(_ state: State, now: Date) -> State {
        if let until = state.lockedUntil {
            return until > now ? state : State()
        }
        if let last = state.lastFailure, now.timeIntervalSince(last) > window {
            return State()
        }
        return state
    }

    public func decide(_ state: State, now: Date) -> Decision {
        let state = current(state, now: now)
        if let until = state.lockedUntil { return .locked(until: until) }
        guard state.failures >= freeFailures, let last = state.lastFailure else { return .allowed }
        let delay = self.delay(afterFailures: state.failures)
        let ready = last.addingTimeInterval(delay)
        if ready <= now { return .allowed }
        return .wait(seconds: Int(ready.timeIntervalSince(now).rounded(.up)))
    }

    /// The delay imposed after `failures` failures: none up to `freeFailures`, then doubling.
    public func delay(afterFailures failures: Int) -> TimeInterval {
        guard failures >= freeFailures else { return 0 }
        let exponent = Double(min(failures - freeFailures, 16))
        return min(baseDelay * pow2(exponent), maxDelay)
    }

    public func recordingFailure(_ state: State, now: Date) -> State {
        var next = current(state, now: now)
        next.failures += 1
        next.lastFailure = now
        if next.failures >= lockAfter {
            next.lockedUntil = now.addingTimeInterval(lockDuration)
        }
        return next
    }

    private func pow2(_ exponent: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(exponent) { result *= 2 }
        return result
    }
}
