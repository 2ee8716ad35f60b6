import Foundation
import Testing

@testable import TTDNKit

@Suite struct LocalDateTests {
    @Test func parsesAndPrintsISO() {
        #expect(LocalDate(iso: "2025-07-01")?.iso == "2025-07-01")
        #expect(LocalDate(iso: "2023-02-29") == nil)
        #expect(LocalDate(iso: "2024-02-29") != nil)
        #expect(LocalDate(iso: "2024-2-9") == nil)
    }

    @Test func dayInVietnamNotUTC() {
        // 2025-06-30 18:00 UTC is already 1 July in Vietnam.
        let instant = Date(timeIntervalSince1970: 1_751_306_400)
        #expect(LocalDate(instant).iso == "2025-07-01")
    }

    @Test func weekdaysAndArithmetic() {
        let date = LocalDate(iso: "2026-11-24")!
        #expect(date.isoWeekday == 2)
        #expect(date.adding(days: 7).iso == "2026-12-01")
        #expect(LocalDate(iso: "2026-12-31")!.adding(days: 1).iso == "2027-01-01")
    }
}

@Suite("Local date and time")
struct LocalDateTimeTests {
    @Test("A datetime-local value is a time in Vietnam, whatever the server's zone")
    func parse() throws {
        let date = try #require(LocalDateTime.parse("2026-12-03T15:30"))
        // 15:30 in Vietnam is 08:30 UTC.
        #expect(date == Date(timeIntervalSince1970: 1_796_286_600))
        #expect(LocalDateTime.format(date) == "2026-12-03T15:30")
        #expect(LocalDateTime.parse("2026-12-03T15:30:20") == date.addingTimeInterval(20))
        for bad in [
            "", "2026-12-03", "2026-13-03T10:00", "2026-02-30T10:00", "2026-12-03T24:00", "2026-12-03T10:60",
            "2026-12-03T1a:00", "2026-12-03T10:00:00:00", "T10:00", "2026-12-03T10",
        ] {
            #expect(LocalDateTime.parse(bad) == nil, "\(bad)")
        }
    }
}
