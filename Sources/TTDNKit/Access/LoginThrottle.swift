import struct Foundation.Date
import struct Foundation.TimeInterval

/// Slows down and then locks repeated failed sign-ins: per address first, then per account.
///
/// Pure rules: the app keeps one `State` per key (`ip:ADDRESS`, `user:NAME`) in the database, so that
/// several app instances share it, and counts each attempt there in one atomic statement that mirrors
/// `Limits.claiming` (so parallel guesses are all counted). The count the statement returns decides.
///
/// The address limits are strict: a few mistakes cost nothing, then each attempt must wait (doubling),
/// and the address is locked for a while. The account limits are higher and only lock, with a cool-down:
/// they stop guesses spread over many addresses. An attempt is counted against the account only after its
/// address let it through, and the account forgets its count sooner than an address is let go
/// (`oneAddressCannotLockAnAccount`), so no single address can lock a person out; an administrator can
/// lift an account's lock at once.
public struct LoginThrottle: Sendable, Equatable {
    /// The limits of one address, over all accounts it tries.
    public var address: Limits
    /// The limits of one account, over all addresses that try it.
    public var account: Limits

    public init(address: Limits = .perAddress, account: Limits = .perAccount) {
        self.address = address
        self.account = account
    }

    /// What a stored count is about.
    public enum Scope: String, Sendable, CaseIterable {
        case address, account
        /// The prefix of the stored key.
        public var keyPrefix: String {
            switch self {
            case .address: "ip:"
            case .account: "user:"
            }
        }
    }

    public func limits(_ scope: Scope) -> Limits {
        switch scope {
        case .address: address
        case .account: account
        }
    }

    /// True when an address held to its own limits can never bring an account to its lock: the account
    /// needs more failures than an address may make, and it forgets them before a stopped address (locked,
    /// or silent for its window) may try again.
    public var oneAddressCannotLockAnAccount: Bool {
        account.lockAfter > address.lockAfter && account.window < address.window
            && account.window < address.lockDuration
    }

    /// The stricter of two decisions: a lock over a wait, the longer wait over the shorter.
    public static func strictest(_ a: Decision, _ b: Decision) -> Decision {
        switch (a, b) {
        case (.locked(let x), .locked(let y)): .locked(until: max(x, y))
        case (.locked, _): a
        case (_, .locked): b
        case (.wait(let x), .wait(let y)): .wait(seconds: max(x, y))
        case (.wait, _): a
        case (_, .wait): b
        default: .allowed
        }
    }

    public struct State: Sendable, Equatable {
        /// Attempts counted (and not taken back by a success) since the count last started afresh.
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
}
