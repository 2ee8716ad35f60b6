import Foundation

/// Progress rolled up a plan's outline: a task with sub-tasks is as far along as the mean of its
/// sub-tasks, and done (on the last sub-task's day) only when all of them are; a task without sub-tasks
/// keeps what its lead agency reported.
public enum TaskRollUp {
    public struct Node: Sendable, Equatable {
        public var id: UUID
        public var parent: UUID?
        /// 0…100 as reported (100 when completed).
        public var progress: Int
        public var completedOn: LocalDate?

        public init(id: UUID, parent: UUID?, progress: Int, completedOn: LocalDate?) {
            self.id = id
            self.parent = parent
            self.progress = progress
            self.completedOn = completedOn
        }
    }

    public struct Rolled: Sendable, Equatable {
        public var progress: Int
        public var completedOn: LocalDate?

        public init(progress: Int, completedOn: LocalDate?) {
            self.progress = progress
            self.completedOn = completedOn
        }
    }

    public static func roll(_ nodes: [Node]) -> [UUID: Rolled] {
        let children = Dictionary(grouping: nodes.filter { $0.parent != nil }, by: { $0.parent! })
        let byID = Dictionary(nodes.map { ($0.id, $0) }) { a, _ in a }
        var memo: [UUID: Rolled] = [:]
        func visit(_ id: UUID, depth: Int) -> Rolled {
            if let done = memo[id] { return done }
            let node = byID[id]!
            let kids = depth < 32 ? (children[id] ?? []) : []
            let result: Rolled
            if kids.isEmpty {
                result = Rolled(
                    progress: node.completedOn != nil ? 100 : min(max(node.progress, 0), 100),
                    completedOn: node.completedOn)
            } else {
                let rolled = kids.map { visit($0.id, depth: depth + 1) }
                let mean = Int((Double(rolled.map(\.progress).reduce(0, +)) / Double(rolled.count)).rounded())
                let allDone = rolled.allSatisfy { $0.completedOn != nil }
                result = Rolled(
                    progress: allDone ? 100 : min(mean, 99),
                    completedOn: allDone ? rolled.compactMap(\.completedOn).max() : nil)
            }
            memo[id] = result
            return result
        }
        for node in nodes { _ = visit(node.id, depth: 0) }
        return memo
    }
}
