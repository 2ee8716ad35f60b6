import Foundation

/// A calendar day with no time and no zone: a document's date, a deadline, a validity bound.
/// Encoded as an ISO string (`2025-07-01`) in JSON and in the database, so it sorts as text.
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Vietnam's time zone (UTC+7, no daylight saving): every date shown to a person is in it.
    public static let vietnam = TimeZone(secondsFromGMT: 7 * 3600)!

    static let gregorian: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = LocalDate.vietnam
        return calendar
    }()

    /// A valid day, or nil (`LocalDate(year: 2023, month: 2, day: 30)` is nil).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= LocalDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `date` falls on in `zone` (Vietnam by default).
    public init(_ date: Date, in zone: TimeZone = LocalDate.vietnam) {
        var calendar = LocalDate.gregorian
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.year = parts.year!
        self.month = parts.month!
        self.day = parts.day!
    }

    /// Today in Vietnam.
    public static func today(now: Date) -> LocalDate { LocalDate(now) }

    /// Parses `YYYY-MM-DD`; nil for anything else or an impossible day.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var iso: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public var description: String { iso }

    /// Midnight at the start of this day in `zone`.
    public func startOfDay(in zone: TimeZone = LocalDate.vietnam) -> Date {
        var calendar = LocalDate.gregorian
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    public func adding(days: Int) -> LocalDate {
        LocalDate(LocalDate.gregorian.date(byAdding: .day, value: days, to: startOfDay())!)
    }

    /// 1 = Monday … 7 = Sunday (ISO 8601).
    public var isoWeekday: Int {
        let weekday = LocalDate.gregorian.component(.weekday, from: startOfDay())  // 1 = Sunday
        return weekday == 1 ? 7 : weekday - 1
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = LocalDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO date: \(text)")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
