import Fluent
import Foundation
import TTDNKit
import Vapor

/// A plan's tasks in the four Văn phòng Chính phủ follow-up categories. A task's own progress is its lead
/// agency's latest accepted report (else what the coordinator set on the task); parents roll up.
struct FollowUpPage: Encodable {
    struct TaskRow: Encodable {
        let ref: String
        let title: String
        let href: String
        let depth: Int
        let leads: String
        let progress: Int
        let deadline: String?
        let completedOn: String?
    }

    struct Group: Encodable {
        let status: String
        let label: String
        let count: Int
        let tasks: [TaskRow]?
    }

    let layout: LayoutContext
    let planTitle: String
    let planHref: String
    let dashboardHref: String
    let groups: [Group]
    let total: Int

    static func load(req: Request, planID: UUID, today: LocalDate) async throws -> FollowUpPage {
        guard let plan = try await Plan.find(planID, on: req.db) else { throw Abort(.notFound) }
        let tree = try await req.planTree(planID)
        let names = try await req.directoryNames()
        let reported = try await latestLeadReports(planID: planID, tree: tree, names: names, on: req.db)
        let nodes = tree.nodes.map { node -> TaskRollUp.Node in
            let id = node.task.id!
            if let r = reported[id] {
                return .init(id: id, parent: node.task.$parent.id, progress: r.progress, completedOn: r.completedOn)
            }
            let done = node.task.taskStatus == .completed
            return .init(
                id: id, parent: node.task.$parent.id, progress: done ? 100 : node.task.progress,
                completedOn: done ? node.task.updatedAt.map { LocalDate($0) } : nil)
        }
        let rolled = TaskRollUp.roll(nodes)
        var grouped: [TaskFollowUpStatus: [TaskRow]] = [:]
        for node in tree.nodes where node.task.taskStatus != .cancelled {
            let id = node.task.id!
            let r = rolled[id] ?? .init(progress: 0, completedOn: nil)
            let deadline = PlanMilestones.all(node.task.timeframe, planYear: plan.year, today: today).map(\.due).max()
            let status = TaskFollowUpStatus.of(deadline: deadline, completedOn: r.completedOn, today: today)
            let leads = (tree.agencies[id] ?? []).filter { $0.role == TaskAgency.Role.lead.rawValue }
                .map { n in n.$agency.id.flatMap { names.name(of: names.current($0)) } ?? n.wording }
            grouped[status, default: []].append(
                TaskRow(
                    ref: node.task.ref, title: node.task.title, href: SiteURL.task(id).path, depth: node.depth,
                    leads: leads.joined(separator: ", "),
                    progress: r.progress, deadline: deadline.map { Formatting.date($0, req.locale) },
                    completedOn: r.completedOn.map { Formatting.date($0, req.locale) }))
        }
        return FollowUpPage(
            layout: req.layout(title: req.t("followup.title")), planTitle: plan.title,
            planHref: SiteURL.plan(planID).path,
            dashboardHref: SiteURL.planReporting(planID).path,
            groups: TaskFollowUpStatus.allCases.map { s in
                Group(
                    status: s.rawValue, label: req.t("followup.status.\(s.rawValue)"), count: grouped[s]?.count ?? 0,
                    tasks: grouped[s]?.nonEmpty)
            },
            total: tree.nodes.count)
    }

    /// Per task: the latest accepted entry of one of its lead agencies (latest period first).
    static func latestLeadReports(planID: UUID, tree: PlanTaskTree, names: PlanAgencyNames, on db: any Database)
        async throws
        -> [UUID: (progress: Int, completedOn: LocalDate?)]
    {
        let regimeIDs = try await RegimeRecord.query(on: db).filter(\.$plan.$id == planID).all().compactMap(\.id)
        guard !regimeIDs.isEmpty else { return [:] }
        let obligations = try await Obligation.query(on: db).filter(\.$regime.$id ~~ regimeIDs).all()
        let ids = obligations.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let accepted = try await Submission.query(on: db).filter(\.$obligation.$id ~~ ids).filter(
            \.$state == Submission.State.accepted.rawValue
        ).all()
        let obligationByID = Dictionary(obligations.map { ($0.id!, $0) }) { a, _ in a }
        let ordered = accepted.compactMap { s in obligationByID[s.$obligation.id].map { (s, $0) } }.sorted {
            $0.1.periodKey > $1.1.periodKey
        }
        var result: [UUID: (Int, LocalDate?)] = [:]
        for node in tree.nodes {
            let id = node.task.id!
            let leads = (tree.agencies[id] ?? []).filter { $0.role == TaskAgency.Role.lead.rawValue }
            for (submission, obligation) in ordered
            where leads.contains(where: { names.names($0, standFor: obligation.$agency.id) }) {
                guard let entry = submission.report.tasks[id.uuidString] else { continue }
                let done = entry.status == PlanTask.Status.completed.rawValue
                result[id] = (
                    done ? 100 : entry.progress ?? 0, done ? submission.firstSubmittedAt.map { LocalDate($0) } : nil
                )
                break
            }
        }
        return result
    }
}

enum FollowUpController {
    @Sendable static func show(req: Request) async throws -> View {
        try await req.view.render(
            "reports/follow-up", FollowUpPage.load(req: req, planID: req.recordID(), today: req.today))
    }
}
