import struct Foundation.Date
import struct Foundation.TimeInterval

/// When a failed job (an e-mail, a reminder) is tried again, and when it is given up.
///
/// Pure: the app stores a job's attempts and last error and asks `after(failures:at:)` once an attempt has
/// failed. The delays grow (5 min, 30 min, 2 h, 6 h, 12 h by default) so that a server that is down for an
/// hour or a night does not lose the message, and a job that keeps failing stops after `delays.count + 1`
/// attempts instead of trying for ever. A failure that no retry can mend (an address that is refused before
/// it is sent) is given up at once.
///
/// An attempt in progress holds the job for `lease`: a second instance does not take it meanwhile, and a
/// process that dies in the middle of a send leaves a job that is taken again once the lease has run out.
public struct RetryPolicy: Sendable, Equatable {
    /// The wait before the 2nd, 3rd, … attempt.
    public var delays: [TimeInterval]
    public var lease: TimeInterval

    public init(
        delays: [TimeInterval] = [5 * 60, 30 * 60, 2 * 3600, 6 * 3600, 12 * 3600], lease: TimeInterval = 30 * 60
    ) {
        self.delays = delays
        self.lease = lease
    }

    /// The most attempts a job gets.
    public var maxAttempts: Int { delays.count + 1 }

    public enum Next: Sendable, Equatable {
        /// Try again at this moment or later.
        case retry(at: Date)
        /// No more attempts.
        case giveUp
    }

    /// What follows the failure of attempt number `failures` (1 for the first) that ended at `now`.
    public func after(failures: Int, at now: Date, permanent: Bool = false) -> Next {
        guard !permanent, failures >= 1, failures <= delays.count else { return .giveUp }
        return .retry(at: now.addingTimeInterval(delays[failures - 1]))
    }

    /// Until when an attempt that starts at `now` holds its job.
    public func leaseEnd(from now: Date) -> Date { now.addingTimeInterval(lease) }
}
