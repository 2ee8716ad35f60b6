import Foundation
import Testing

@testable import TTDNKit

@Suite struct SessionLifetimeTests {
    let rules = SessionLifetime(maximum: 12 * 3600, idle: 3600, touchInterval: 300)
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aSessionExpiresAfterItsLifetimeEvenWhenUsed() {
        #expect(!rules.isExpired(createdAt: t0, seenAt: t0, now: t0.addingTimeInterval(3000)))
        let late = t0.addingTimeInterval(12 * 3600 + 1)
        #expect(rules.isExpired(createdAt: t0, seenAt: late.addingTimeInterval(-10), now: late))
    }

    @Test func anIdleSessionExpires() {
        #expect(rules.isExpired(createdAt: t0, seenAt: t0, now: t0.addingTimeInterval(3601)))
        #expect(!rules.isExpired(createdAt: t0, seenAt: t0.addingTimeInterval(3000), now: t0.addingTimeInterval(3601)))
        #expect(rules.isExpired(createdAt: t0, seenAt: nil, now: t0.addingTimeInterval(3601)))
    }

    @Test func aSessionFromBeforeTheRulesIsExpired() {
        #expect(rules.isExpired(createdAt: nil, seenAt: nil, now: t0))
    }

    @Test func theLastSightIsWrittenAtMostEveryFewMinutes() {
        #expect(rules.needsTouch(seenAt: nil, now: t0))
        #expect(!rules.needsTouch(seenAt: t0, now: t0.addingTimeInterval(299)))
        #expect(rules.needsTouch(seenAt: t0, now: t0.addingTimeInterval(300)))
    }
}
