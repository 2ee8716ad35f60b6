import Foundation

/// Period labels in the page's language: stored Vietnamese labels for `vi`, built from the key for `en`.
enum PeriodText {
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    static func label(_ key: String, stored: String, _ locale: AppLocale) -> String {
        guard locale == .en else { return stored }
        let parts = key.split(separator: "-")
        guard let year = parts.first else { return stored }
        guard parts.count == 2 else { return "Year \(year)" }
        let tail = parts[1]
        if tail.hasPrefix("Q") { return "\(tail) \(year)" }
        if tail.hasPrefix("H") { return "\(tail == "H1" ? "First half" : "Second half") \(year)" }
        if tail == "9M" { return "Nine months \(year)" }
        if let month = Int(tail), (1...12).contains(month) {
            return "\(months[month - 1]) \(year)"
        }
        return stored
    }
}
