import Foundation

/// A date a task is due to have something done by: the end of a named quarter, one issue of a
/// quarterly bulletin, the end of the year.
public struct Milestone: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// The end of a quarter the plan names (`Quý II, III`).
        case quarter
        /// One delivery of a recurring task (`04 số, 01 số/quý`): the end of its period.
        case delivery
        /// The end of the year (`trong năm`).
        case year
        /// A progress check on an ongoing task (only when asked for, see `Milestones.Options`).
        case checkpoint
        /// The last day of a date range.
        case deadline
    }

    /// Stable within a task (`q2-2024`, `d3-2024`, `y2024`): calendar UIDs and stored progress use it.
    public var key: String
    /// Vietnamese, for screens and calendars: `Hết Quý II/2024`, `Lần 3/4 (Quý III/2024)`.
    public var title: String
    public var due: LocalDate
    public var kind: Kind
    /// For deliveries with a stated total: how many should be done by `due`, counting from the start.
    public var target: Int?

    public init(key: String, title: String, due: LocalDate, kind: Kind, target: Int? = nil) {
        self.key = key
        self.title = title
        self.due = due
        self.kind = kind
        self.target = target
    }
}

/// Milestones derived from a task's timeframe.
///
/// - quarters → the last day of each named quarter, in the timeframe's year or the plan's;
/// - recurring → the end of each period (quarter, month, ISO week ending Sunday, year); with a total
///   below the number of periods the deliveries are spread evenly and end with the year
///   (`02 lần/quý`… `02 lần` each half: 30/6 and 31/12); a larger total gives every period, with the
///   running target;
/// - within the year → 31 December;
/// - ongoing → none by default: `Thường xuyên` sets no due date, and a made-up one would mark the task
///   late (ND 09/2019 and the status rules give lateness weight). Progress on ongoing work is asked for by
///   the plan's reporting duties, which the app turns into report deadlines. `Options.ongoing` can ask
///   for quarterly checkpoints instead, for a coordinator who wants them on the calendar;
/// - external (`Theo kế hoạch của tỉnh`) → none: the date is set by another document;
/// - a date range → its last day.
public enum Milestones {
    public struct Options: Sendable {
        public enum Ongoing: Sendable { case none, quarterlyCheckpoints }
        public var ongoing: Ongoing = .none
        public init() {}
    }

    public static func derive(from timeframe: Timeframe, planYear: Int, options: Options = Options()) -> [Milestone] {
        let year = timeframe.year ?? planYear
        switch timeframe.kind {
        case .quarters:
            return (timeframe.quarters ?? []).filter { (1...4).contains($0) }.sorted().map { q in
                Milestone(
                    key: "q\(q)-\(year)", title: "Hết Quý \(OutlineLabels.roman(q))/\(year)", due: quarterEnd(q, year),
                    kind: .quarter)
            }
        case .recurring:
            return deliveries(every: timeframe.every ?? .quarter, count: timeframe.count, year: year)
        case .year:
            return [
                Milestone(
                    key: "y\(year)", title: "Hết năm \(year)", due: LocalDate(year: year, month: 12, day: 31)!,
                    kind: .year)
            ]
        case .ongoing:
            guard options.ongoing == .quarterlyCheckpoints else { return [] }
            return (1...4).map { q in
                Milestone(
                    key: "c\(q)-\(year)", title: "Kiểm điểm Quý \(OutlineLabels.roman(q))/\(year)",
                    due: quarterEnd(q, year), kind: .checkpoint)
            }
        case .external:
            return []
        }
    }

    public static func derive(from range: DateRange) -> [Milestone] {
        [
            Milestone(
                key: "due-\(range.to.iso)", title: "Hạn \(DateRange.short(range.to))", due: range.to, kind: .deadline)
        ]
    }

    /// The first milestone due on or after `date` (the "next milestone" of a task list).
    public static func next(_ milestones: [Milestone], onOrAfter date: LocalDate) -> Milestone? {
        milestones.filter { $0.due >= date }.min { $0.due < $1.due }
    }

    static func quarterEnd(_ q: Int, _ year: Int) -> LocalDate {
        let month = q * 3
        return LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))!
    }

    /// The period ends of a year with their names.
    static func periodEnds(_ every: Timeframe.Period, _ year: Int) -> [(name: String, end: LocalDate)] {
        switch every {
        case .quarter:
            return (1...4).map { ("Quý \(OutlineLabels.roman($0))/\(year)", quarterEnd($0, year)) }
        case .month:
            return (1...12).map { m in
                ("Tháng \(m)/\(year)", LocalDate(year: year, month: m, day: LocalDate.daysIn(month: m, year: year))!)
            }
        case .year:
            return [("Năm \(year)", LocalDate(year: year, month: 12, day: 31)!)]
        case .week:
            // Weeks end on Sunday; the weeks whose Sunday falls in the year.
            var day = LocalDate(year: year, month: 1, day: 1)!
            while day.isoWeekday != 7 { day = day.adding(days: 1) }
            var out: [(String, LocalDate)] = []
            while day.year == year {
                out.append(("Tuần \(out.count + 1)/\(year)", day))
                day = day.adding(days: 7)
            }
            return out
        }
    }

    static func deliveries(every: Timeframe.Period, count: Int?, year: Int) -> [Milestone] {
        let ends = periodEnds(every, year)
        let periods = ends.count
        let prefix: String
        switch every {
        case .quarter: prefix = "q"
        case .month: prefix = "m"
        case .week: prefix = "w"
        case .year: prefix = "y"
        }
        func milestone(_ index: Int, number: Int, total: Int?, target: Int?) -> Milestone {
            let (name, end) = ends[index]
            let title = total.map { "Lần \(number)/\($0) (\(name))" } ?? name
            return Milestone(
                key: "\(prefix)\(index + 1)-\(year)", title: title, due: end, kind: .delivery, target: target)
        }
        guard let count, count > 0 else {
            return ends.indices.map { milestone($0, number: $0 + 1, total: nil, target: nil) }
        }
        if count < periods {
            // Spread evenly, the last one at the year's end: delivery i in period ⌈i·P/count⌉.
            return (1...count).map { i in
                let period = (i * periods + count - 1) / count
                return milestone(period - 1, number: i, total: count, target: i)
            }
        }
        // As many or more than periods: every period, with the running total due by its end.
        return ends.indices.map { k in
            let target = ((k + 1) * count + periods - 1) / periods
            return milestone(k, number: k + 1, total: count == periods ? count : nil, target: target)
        }
    }
}
