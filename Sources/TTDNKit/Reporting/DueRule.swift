import Foundation

/// When a period's report is due. The due date is the *last day on which a submission counts as on time*
/// (Vietnam time); a submission on the next day is late.
///
/// "Trước ngày N" is read literally: *before* day N, so the due date is day N − 1. Plans that mean "by
/// day N, inclusive" ("chậm nhất ngày N", "no later than the 25th" of Nghị định 09 Art. 13) use the `by…`
/// rules. Both are kept as data (the number N as written), so the reading can be changed per regime
/// without retyping the plan.
///
/// Stored and typed as a compact string (the `--due` syntax of `ttdn periods`, see docs/REPORTING.md):
///
/// | syntax | rule |
/// |---|---|
/// | `before-day:20` (or `before-day-last-month:20`) | before day 20 of the period's last month → due the 19th |
/// | `by-day:25` | on or before day 25 of the period's last month |
/// | `before:15/11` | before 15 November of the period's year → due 14 November |
/// | `by:15/11` | on or before 15 November of the period's year |
/// | `working-days-after-cutoff:3` | the 3rd working day after the data cut-off |
/// | `requester` | a date set by whoever asks (ad-hoc, special-topic) |
public enum DueRule: Sendable, Equatable, Hashable, CustomStringConvertible {
    case beforeDayOfLastMonth(Int)
    case byDayOfLastMonth(Int)
    case beforeDate(day: Int, month: Int)
    case byDate(day: Int, month: Int)
    case workingDaysAfterCutOff(Int)
    case setByRequester

    /// Nghị định 09/2019 Art. 13: provinces send periodic reports no later than the 25th of the period's
    /// last month.
    public static let nd09Article13 = DueRule.byDayOfLastMonth(25)

    /// The compact syntax.
    public var description: String {
        switch self {
        case .beforeDayOfLastMonth(let n): return "before-day:\(n)"
        case .byDayOfLastMonth(let n): return "by-day:\(n)"
        case .beforeDate(let d, let m): return "before:\(d)/\(m)"
        case .byDate(let d, let m): return "by:\(d)/\(m)"
        case .workingDaysAfterCutOff(let n): return "working-days-after-cutoff:\(n)"
        case .setByRequester: return "requester"
        }
    }

    /// Parses the compact syntax; nil for anything else, a day outside 1–31, a month outside 1–12, an
    /// impossible day of month (31/4) or a negative count.
    public init?(syntax: String) {
        let text = syntax.trimmingCharacters(in: .whitespaces).lowercased()
        if text == "requester" {
            self = .setByRequester
            return
        }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let name = String(text[..<colon])
        let value = String(text[text.index(after: colon)...])
        switch name {
        case "before-day", "before-day-last-month":
            guard let n = Int(value), (1...31).contains(n) else { return nil }
            self = .beforeDayOfLastMonth(n)
        case "by-day", "by-day-last-month":
            guard let n = Int(value), (1...31).contains(n) else { return nil }
            self = .byDayOfLastMonth(n)
        case "before", "by":
            let parts = value.split(separator: "/", omittingEmptySubsequences: false)
            // 29/2 is allowed: in a common year it means the last day of February.
            guard parts.count == 2, let d = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m),
                d >= 1, d <= LocalDate.daysIn(month: m, year: 2024)
            else { return nil }
            self = name == "before" ? .beforeDate(day: d, month: m) : .byDate(day: d, month: m)
        case "working-days-after-cutoff":
            guard let n = Int(value), n >= 0 else { return nil }
            self = .workingDaysAfterCutOff(n)
        default:
            return nil
        }
    }

    /// The due date the rule itself gives for a period whose last calendar month is `lastMonth` of
    /// `year` and whose data window ends on `cutOff`; nil for `setByRequester`. No shifting off
    /// non-working days and no Art. 8.5 check here: `PeriodEngine` does those.
    func nominalDueDate(year: Int, lastMonth: Int, cutOff: LocalDate, calendar: inout WorkingDays) -> LocalDate? {
        switch self {
        case .beforeDayOfLastMonth(let n):
            // The day before day n; "before day 31" of a 30-day month is its last day.
            if n > LocalDate.daysIn(month: lastMonth, year: year) {
                return LocalDate.clamped(year: year, month: lastMonth, day: 31)
            }
            return LocalDate(year: year, month: lastMonth, day: n)!.addingDays(-1)
        case .byDayOfLastMonth(let n):
            return LocalDate.clamped(year: year, month: lastMonth, day: n)
        case .beforeDate(let d, let m):
            if d > LocalDate.daysIn(month: m, year: year) { return LocalDate.clamped(year: year, month: m, day: d) }
            return LocalDate(year: year, month: m, day: d)!.addingDays(-1)
        case .byDate(let d, let m):
            return LocalDate.clamped(year: year, month: m, day: d)
        case .workingDaysAfterCutOff(let n):
            return calendar.adding(n, to: cutOff)
        case .setByRequester:
            return nil
        }
    }
}

extension DueRule: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let rule = DueRule(syntax: text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a due rule: \(text)")
        }
        self = rule
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
