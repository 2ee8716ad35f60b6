/// When to remind agencies that have not submitted: calendar days before and after the due date, like
/// DHIS2's notification "schedule days" (negative = "pending", positive = "overdue"). Only reminder
/// *dates* live here; who gets them and how (in-app, e-mail, the coordinator's summary) is the app's.
public struct ReminderSchedule: Codable, Sendable, Equatable, Hashable {
    /// Days before the due date (3 = three days before), largest first.
    public var daysBefore: [Int]
    /// Days after the due date (1 = the day after), smallest first.
    public var daysAfter: [Int]

    public init(daysBefore: [Int] = [3, 1], daysAfter: [Int] = [1, 3, 7]) {
        self.daysBefore = Array(Set(daysBefore.filter { $0 >= 0 })).sorted(by: >)
        self.daysAfter = Array(Set(daysAfter.filter { $0 > 0 })).sorted()
    }

    /// Three and one day before, then one, three and seven days after: a first nudge, a last call, and
    /// escalating chasers (hcckpi-tasks warns at 7/3/1 days; Decidim re-reminds after 3 and 7).
    public static let standard = ReminderSchedule()
    public static let none = ReminderSchedule(daysBefore: [], daysAfter: [])

    /// The reminder dates for a report due on `due`, in order. A reminder on the due date itself is
    /// `daysBefore: [0]`.
    public func dates(due: LocalDate) -> [LocalDate] {
        daysBefore.map { due.addingDays(-$0) } + daysAfter.map { due.addingDays($0) }
    }

    enum CodingKeys: String, CodingKey {
        case daysBefore = "days_before"
        case daysAfter = "days_after"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            daysBefore: try c.decodeIfPresent([Int].self, forKey: .daysBefore) ?? [],
            daysAfter: try c.decodeIfPresent([Int].self, forKey: .daysAfter) ?? [])
    }
}
