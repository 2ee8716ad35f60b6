import Foundation

/// The date of a document, whose day (or month) may be left blank until it is signed: ND 30 lets the
/// clerk write it by hand, so `ngày    tháng 02 năm 2024` is a valid header.
public struct DocumentDate: Sendable, Hashable, Codable {
    public var year: Int
    public var month: Int?
    /// Only with a month.
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    public init(_ date: LocalDate) {
        self.init(year: date.year, month: date.month, day: date.day)
    }

    /// `2024-02-05`, `2024-02` (blank day) or `2024` (blank month), as `ttdn.plan/2` writes them.
    public init?(iso: String) {
        let parts = iso.split(separator: "-").map { Int($0) }
        guard (1...3).contains(parts.count), parts.allSatisfy({ $0 != nil }), let y = parts[0],
            (1000...9999).contains(y)
        else { return nil }
        let m = parts.count > 1 ? parts[1] : nil
        let d = parts.count > 2 ? parts[2] : nil
        if let m, !(1...12).contains(m) { return nil }
        if let m, let d, LocalDate(year: y, month: m, day: d) == nil { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var iso: String {
        guard let month else { return String(format: "%04d", year) }
        guard let day else { return String(format: "%04d-%02d", year, month) }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// `ngày 05 tháng 02 năm 2024`: days below 10 and months 1 and 2 take a leading zero (ND 30,
    /// Phụ lục I), so nobody can add a digit by hand; a blank day or month leaves room to write it.
    public var vietnamese: String {
        // A blank is four spaces between the words (`ngày    tháng`), room for two handwritten digits.
        let blank = "  "
        let d = month == nil ? blank : day.map { String(format: "%02d", $0) } ?? blank
        let m = month.map { $0 <= 2 ? String(format: "%02d", $0) : String($0) } ?? blank
        return "ngày \(d) tháng \(m) năm \(year)"
    }
}

/// The two header lines that carry numbers, formatted as Nghị định 30/2020 asks.
public enum HeaderLines {
    /// `Số: 05/KH-SNgV`; a blank number leaves room for the clerk: `Số:      /KH-SNgV`.
    public static func number(_ number: String?, symbol: String?) -> String {
        let trimmed = number?.trimmingCharacters(in: .whitespaces) ?? ""
        var printed = trimmed
        // Numbers below 10 take a leading zero (`05`, not `5`).
        if let n = Int(trimmed), n >= 0, n < 10 { printed = String(format: "%02d", n) }
        let numberPart = printed.isEmpty ? "     " : printed
        guard let symbol, !symbol.isEmpty else { return "Số: \(numberPart)" }
        return "Số: \(numberPart)/\(symbol)"
    }

    /// `Lạng Sơn, ngày 05 tháng 02 năm 2024`.
    public static func placeAndDate(place: String?, date: DocumentDate?) -> String {
        let datePart = date?.vietnamese ?? "ngày     tháng     năm     "
        guard let place, !place.isEmpty else { return datePart.prefix(1).uppercased() + datePart.dropFirst() }
        return "\(place), \(datePart)"
    }
}
