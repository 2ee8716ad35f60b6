import Foundation
import Testing

@testable import TTDNKit

/// The throttle's two scopes: what an attempt's number decides, and why one address cannot lock an account.
@Suite struct LoginThrottleScopeTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func theDefaultsKeepOneAddressFromLockingAnAccount() {
        #expect(LoginThrottle().oneAddressCannotLockAnAccount)
        var bad = LoginThrottle()
        bad.account.window = bad.address.lockDuration
        #expect(!bad.oneAddressCannotLockAnAccount)
        bad = LoginThrottle()
        bad.account.lockAfter = bad.address.lockAfter
        #expect(!bad.oneAddressCannotLockAnAccount)
    }

    /// Forty guesses that all passed the check at once are numbered 1…40 by the store: the first
    /// `lockAfter` are let through, the rest are refused and lock the key.
    @Test func attemptsBeyondTheLimitAreRefusedByTheirNumber() {
        let limits = LoginThrottle.Limits(freeFailures: 10, lockAfter: 10, lockDuration: 900)
        var state = LoginThrottle.State()
        var admitted = 0
        for _ in 0..<40 {
            state = limits.claiming(state, now: t0)
            if limits.admit(claimed: state, now: t0) == .allowed { admitted += 1 }
        }
        #expect(admitted == 10)
        #expect(state.failures == 40)
        #expect(limits.admit(claimed: state, now: t0) == .locked(until: t0.addingTimeInterval(900)))
        // The tenth failure itself locks.
        #expect(limits.lock(afterFailure: .init(failures: 10, lastFailure: t0), now: t0) == t0.addingTimeInterval(900))
        #expect(limits.lock(afterFailure: .init(failures: 9, lastFailure: t0), now: t0) == nil)
    }

    @Test func aRunningLockIsNeitherExtendedNorCountedAfresh() {
        let limits = LoginThrottle.Limits(lockAfter: 2, lockDuration: 600)
        var state = limits.recordingFailure(.init(), now: t0)
        state = limits.recordingFailure(state, now: t0)
        #expect(state.lockedUntil == t0.addingTimeInterval(600))
        let later = limits.claiming(state, now: t0.addingTimeInterval(300))
        #expect(limits.lock(afterFailure: later, now: t0.addingTimeInterval(300)) == nil)
        #expect(
            limits.admit(claimed: later, now: t0.addingTimeInterval(300)) == .locked(until: t0.addingTimeInterval(600)))
        // Once the lock has run out the count starts again at one.
        #expect(limits.claiming(state, now: t0.addingTimeInterval(601)).failures == 1)
    }

    @Test func theAccountLockIsACoolDown() throws {
        let account = LoginThrottle.Limits.perAccount
        var state = LoginThrottle.State()
        for i in 0..<account.lockAfter {
            state = account.recordingFailure(state, now: t0.addingTimeInterval(Double(i)))
        }
        let until = try #require(state.lockedUntil)
        #expect(account.decide(state, now: until.addingTimeInterval(-1)) == .locked(until: until))
        #expect(account.decide(state, now: until) == .allowed)
        // No waits on the account: they would slow its owner down as much as the guesser.
        var few = LoginThrottle.State()
        for _ in 0..<(account.lockAfter - 1) { few = account.recordingFailure(few, now: t0) }
        #expect(account.decide(few, now: t0) == .allowed)
    }

    /// A guesser at one address who tries as fast as the rules allow, for a day, never locks the account:
    /// the account is only counted once the address let the attempt through, and forgets in time.
    @Test func oneAddressGuessingForADayNeverLocksTheAccount() {
        let rules = LoginThrottle()
        var address = LoginThrottle.State()
        var account = LoginThrottle.State()
        var now = t0
        var guesses = 0
        while now < t0.addingTimeInterval(24 * 3600) {
            let before = LoginThrottle.strictest(
                rules.address.decide(address, now: now), rules.account.decide(account, now: now))
            if before == .allowed {
                address = rules.address.claiming(address, now: now)
                if rules.address.admit(claimed: address, now: now) == .allowed {
                    account = rules.account.claiming(account, now: now)
                    #expect(rules.account.admit(claimed: account, now: now) == .allowed)
                    guesses += 1
                    if let until = rules.address.lock(afterFailure: address, now: now) { address.lockedUntil = until }
                    if let until = rules.account.lock(afterFailure: account, now: now) { account.lockedUntil = until }
                }
            }
            #expect(rules.account.current(account, now: now).lockedUntil == nil)
            now = now.addingTimeInterval(1)
        }
        // The address was held to about ten guesses per lock period.
        #expect(guesses > 100 && guesses < 24 * 4 * 11)
    }

    @Test func strictestPrefersALockThenTheLongerWait() {
        let lock = LoginThrottle.Decision.locked(until: t0)
        #expect(LoginThrottle.strictest(.allowed, lock) == lock)
        #expect(LoginThrottle.strictest(.wait(seconds: 3), .wait(seconds: 9)) == .wait(seconds: 9))
        #expect(LoginThrottle.strictest(.wait(seconds: 3), .allowed) == .wait(seconds: 3))
        #expect(LoginThrottle.strictest(.allowed, .allowed) == .allowed)
    }
}
