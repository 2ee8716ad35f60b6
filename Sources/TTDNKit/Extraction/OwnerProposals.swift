import Foundation

/// Owners for a task the plan leaves without a lead, proposed from *Tổ chức thực hiện*: the responsibilities
/// whose duties share the most telling phrases with the task (`du lịch`, `biên giới`, `báo chí nước ngoài`),
/// with those phrases as the reason. Nothing is filled in: the review screen shows the proposals and the
/// coordinator chooses (issue 11: no task without an owner, silently).
///
/// Phrases are pairs of neighbouring words within a clause, compared folded; a phrase found in the duties of
/// half the responsibilities or more (`thông tin`, `đối ngoại` in a foreign-information plan) tells nothing
/// and weighs nothing, a rarer one weighs more.
public enum OwnerProposals {
    public struct Proposal: Equatable, Sendable {
        /// The agencies charged, as the plan wrote them.
        public var agencies: [String]
        /// The responsibility's ref (`IV.3`).
        public var ref: String
        /// The phrases the task and the duties share, as the task writes them, most telling first.
        public var shared: [String]
        public var score: Double
    }

    public static func proposals(for task: PlanTask, in plan: PlanDocument, limit: Int = 3) -> [Proposal] {
        let charged = plan.responsibilities.filter { !$0.agencies.isEmpty && !$0.duties.isEmpty }
        guard !charged.isEmpty else { return [] }
        let documents = charged.map { phrases(in: $0.duties.joined(separator: ". ")) }
        var frequency: [String: Int] = [:]
        for document in documents { for key in Set(document.keys) { frequency[key, default: 0] += 1 } }
        let count = Double(charged.count)
        let taskPhrases = phrases(in: ([task.title] + task.content).joined(separator: ". "))
        var out: [Proposal] = []
        for (index, responsibility) in charged.enumerated() {
            var shared: [(String, Double)] = []
            for (key, written) in taskPhrases where documents[index][key] != nil {
                let df = Double(frequency[key] ?? 1)
                guard count < 4 || df < count / 2 else { continue }
                shared.append((written, log(1 + count / df)))
            }
            guard !shared.isEmpty else { continue }
            shared.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            out.append(
                Proposal(
                    agencies: responsibility.agencies, ref: responsibility.ref, shared: shared.map(\.0),
                    score: shared.reduce(0) { $0 + $1.1 }))
        }
        return Array(out.sorted { $0.score != $1.score ? $0.score > $1.score : $0.ref < $1.ref }.prefix(limit))
    }

    /// Folded word pairs within clauses → the pair as written (lower case).
    static func phrases(in text: String) -> [String: String] {
        var out: [String: String] = [:]
        for clause in text.split(whereSeparator: { ".,;:()!?\n".contains($0) }) {
            let words = clause.split(separator: " ").map { $0.lowercased() }.filter {
                $0.contains(where: \.isLetter)
            }
            guard words.count >= 2 else { continue }
            for i in 0..<(words.count - 1) {
                let written = words[i] + " " + words[i + 1]
                let key = FastFold.fold(written)
                if out[key] == nil { out[key] = written }
            }
        }
        return out
    }
}
