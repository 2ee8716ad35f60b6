/// How far a task has got toward the outputs its plan expects, counted from the work linked to it (issues of a
/// bulletin, a handbook, articles) instead of typed by anyone: "2 of 4 published; the 3rd due by 30/09".
///
/// The schedule comes from the task's milestones (`Milestones.derive`): a recurring task (`04 số, 01 số/quý`)
/// has a running target per delivery; a task with a count and a date (`Xuất bản Sổ tay … Quý III`) expects the
/// whole count by its last milestone; a task with a count and no date has a target and no due date; an
/// ongoing task with no count only counts what was produced. An output counts toward the schedule on the day
/// it came out (published, issued): one that came out after its delivery was due made that delivery late.
public struct OutputProgress: Sendable, Equatable {
    public enum State: String, Sendable, CaseIterable {
        /// Nothing to measure against: only the count of what was produced is shown.
        case untargeted
        /// Every delivery due so far is there, more are to come.
        case onTrack
        /// A delivery whose day has passed is missing.
        case late
        /// The whole expected count is there.
        case done
    }

    /// One delivery still to come or overdue: the `number`-th output (1-based), due by `due` when the plan
    /// dates it.
    public struct Delivery: Sendable, Equatable {
        public var number: Int
        public var due: LocalDate?
    }

    /// The number the plan expects in all, when it states or implies one.
    public var expected: Int?
    /// How many linked outputs came out (on any day).
    public var produced: Int
    /// How many of those came out after the day their delivery was due.
    public var producedLate: Int
    /// The first delivery not yet produced, when one is expected.
    public var next: Delivery?
    public var state: State

    /// How far a task has got: `milestones` of its timeframe, `expected` the count the plan gives (the
    /// timeframe's `count`, else the task's expected outputs), `produced` the days its linked outputs came out.
    public static func measure(
        milestones: [Milestone], expected: Int?, produced: [LocalDate], today: LocalDate
    ) -> OutputProgress {
        let days = produced.sorted()
        let schedule = schedule(milestones: milestones, expected: expected)
        let total = expected ?? schedule.last?.target
        var progress = OutputProgress(
            expected: total, produced: days.count, producedLate: 0, next: nil, state: .untargeted)
        guard let total, total > 0 else { return progress }
        // The due day of the n-th output: the first milestone whose running target reaches n.
        func due(_ n: Int) -> LocalDate? { schedule.first { $0.target >= n }?.due }
        for (index, day) in days.prefix(total).enumerated() {
            if let due = due(index + 1), day > due { progress.producedLate += 1 }
        }
        if days.count >= total {
            progress.state = .done
            return progress
        }
        let next = Delivery(number: days.count + 1, due: due(days.count + 1))
        progress.next = next
        progress.state = next.due.map { $0 < today } == true ? .late : .onTrack
        return progress
    }

    /// Running targets by day: the deliveries' own, else the whole count by the last dated milestone.
    static func schedule(milestones: [Milestone], expected: Int?) -> [(due: LocalDate, target: Int)] {
        let sorted = milestones.sorted { $0.due < $1.due }
        let deliveries = sorted.compactMap { m in m.target.map { (due: m.due, target: $0) } }
        if !deliveries.isEmpty { return deliveries }
        if let expected, let last = sorted.last { return [(last.due, expected)] }
        return []
    }
}
