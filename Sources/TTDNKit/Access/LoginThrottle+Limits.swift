import struct Foundation.Date
import struct Foundation.TimeInterval

extension LoginThrottle {
    /// The rules for one kind of key. After `freeFailures` each further attempt must wait, doubling from
    /// `baseDelay` up to `maxDelay`; the attempt that fails as number `lockAfter`, or any attempt beyond it,
    /// locks the key for `lockDuration`. A count whose last failure is older than `window`, or whose lock has
    /// run out, starts afresh.
    public struct Limits: Sendable, Equatable {
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

        /// One address: 3 free mistakes, then waits of 2, 4, 8 … 60 s, locked for 15 minutes after 10.
        public static let perAddress = Limits()

        /// One account over all addresses: no waits (they would slow its owner down too); after 30
        /// failures within 10 minutes of each other, a 15-minute cool-down.
        public static let perAccount = Limits(
            freeFailures: 30, lockAfter: 30, window: 10 * 60, baseDelay: 0, maxDelay: 0, lockDuration: 15 * 60)

        /// The state as it stands at `now`: an expired lock or stale failures are forgotten.
        public func current(_ state: State, now: Date) -> State {
            if let until = state.lockedUntil {
                return until > now ? state : State()
            }
            if let last = state.lastFailure, last < staleBefore(now) {
                return State()
            }
            return state
        }

        /// A count whose last failure is older than this starts afresh (the store's statement uses it).
        public func staleBefore(_ now: Date) -> Date {
            now.addingTimeInterval(-window)
        }

        /// Before an attempt is counted: a running lock or wait refuses it (and it is not counted).
        public func decide(_ state: State, now: Date) -> Decision {
            let state = current(state, now: now)
            if let until = state.lockedUntil { return .locked(until: until) }
            guard state.failures >= freeFailures, let last = state.lastFailure else { return .allowed }
            let ready = last.addingTimeInterval(delay(afterFailures: state.failures))
            if ready <= now { return .allowed }
            return .wait(seconds: Int(ready.timeIntervalSince(now).rounded(.up)))
        }

        /// The count with one more attempt at `now`, as the store's atomic statement computes it.
        public func claiming(_ state: State, now: Date) -> State {
            var next = current(state, now: now)
            next.failures += 1
            next.lastFailure = now
            return next
        }

        /// After the attempt was counted: its number decides. Attempts beyond `lockAfter` (parallel
        /// guesses that all passed `decide` at once) are refused, and the key is locked.
        public func admit(claimed: State, now: Date) -> Decision {
            if let until = claimed.lockedUntil, until > now { return .locked(until: until) }
            if claimed.failures > lockAfter { return .locked(until: now.addingTimeInterval(lockDuration)) }
            return .allowed
        }

        /// The lock a failed attempt with this count sets, if any.
        public func lock(afterFailure claimed: State, now: Date) -> Date? {
            if let until = claimed.lockedUntil, until > now { return nil }
            return claimed.failures >= lockAfter ? now.addingTimeInterval(lockDuration) : nil
        }

        /// Counting a failed attempt and locking if it was one too many, in one step (for reasoning and tests).
        public func recordingFailure(_ state: State, now: Date) -> State {
            var next = claiming(state, now: now)
            if let until = lock(afterFailure: next, now: now) { next.lockedUntil = until }
            return next
        }

        /// The delay imposed after `failures` failures: none up to `freeFailures`, then doubling.
        public func delay(afterFailures failures: Int) -> TimeInterval {
            guard failures >= freeFailures else { return 0 }
            var delay = baseDelay
            for _ in 0..<min(failures - freeFailures, 16) { delay *= 2 }
            return min(delay, maxDelay)
        }
    }
}
