import Foundation

/// A task that runs between two dates (`từ 01/3 đến 30/6/2024`). `ttdn.plan/1` has no such timeframe
/// kind (plans rarely print one), so the app keeps it beside the task and this type prints it and
/// derives its milestone.
public struct DateRange: Sendable, Hashable, Codable {
    public var from: LocalDate
    public var to: LocalDate

    /// Nil when `to` is before `from`.
    public init?(from: LocalDate, to: LocalDate) {
        guard from <= to else { return nil }
        self.from = from
        self.to = to
    }

    /// `Từ ngày 01/3/2024 đến ngày 30/6/2024`, in the short date form plans use in running text.
    public var vietnamese: String {
        "Từ ngày \(Self.short(from)) đến ngày \(Self.short(to))"
    }

    /// `01/3/2024`: day padded, month not (as plans write dates inside sentences).
    static func short(_ d: LocalDate) -> String {
        String(format: "%02d/%d/%04d", d.day, d.month, d.year)
    }

    /// Reads what a user types: `từ 01/3 đến 30/6`, `01/3/2024 - 30/6/2024`, `từ ngày 1/3 đến ngày 30/6/2024`.
    /// A date without a year takes the other date's year, else `defaultYear`.
    public static func parse(_ text: String, defaultYear: Int) -> DateRange? {
        let f = VietnameseText.fold(text)
        var tokens: [(day: Int, month: Int, year: Int?)] = []
        for raw in f.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" }) {
            let parts = raw.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
            guard parts.count == 2 || parts.count == 3, let d = parts[0], let m = parts[1] else { continue }
            let y = parts.count == 3 ? parts[2] : nil
            if parts.count == 3 && y == nil { continue }
            tokens.append((d, m, y))
        }
        guard tokens.count == 2 else { return nil }
        let year1 = tokens[0].year ?? tokens[1].year ?? defaultYear
        let year2 = tokens[1].year ?? year1
        guard let a = LocalDate(year: year1, month: tokens[0].month, day: tokens[0].day),
            let b = LocalDate(year: year2, month: tokens[1].month, day: tokens[1].day)
        else { return nil }
        return DateRange(from: a, to: b)
    }
}
