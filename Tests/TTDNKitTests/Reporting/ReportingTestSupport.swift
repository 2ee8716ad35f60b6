import Foundation

@testable import TTDNKit

/// `d("2026-05-19")`: a date literal for tests.
func d(_ iso: String) -> LocalDate {
    guard let date = LocalDate(iso: iso) else { fatalError("bad test date \(iso)") }
    return date
}

/// An instant on `iso` at `hour`:00 Vietnam time.
func at(_ iso: String, _ hour: Int = 10) -> Date {
    d(iso).startOfDay().addingTimeInterval(Double(hour) * 3600)
}
