@testable import TTDNKit

/// `d("2026-05-19")`: a date literal for tests.
func d(_ iso: String) -> LocalDate {
    guard let date = LocalDate(iso: iso) else { fatalError("bad test date \(iso)") }
    return date
}
