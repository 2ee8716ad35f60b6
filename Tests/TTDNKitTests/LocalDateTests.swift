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
