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
        let documents = charged.map { Set(phrases(in: $0.duties.joined(separator: ". ")).flatMap { $0.map(\.key) }) }
        var frequency: [String: Int] = [:]
        for document in documents { for key in document { frequency[key, default: 0] += 1 } }
        let count = Double(charged.count)
        func weight(_ key: String) -> Double {
            let df = Double(frequency[key] ?? 1)
            return count >= 4 && df >= count / 2 ? 0 : log(1 + count / df)
        }
        let clauses = phrases(in: ([task.title] + task.content).joined(separator: ". "))
        var out: [Proposal] = []
        for (index, responsibility) in charged.enumerated() {
            // Runs of neighbouring pairs the duties share make one phrase: `hợp tác y tế`, not three pairs.
            var shared: [(String, Double)] = []
            for clause in clauses {
                var run: [Pair] = []
                func close() {
                    defer { run = [] }
                    let score = run.reduce(0) { $0 + weight($1.key) }
                    guard score > 0 else { return }
                    let words = [run[0].first] + run.map(\.second)
                    // A lone pair with a little word in it (`của trung`, `các tỉnh`) tells nothing.
                    if run.count == 1, words.contains(where: { littleWords.contains(FastFold.fold($0)) }) { return }
                    let phrase = words.joined(separator: " ")
                    if !shared.contains(where: { $0.0 == phrase }) { shared.append((phrase, score)) }
                }
                for pair in clause {
                    if documents[index].contains(pair.key) { run.append(pair) } else if !run.isEmpty { close() }
                }
                if !run.isEmpty { close() }
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

    /// Two neighbouring words of a clause, as written and folded.
    struct Pair {
        var first: String
        var second: String
        var key: String
    }

    /// Words that join others and name nothing (folded).
    static let littleWords: Set<String> = [
        "cua", "cac", "va", "voi", "cho", "ve", "tren", "tai", "de", "trong", "nhung", "duoc", "la", "co", "theo",
        "tu", "den", "mot", "hai", "nay", "do", "khi", "o", "ra", "vao", "tinh",
    ]

    /// Each clause's neighbouring word pairs, in order.
    static func phrases(in text: String) -> [[Pair]] {
        var out: [[Pair]] = []
        for clause in text.split(whereSeparator: { ".,;:()!?\n".contains($0) }) {
            let words = clause.split(separator: " ").map(String.init).filter { $0.contains(where: \.isLetter) }
            guard words.count >= 2 else { continue }
            out.append(
                (0..<(words.count - 1)).map {
                    Pair(
                        first: words[$0], second: words[$0 + 1],
                        key: FastFold.fold((words[$0] + " " + words[$0 + 1]).lowercased()))
                })
        }
        return out
    }
}
