import Foundation
import Testing

@testable import TTDNKit

@Suite("Jobs: retry with backoff")
struct RetryPolicyTests {
    let start = Date(timeIntervalSince1970: 1_780_000_000)

    @Test("A failed attempt is tried again after 5 min, 30 min, 2 h, 6 h, 12 h, then given up")
    func defaultBackoff() {
        let policy = RetryPolicy()
        let waits = (1...5).map { failures -> TimeInterval? in
            if case .retry(let at) = policy.after(failures: failures, at: start) { return at.timeIntervalSince(start) }
            return nil
        }
        #expect(waits == [300, 1800, 7200, 21600, 43200])
        #expect(policy.after(failures: 6, at: start) == .giveUp)
        #expect(policy.maxAttempts == 6)
    }

    @Test("Each wait is longer than the one before")
    func backoffGrows() {
        let policy = RetryPolicy()
        #expect(zip(policy.delays, policy.delays.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test("A permanent failure is not retried; nonsense counts give up rather than trap")
    func permanentAndOdd() {
        let policy = RetryPolicy(delays: [60])
        #expect(policy.after(failures: 1, at: start, permanent: true) == .giveUp)
        #expect(policy.after(failures: 1, at: start) == .retry(at: start.addingTimeInterval(60)))
        #expect(policy.after(failures: 0, at: start) == .giveUp)
        #expect(policy.after(failures: -3, at: start) == .giveUp)
        #expect(policy.after(failures: .max, at: start) == .giveUp)
        #expect(RetryPolicy(delays: []).after(failures: 1, at: start) == .giveUp)
    }

    @Test("An attempt holds its job for the lease")
    func lease() {
        #expect(RetryPolicy(lease: 90).leaseEnd(from: start) == start.addingTimeInterval(90))
    }
}
