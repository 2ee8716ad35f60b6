import Fluent
import Foundation
import TTDNKit

/// Links work to the plan tasks it counts toward, proposes the tasks (`EvidenceMatcher`) and reads what the
/// links add up to (`OutputProgress`). Every link and unlink is audited.
struct OutputLinks {
    let db: any Database
    let audit: AuditContext

    /// A linked task as the output's page shows it.
    struct Linked: Sendable {
        let link: OutputLink
        let task: PlanTask
        let plan: Plan
    }

    /// A task the output may count toward, with why.
    struct Candidate: Sendable {
        let task: PlanTask
        let plan: Plan
        let proposal: EvidenceMatcher.Proposal?
    }

    /// Links the output to the task; false when it was linked already.
    @discardableResult
    func link(_ kind: OutputLink.Kind, _ outputID: UUID, to taskID: UUID, by userID: UUID?) async throws -> Bool {
        let existing = try await OutputLink.query(on: db).filter(\.$outputKind == kind.rawValue)
            .filter(\.$outputID == outputID).filter(\.$task.$id == taskID).first()
        guard existing == nil else { return false }
        try await OutputLink(kind: kind, outputID: outputID, taskID: taskID, createdBy: userID)
            .auditedCreate(on: db, by: audit)
        return true
    }

    /// Removes one of the output's links; false when it is not one of them (gone already, or another's).
    @discardableResult
    func unlink(_ linkID: UUID, of kind: OutputLink.Kind, _ outputID: UUID) async throws -> Bool {
        guard let link = try await OutputLink.find(linkID, on: db), link.outputKind == kind.rawValue,
            link.outputID == outputID
        else { return false }
        try await link.auditedDelete(on: db, by: audit)
        return true
    }

    /// The tasks the output is linked to, in plan and outline order.
    static func linked(_ kind: OutputLink.Kind, _ outputID: UUID, on db: any Database) async throws -> [Linked] {
        let links = try await OutputLink.query(on: db).filter(\.$outputKind == kind.rawValue)
            .filter(\.$outputID == outputID).with(\.$task) { $0.with(\.$plan) }.all()
        return links.map { Linked(link: $0, task: $0.task, plan: $0.task.plan) }
            .sorted { ($0.plan.title, $0.task.position) < ($1.plan.title, $1.task.position) }
    }

    /// The tasks of the plans in force, each with its proposal for `output` when there is one: the proposed
    /// first, best first, then the others in plan and outline order.
    static func candidates(for output: EvidenceMatcher.Output, today: LocalDate, on db: any Database) async throws
        -> [Candidate]
    {
        let plans = try await Plan.query(on: db)
            .filter(\.$status !~ [Plan.Status.archived.rawValue, Plan.Status.superseded.rawValue])
            .group(.or) { $0.filter(\.$year >= today.year - 1).filter(\.$year == nil) }
            .all()
        let byID = Dictionary(plans.compactMap { p in p.id.map { ($0, p) } }, uniquingKeysWith: { a, _ in a })
        guard !byID.isEmpty else { return [] }
        let tasks = try await PlanTask.query(on: db).filter(\.$plan.$id ~~ Array(byID.keys)).with(\.$outputs).all()
            .sorted {
                ((byID[$0.$plan.id]?.title ?? ""), $0.position) < ((byID[$1.$plan.id]?.title ?? ""), $1.position)
            }
        let proposals = EvidenceMatcher.propose(
            output,
            among: tasks.map { task in
                EvidenceMatcher.Task(
                    id: task.id?.uuidString ?? "", title: task.title,
                    content: [task.content, task.timeframe?.text ?? ""].joined(separator: "\n"),
                    units: task.outputs.compactMap(\.unit),
                    isOpen: task.taskStatus.isOpen)
            })
        let rank = Dictionary(
            proposals.enumerated().map { ($0.element.taskID, ($0.offset, $0.element)) }, uniquingKeysWith: { a, _ in a }
        )
        let candidates = tasks.compactMap { task in
            byID[task.$plan.id].map { plan in
                Candidate(task: task, plan: plan, proposal: task.id.flatMap { rank[$0.uuidString]?.1 })
            }
        }
        // Proposals in their rank; the rest keep plan and outline order (the sort is stable).
        func place(_ candidate: Candidate) -> Int { candidate.task.id.flatMap { rank[$0.uuidString]?.0 } ?? Int.max }
        return candidates.sorted { place($0) < place($1) }
    }
}
