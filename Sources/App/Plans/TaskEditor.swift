import Fluent
import Foundation
import SQLKit
import TTDNKit
import Vapor

/// Adds, edits, moves and removes tasks by hand, each change in one transaction and in the audit trail.
/// Edits carry the version the person saw: a save over a newer one is refused (`TaskEditor.Conflict`).
struct TaskEditor {
    let db: any Database
    let audit: AuditContext

    /// Someone else saved the task since the form was loaded.
    struct Conflict: Error {}
    /// The move asked for is not possible (a parent inside the task itself, another plan's task).
    struct InvalidMove: Error {}

    /// Where a new task goes: under `parentID` as its last child, or at the top level after the last
    /// top-level task of its part (the Roman numeral of its ref).
    func create(planID: UUID, parentID: UUID?, checked: TaskForm.Checked) async throws -> PlanTask {
        try await db.transaction { tx in
            let siblings = try await PlanTask.query(on: tx).filter(\.$plan.$id == planID)
                .filter(\.$parent.$id == parentID).all().sorted { ($0.position, $0.ref) < ($1.position, $1.ref) }
            var position: Int
            if let parentID {
                guard let parent = try await PlanTask.find(parentID, on: tx), parent.$plan.id == planID else {
                    throw InvalidMove()
                }
                position = (siblings.map(\.position).max() ?? parent.position) + 1
            } else {
                let part = Self.part(of: checked.ref)
                if let lastOfPart = siblings.last(where: { Self.part(of: $0.ref) == part }) {
                    position = lastOfPart.position + 1
                    for later in siblings where later.position >= position && later.id != lastOfPart.id {
                        try await later.auditedUpdate(on: tx, by: audit) { $0.position += 1 }
                    }
                } else {
                    position = (siblings.map(\.position).max() ?? -1) + 1
                }
            }
            let task = PlanTask(
                planID: planID, parentID: parentID, ref: checked.ref, position: position, title: checked.title,
                content: checked.content, timeframe: TaskForm.timeframe(checked.timeframeText, previous: nil))
            task.status = checked.status.rawValue
            task.progress = checked.progress
            try await task.auditedCreate(on: tx, by: audit)
            try await replaceAgencies(of: task, with: checked.named, existing: [], on: tx)
            try await replaceOutputs(of: task, with: checked.outputs, existing: [], on: tx)
            // Who owes reports follows the tasks' agencies.
            try await ObligationService.sync(planID: planID, on: tx, by: audit)
            return task
        }
    }

    /// Saves the form over the task if it is still at `version`; otherwise throws `Conflict` and changes nothing.
    func update(taskID: UUID, version: Int, checked: TaskForm.Checked) async throws -> PlanTask {
        try await db.transaction { tx in
            let task = try await claimedTask(taskID, version: version, on: tx)
            let agencies = try await TaskAgency.query(on: tx).filter(\.$task.$id == taskID).sort(\.$position).all()
            let outputs = try await TaskOutput.query(on: tx).filter(\.$task.$id == taskID).all()
            let timeframe = TaskForm.timeframe(checked.timeframeText, previous: task.timeframe)
            try await task.auditedUpdateAfterClaim(on: tx, by: audit) {
                $0.ref = checked.ref
                $0.title = checked.title
                $0.content = checked.content
                $0.timeframe = timeframe
                $0.status = checked.status.rawValue
                $0.progress = checked.progress
            }
            try await replaceAgencies(of: task, with: checked.named, existing: agencies, on: tx)
            try await replaceOutputs(of: task, with: checked.outputs, existing: outputs, on: tx)
            try await ObligationService.sync(planID: task.$plan.id, on: tx, by: audit)
            return task
        }
    }

    enum Move: Equatable {
        case up, down
        /// Under another task (nil: the top level), as its last child.
        case under(UUID?)
    }

