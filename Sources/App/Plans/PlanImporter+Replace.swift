import Fluent
import Foundation
import TTDNKit
import Vapor

extension PlanImporter {
    /// What a new version changed, for the coordinator: the refs of the tasks added, removed, and kept with
    /// other text, agencies or timeframe.
    struct Replacement: Sendable {
        var planID: UUID
        var added: [String]
        var removed: [String]
        var changed: [String]
        /// Whether the new document states other reporting duties than the old one: the regimes, which the
        /// coordinator may have edited, are not rewritten, so the page says to check them.
        var reportingChanged = false
    }

    /// Saves the reviewed document as a new version of plan `planID`, in one transaction: the plan keeps its
    /// id, its header, citations, Tổ chức thực hiện, reporting duties and file become the new document's, and
    /// its tasks follow `PlanVersionDiff` — a task with the same ref and wording keeps its row, so the reports
    /// already made on it stay; the others are removed or added. The reporting regimes stay as they are (the
    /// coordinator edits them), and the obligations are derived again for the tasks' agencies.
    func replace(planID: UUID, with request: Request) async throws -> Replacement {
        try await db.transaction { tx in
            let links = try await resolveNewAgencies(request, on: tx)
            try await rememberAliases(request, links: links, on: tx)
            guard let current = try await Plan.find(planID, on: tx) else { throw Abort(.notFound) }
            let plan: Plan
            do {
                plan = try await Plan.claim(planID, expectedVersion: current.version, on: tx)
            } catch is VersionConflict {
                throw Abort(.conflict)
            }
            try await plan.auditedUpdateAfterClaim(on: tx, by: audit) { Self.applyHeader(request, to: $0) }

            if let file = request.file {
                for old in try await PlanFile.query(on: tx).filter(\.$plan.$id == planID).all() {
                    try await old.auditedDelete(on: tx, by: audit)
                }
                try await saveFile(file, planID: planID, on: tx)
            }
            for row in try await PlanCitation.query(on: tx).filter(\.$plan.$id == planID).all() {
                try await row.auditedDelete(on: tx, by: audit)
            }
            _ = try await saveCitations(request.plan.citations, planID: planID, on: tx)
            for row in try await PlanResponsibility.query(on: tx).filter(\.$plan.$id == planID).all() {
                try await row.auditedDelete(on: tx, by: audit)
            }
            try await saveResponsibilities(request.plan.responsibilities, planID: planID, links: links, on: tx)
            let oldDuties = try await PlanReportingDuty.query(on: tx).filter(\.$plan.$id == planID)
                .sort(\.$position).all()
            for row in oldDuties { try await row.auditedDelete(on: tx, by: audit) }
            try await saveReportingDuties(request.plan.reporting, planID: planID, on: tx)

            var replacement = try await replaceTasks(of: planID, with: request.plan, links: links, on: tx)
            replacement.reportingChanged = oldDuties.map(Self.dutyKey) != request.plan.reporting.map(Self.dutyKey)
            try await ObligationService.sync(planID: planID, on: tx, by: audit)
            return replacement
        }
    }

    /// A reporting duty as it is stored, for telling whether two versions state the same ones.
    static func dutyKey(_ row: PlanReportingDuty) -> String {
        [row.frequency, row.beforeDay.map(String.init) ?? "", row.dueMonth ?? "", row.recipient ?? ""]
            .joined(separator: "|")
    }

    static func dutyKey(_ duty: ReportingDuty) -> String {
        [duty.frequency.rawValue, duty.beforeDay.map(String.init) ?? "", duty.month.map(text) ?? "", duty.to ?? ""]
            .joined(separator: "|")
    }

