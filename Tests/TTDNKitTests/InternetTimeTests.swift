import Foundation
import Testing

@testable import TTDNKit

@Suite struct InternetTimeTests {
    @Test func knownMoments() {
        #expect(InternetTime.string(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(InternetTime.string(Date(timeIntervalSince1970: 1_751_306_400)) == "2025-06-30T18:00:00Z")
        // A leap day, and the fraction dropped rather than rounded up.
        #expect(InternetTime.string(Date(timeIntervalSince1970: 951_868_799.9)) == "2000-02-29T23:59:59Z")
        #expect(InternetTime.string(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
        #expect(InternetTime.string(.distantFuture) == "4001-01-01T00:00:00Z")
        #expect(InternetTime.string(Date(timeIntervalSince1970: 1e13)) == "9999-12-31T23:59:59Z")
    }

    /// Foundation's formatter is the reference: the same text for moments spread over four centuries (with
    /// fractions short of the next second, which Foundation rounds up from a few milliseconds before it).
    @Test func agreesWithFoundation() {
        let formatter = ISO8601DateFormatter()
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let interval =
                Double(Int64.random(in: -5_000_000_000...10_000_000_000, using: &generator))
                + Double.random(in: 0..<0.99, using: &generator)
            let date = Date(timeIntervalSince1970: interval)
            #expect(InternetTime.string(date) == formatter.string(from: date), "\(interval)")
        }
    }
}
