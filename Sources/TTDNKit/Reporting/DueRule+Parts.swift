/// The due and lock rules as a form asks for them: a kind chosen from a list and the numbers it needs
/// ("trước ngày [15] của tháng cuối kỳ", "khóa [10] ngày sau hạn"), so that nobody types rule syntax. The
/// interface words each kind; the kit only splits a rule into its parts and puts them back together.
extension DueRule {
    public enum Kind: String, Sendable, CaseIterable {
        case beforeDay = "before-day"
        case byDay = "by-day"
        case beforeDate = "before"
        case byDate = "by"
        case workingDaysAfterCutOff = "working-days-after-cutoff"
        case requester
    }

    public var kind: Kind {
        switch self {
        case .beforeDayOfLastMonth: .beforeDay
        case .byDayOfLastMonth: .byDay
        case .beforeDate: .beforeDate
        case .byDate: .byDate
        case .workingDaysAfterCutOff: .workingDaysAfterCutOff
        case .setByRequester: .requester
        }
    }

    /// The day, or the number of working days.
    public var number: Int? {
        switch self {
        case .beforeDayOfLastMonth(let n), .byDayOfLastMonth(let n), .workingDaysAfterCutOff(let n): n
        case .beforeDate(let d, _), .byDate(let d, _): d
        case .setByRequester: nil
        }
    }

    /// The month of a fixed date.
    public var month: Int? {
        switch self {
        case .beforeDate(_, let m), .byDate(_, let m): m
        default: nil
        }
    }

    /// The rule of `kind` with its numbers; nil when a number it needs is missing or out of range (a day
    /// outside 1–31 or past the month's end, a month outside 1–12, working days outside 1–60).
    public init?(kind: Kind, number: Int?, month: Int?) {
        switch kind {
        case .requester:
            self = .setByRequester
        case .beforeDay, .byDay:
            guard let number else { return nil }
            self.init(syntax: "\(kind.rawValue):\(number)")
        case .beforeDate, .byDate:
            guard let number, let month else { return nil }
            self.init(syntax: "\(kind.rawValue):\(number)/\(month)")
        case .workingDaysAfterCutOff:
            guard let number, (1...60).contains(number) else { return nil }
            self = .workingDaysAfterCutOff(number)
        }
    }
}

extension LockRule {
    /// `never` or `days-after-due`.
    public var kind: String {
        switch self {
        case .never: "never"
        case .daysAfterDue: "days-after-due"
        }
    }

    public var days: Int? {
        if case .daysAfterDue(let n) = self { return n }
        return nil
    }

    /// The rule of `kind` ("never", "days-after-due") with its number of days (0–366).
    public init?(kind: String, days: Int?) {
        switch kind {
        case "never": self = .never
        case "days-after-due":
            guard let days, (0...366).contains(days) else { return nil }
            self = .daysAfterDue(days)
        default: return nil
        }
    }
}
