import Foundation

/// A moment as RFC 3339 / ISO 8601 writes it in UTC, to the second: `2026-12-02T08:30:00Z`, as feeds, sitemaps,
/// JSON-LD, `<time datetime>`, DOCX properties and the audit trail carry it. Computed by arithmetic on the
/// Gregorian calendar: `ISO8601DateFormatter` builds an ICU formatter each time it is made, which was a tenth
/// of a search page's time with twenty results.
public enum InternetTime {
    /// `date` in UTC, whole seconds (a fraction is dropped, as `ISO8601DateFormatter` does); years outside
    /// 1…9999 are clamped to them.
    public static func string(_ date: Date) -> String {
        let limit = 253_402_300_799.0  // 9999-12-31T23:59:59Z
        let interval = max(-62_135_596_800, min(limit, date.timeIntervalSince1970.rounded(.down)))
        let seconds = Int(interval)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let inDay = seconds - days * 86_400
        let (year, month, day) = civil(daysSince1970: days)
        var out = ""
        out.reserveCapacity(20)
        append(year, width: 4, to: &out)
        out += "-"
        append(month, width: 2, to: &out)
        out += "-"
        append(day, width: 2, to: &out)
        out += "T"
        append(inDay / 3600, width: 2, to: &out)
        out += ":"
        append(inDay / 60 % 60, width: 2, to: &out)
        out += ":"
        append(inDay % 60, width: 2, to: &out)
        out += "Z"
        return out
    }

    /// The proleptic Gregorian day `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civil(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func append(_ value: Int, width: Int, to out: inout String) {
        let digits = String(value)
        if digits.count < width { out += String(repeating: "0", count: width - digits.count) }
        out += digits
    }
}
