import Foundation

/// What a new version of a plan changes, task by task (issue 11: importing an amended plan as a new version
/// of the one in the platform). A task is *kept* when the new version has one with the same ref and the same
/// title (compared folded, spacing ignored): its row, and so the reports already made on it, stay; whether
/// its text, agencies or timeframe changed is noted. Every other old task is *removed* and every other new
/// one *added*, so a task whose wording changed starts afresh rather than carrying reports on other work.
public struct PlanVersionDiff: Equatable, Sendable {
    public struct Kept: Equatable, Sendable {
        public var ref: String
        public var old: Int
        public var new: Int
        /// Its content, lead, support or timeframe differ.
        public var changed: Bool
    }

    public var kept: [Kept] = []
    /// Indices into the new tasks.
    public var added: [Int] = []
    /// Indices into the old tasks.
    public var removed: [Int] = []

    public static func diff(old: [PlanTask], new: [PlanTask]) -> PlanVersionDiff {
        var byKey: [String: [Int]] = [:]
        for (index, task) in old.enumerated() { byKey[key(task), default: []].append(index) }
        var out = PlanVersionDiff()
        var matched = Set<Int>()
        for (index, task) in new.enumerated() {
            guard var candidates = byKey[key(task)], !candidates.isEmpty else {
                out.added.append(index)
                continue
            }
            let previous = candidates.removeFirst()
            byKey[key(task)] = candidates
            matched.insert(previous)
            let before = old[previous]
            let changed =
                before.content != task.content || before.lead != task.lead || before.support != task.support
                || before.timeframe != task.timeframe
            out.kept.append(Kept(ref: task.ref, old: previous, new: index, changed: changed))
        }
        out.removed = old.indices.filter { !matched.contains($0) }
        return out
    }

    static func key(_ task: PlanTask) -> String {
        task.ref + "\u{1F}" + FastFold.fold(VietnameseText.collapseWhitespace(task.title))
    }
}