    func move(taskID: UUID, version: Int, _ move: Move) async throws -> PlanTask {
        try await db.transaction { tx in
            let task = try await claimedTask(taskID, version: version, on: tx)
            let planID = task.$plan.id
            switch move {
            case .up, .down:
                var siblings = try await PlanTask.query(on: tx).filter(\.$plan.$id == planID)
                    .filter(\.$parent.$id == task.$parent.id).all().sorted {
                        ($0.position, $0.ref) < ($1.position, $1.ref)
                    }
                guard let index = siblings.firstIndex(where: { $0.id == taskID }) else { throw InvalidMove() }
                let other = move == .up ? index - 1 : index + 1
                guard siblings.indices.contains(other) else { return task }
                let positions = siblings.map(\.position)
                siblings.swapAt(index, other)
                // Keep the positions the siblings had; make them distinct if two were equal.
                let distinct = Set(positions).count == positions.count
                let base = positions.min() ?? 0
                for (offset, sibling) in siblings.enumerated() {
                    let wanted = distinct ? positions[offset] : base + offset
                    guard sibling.position != wanted else { continue }
                    // The moved task is already claimed (its version moved on); a sibling is a versioned
                    // write of its own, so an edit of it made from before the move is refused.
                    if sibling.id == taskID {
                        try await task.auditedUpdateAfterClaim(on: tx, by: audit) { $0.position = wanted }
                    } else {
                        try await sibling.auditedUpdate(on: tx, by: audit) { $0.position = wanted }
                    }
                }
            case .under(let parentID):
                if let parentID {
                    guard let parent = try await PlanTask.find(parentID, on: tx), parent.$plan.id == planID else {
                        throw InvalidMove()
                    }
                    let all = try await PlanTask.query(on: tx).filter(\.$plan.$id == planID).all()
                    let tree = PlanTaskTree(nodes: PlanTaskTree.order(all), agencies: [:], outputs: [:])
                    if tree.subtree(of: taskID).contains(where: { $0.id == parentID }) { throw InvalidMove() }
                }
                guard task.$parent.id != parentID else { return task }
                let siblings = try await PlanTask.query(on: tx).filter(\.$plan.$id == planID).filter(
                    \.$parent.$id == parentID
                ).all()
                let position = (siblings.map(\.position).max() ?? -1) + 1
                try await task.auditedUpdateAfterClaim(on: tx, by: audit) {
                    $0.$parent.id = parentID
                    $0.position = position
                }
            }
            return task
        }
    }

    /// Removes the task and everything under it, with their agencies and outputs, deepest first.
    /// Returns how many tasks went.
    func remove(taskID: UUID, version: Int) async throws -> Int {
        try await db.transaction { tx in
            let task = try await claimedTask(taskID, version: version, on: tx)
            let all = try await PlanTask.query(on: tx).filter(\.$plan.$id == task.$plan.id).all()
            let tree = PlanTaskTree(nodes: PlanTaskTree.order(all), agencies: [:], outputs: [:])
            let doomed = tree.subtree(of: taskID)
            let ids = doomed.compactMap(\.id)
            let agencies = try await TaskAgency.query(on: tx).filter(\.$task.$id ~~ ids).all()
            let outputs = try await TaskOutput.query(on: tx).filter(\.$task.$id ~~ ids).all()
            for row in agencies { try await row.auditedDelete(on: tx, by: audit) }
            for row in outputs { try await row.auditedDelete(on: tx, by: audit) }
            for doomedTask in doomed.reversed() { try await doomedTask.auditedDelete(on: tx, by: audit) }
            try await ObligationService.sync(planID: task.$plan.id, on: tx, by: audit)
            return doomed.count
        }
    }

    /// The task, claimed at `version` by the versioned write (`Versioned.claim`: its version moved on,
    /// its row locked for the rest of the transaction), or `Conflict` when it is no longer at `version`.
    private func claimedTask(_ id: UUID, version: Int, on tx: any Database) async throws -> PlanTask {
        do { return try await PlanTask.claim(id, expectedVersion: version, on: tx) } catch is VersionConflict {
            throw Conflict()
        }
    }

    private func replaceAgencies(
        of task: PlanTask, with named: [TaskForm.Named], existing: [TaskAgency], on tx: any Database
    ) async throws {
        let current = existing.sorted { $0.position < $1.position }.map {
            TaskForm.Named(
                role: TaskAgency.Role(rawValue: $0.role) ?? .support, wording: $0.wording, agencyID: $0.$agency.id,
                groupID: $0.$group.id)
        }
        guard current != named else { return }
        for row in existing { try await row.auditedDelete(on: tx, by: audit) }
        let taskID = try task.requireID()
        for (position, entry) in named.enumerated() {
            try await TaskAgency(
                taskID: taskID, role: entry.role, position: position, wording: entry.wording, agencyID: entry.agencyID,
                groupID: entry.groupID
            )
            .auditedCreate(on: tx, by: audit)
        }
    }

    private func replaceOutputs(
        of task: PlanTask, with outputs: [TaskForm.Output], existing: [TaskOutput], on tx: any Database
    ) async throws {
        let current = existing.map { TaskForm.Output(description: $0.description, target: $0.target, unit: $0.unit) }
        guard current != outputs else { return }
        for row in existing { try await row.auditedDelete(on: tx, by: audit) }
        let taskID = try task.requireID()
        for output in outputs {
            try await TaskOutput(
                taskID: taskID, description: output.description, target: output.target, unit: output.unit
            )
            .auditedCreate(on: tx, by: audit)
        }
    }

    /// `II` for `II.3.1.a`.
    static func part(of ref: String) -> String {
        String(ref.split(separator: ".").first ?? "")
    }
}