    private func replaceTasks(
        of planID: UUID, with document: PlanDocument, links: [String: AgencyLink], on tx: any Database
    )
        async throws -> Replacement
    {
        let old = try await PlanTask.query(on: tx).filter(\.$plan.$id == planID).sort(\.$position).all()
        let oldIDs = old.compactMap(\.id)
        let named = oldIDs.isEmpty ? [] : try await TaskAgency.query(on: tx).filter(\.$task.$id ~~ oldIDs).all()
        let byTask = Dictionary(grouping: named, by: { $0.$task.id })
        let before = old.map { task in
            let rows = (byTask[task.id!] ?? []).sorted { $0.position < $1.position }
            return TTDNKit.PlanTask(
                ref: task.ref, title: task.title,
                lead: rows.filter { $0.role == TaskAgency.Role.lead.rawValue }.map(\.wording),
                support: rows.filter { $0.role == TaskAgency.Role.support.rawValue }.map(\.wording),
                timeframe: task.timeframe, content: PlanImportForm.paragraphs(task.content))
        }
        let work = Self.work(of: document)
        let diff = PlanVersionDiff.diff(old: before, new: work.map(\.0))
        let keptByNew = Dictionary(uniqueKeysWithValues: diff.kept.map { ($0.new, old[$0.old]) })
        let wasByNew = Dictionary(uniqueKeysWithValues: diff.kept.map { ($0.new, before[$0.old]) })

        // Removed tasks, deepest first, with their agencies and outputs.
        let removed = diff.removed.map { old[$0] }.sorted {
            $0.ref.split(separator: ".").count > $1.ref.split(separator: ".").count
        }
        let removedIDs = removed.compactMap(\.id)
        // A kept task under a removed one leaves it first, so that the removal takes it nowhere.
        for task in keptByNew.values where task.$parent.id.map(removedIDs.contains) == true {
            try await task.auditedUpdate(on: tx, by: audit, expectedVersion: task.version) { $0.$parent.id = nil }
        }
        if !removedIDs.isEmpty {
            for row in removedIDs.flatMap({ byTask[$0] ?? [] }) { try await row.auditedDelete(on: tx, by: audit) }
            for row in try await TaskOutput.query(on: tx).filter(\.$task.$id ~~ removedIDs).all() {
                try await row.auditedDelete(on: tx, by: audit)
            }
        }
        for task in removed { try await task.auditedDelete(on: tx, by: audit) }

        // The new version in its order: kept rows updated in place, new ones created.
        var idsByRef: [String: UUID] = [:]
        for (position, (source, origin)) in work.enumerated() {
            let parentID = Self.parentRef(of: source.ref, among: idsByRef).flatMap { idsByRef[$0] }
            if let task = keptByNew[position] {
                try await task.auditedUpdate(on: tx, by: audit, expectedVersion: task.version) {
                    $0.position = position
                    $0.$parent.id = parentID
                    $0.content = source.content.joined(separator: "\n\n")
                    $0.timeframe = source.timeframe
                    $0.origin = origin.rawValue
                }
                let taskID = try task.requireID()
                // Its agencies again only where the new version names others.
                if let was = wasByNew[position], was.lead != source.lead || was.support != source.support {
                    for row in byTask[taskID] ?? [] { try await row.auditedDelete(on: tx, by: audit) }
                    _ = try await saveAgencies(of: source, taskID: taskID, links: links, on: tx)
                }
                idsByRef[source.ref] = taskID
            } else {
                let task = PlanTask(
                    planID: planID, parentID: parentID, ref: source.ref, position: position, title: source.title,
                    content: source.content.joined(separator: "\n\n"), timeframe: source.timeframe, origin: origin)
                try await task.auditedCreate(on: tx, by: audit)
                let taskID = try task.requireID()
                _ = try await saveAgencies(of: source, taskID: taskID, links: links, on: tx)
                try await saveOutputs(of: source, taskID: taskID, on: tx)
                idsByRef[source.ref] = taskID
            }
        }
        return Replacement(
            planID: planID, added: diff.added.map { work[$0].0.ref }, removed: diff.removed.map { before[$0].ref },
            changed: diff.kept.filter(\.changed).map(\.ref))
    }
}
