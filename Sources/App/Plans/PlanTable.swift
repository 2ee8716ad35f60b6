import Fluent
import Foundation
import TTDNKit
import Vapor

/// A plan's tasks in outline order with their agencies and outputs: three queries, whatever the size.
struct PlanTaskTree: Sendable {
    struct Node: Sendable {
        let task: PlanTask
        let depth: Int
    }

    let nodes: [Node]
    let agencies: [UUID: [TaskAgency]]
    let outputs: [UUID: [TaskOutput]]
    /// Each task's timeframe, decoded from its JSON once (the tree is kept in memory between requests).
    var timeframes: [UUID: Timeframe] = [:]

    static func load(planID: UUID, on db: any Database) async throws -> PlanTaskTree {
        let tasks = try await PlanRows.tasks(planID: planID, on: db)
        let named = try await PlanRows.named(planID: planID, on: db)
        let outputs = try await PlanRows.outputs(planID: planID, on: db)
        return PlanTaskTree(
            nodes: order(tasks),
            agencies: Dictionary(grouping: named, by: { $0.$task.id }),
            outputs: Dictionary(grouping: outputs, by: { $0.$task.id }),
            timeframes: tasks.reduce(into: [:]) { out, task in out[task.id!] = task.timeframe })
    }

    /// Depth first, siblings by position then ref; a task whose parent is missing shows at the top.
    static func order(_ tasks: [PlanTask]) -> [Node] {
        let ids = Set(tasks.compactMap(\.id))
        var children: [UUID: [PlanTask]] = [:]
        var roots: [PlanTask] = []
        for task in tasks {
            if let parent = task.$parent.id, ids.contains(parent) {
                children[parent, default: []].append(task)
            } else {
                roots.append(task)
            }
        }
        func sorted(_ list: [PlanTask]) -> [PlanTask] {
            list.sorted { ($0.position, $0.ref) < ($1.position, $1.ref) }
        }
        var nodes: [Node] = []
        nodes.reserveCapacity(tasks.count)
        var visited = Set<UUID>()
        func visit(_ task: PlanTask, _ depth: Int) {
            guard let id = task.id, visited.insert(id).inserted else { return }
            nodes.append(Node(task: task, depth: depth))
            for child in sorted(children[id] ?? []) { visit(child, depth + 1) }
        }
        for root in sorted(roots) { visit(root, 0) }
        return nodes
    }

    /// `id` and everything under it.
    func subtree(of id: UUID) -> [PlanTask] {
        guard let start = nodes.firstIndex(where: { $0.task.id == id }) else { return [] }
        let depth = nodes[start].depth
        var result = [nodes[start].task]
        var index = start + 1
        while index < nodes.count, nodes[index].depth > depth {
            result.append(nodes[index].task)
            index += 1
        }
        return result
    }
}

/// The filters of the plan-wide task table, as in the query string.
struct PlanTableFilter: Content {
    var agency: String?
    /// `lead`, `support` or empty for either.
    var role: String?
    /// A `Timeframe.Kind` raw value, `none` for tasks without a timeframe, or empty.
    var kind: String?
    var status: String?

    var agencyID: UUID? { agency.flatMap { UUID(uuidString: $0) } }
    var isActive: Bool { agencyID != nil || !(kind ?? "").isEmpty || !(status ?? "").isEmpty }
}

/// One task as the tables show it: on the plan page, and on "Nhiệm vụ của đơn vị".
struct PlanTableRow: Encodable {
    let id: String
    let anchor: String
    let ref: String
    let title: String
    let depth: Int
    let lead: [PlanAgencyNames.Named]
    let support: [PlanAgencyNames.Named]
    let timeframe: String?
    let timeframeKind: String?
    let milestone: PlanMilestones.Next?
    let status: String
    let statusLabel: String
    let progress: Int
    let outputs: [String]?
    /// What the task asks: its start, and every paragraph behind "more" when there is more (`TaskText`).
    let textStart: String?
    let textWhole: [String]?
    let editHref: String?
    /// On the plan page, for those who may edit: the outline's controls (add under, move, remove).
    var actions: OutlineActions? = nil
    /// On "Nhiệm vụ của đơn vị": chủ trì / phối hợp, and the group it came through.
    var role: String? = nil
    var via: String? = nil
    var planTitle: String? = nil
    var planHref: String? = nil
    /// What the task's linked work adds up to (`OutputProgress`), and its state for the chip.
    var outputProgress: String? = nil
    var outputState: String? = nil
    var outputStateLabel: String? = nil
}

extension PlanTableRow {
    /// Shows what the task's linked work adds up to; a task with nothing to be on track or late against
    /// shows the count alone, without a state.
    mutating func show(_ progress: OutputProgress, unit: String?, req: Request) {
        outputProgress = progress.text(req, unit: unit)
        outputState = progress.state.rawValue
        outputStateLabel = progress.state == .untargeted ? nil : progress.stateLabel(req)
    }
}

/// A task row's outline controls on the plan page. The move buttons share one form and send
/// `up:<version>` or `down:<version>` to the task's `move` address (see TaskController.move).
struct OutlineActions: Encodable {
    /// The task's address; the template adds `/move` and `/remove`.
    let href: String
    let addHref: String
    let version: Int
    /// nil for the first (last) of its siblings, which cannot move up (down).
    let upLabel: String?
    let downLabel: String?
}

enum PlanTable {
    static let timeframeKinds = ["ongoing", "quarters", "recurring", "year", "external", "none"]

    static func row(
        _ task: PlanTask, depth: Int, named: [TaskAgency], outputs: [TaskOutput], memo: inout PlanAgencyNames.Memo,
        timeframe: Timeframe?, planYear: Int?, today: LocalDate, req: Request, canEdit: Bool
    ) -> PlanTableRow {
        let id = task.id!
        let sorted = named.sorted { $0.position < $1.position }
        var lead: [PlanAgencyNames.Named] = []
        var support: [PlanAgencyNames.Named] = []
        for row in sorted {
            let shown = memo.named(wording: row.wording, agencyID: row.$agency.id, groupID: row.$group.id)
            if row.role == TaskAgency.Role.lead.rawValue { lead.append(shown) } else { support.append(shown) }
        }
        let text = TaskText(task.content)
        return PlanTableRow(
            id: id.uuidString.lowercased(), anchor: "task-" + id.uuidString.lowercased(), ref: task.ref,
            title: task.title,
            depth: min(depth, 6), lead: lead, support: support, timeframe: timeframe?.text,
            timeframeKind: timeframe.map { req.t("plans.timeframe.\($0.kind.rawValue)") },
            milestone: PlanMilestones.next(timeframe, planYear: planYear, today: today, locale: req.locale),
            status: task.status, statusLabel: req.t("task.status.\(task.taskStatus.rawValue)"), progress: task.progress,
            outputs: outputs.map(outputText).nonEmpty, textStart: text?.start,
            textWhole: text?.whole,
            editHref: canEdit ? SiteURL.taskEdit(id).path : nil)
    }

    static func outputText(_ output: TaskOutput) -> String {
        switch (output.target, output.unit) {
        case (let target?, let unit?):
            String(format: "%02d", target) + " " + unit
                + (output.description.isEmpty || output.description == unit ? "" : " — " + output.description)
        case (let target?, nil): String(format: "%02d", target) + " " + output.description
        default: output.description
        }
    }

    /// Whether the task passes the filter. `groups` are the filtered agency's groups.
    static func passes(
        _ task: PlanTask, named: [TaskAgency], filter: PlanTableFilter, names: PlanAgencyNames, groups: Set<UUID>
    ) -> Bool {
        if let status = filter.status, !status.isEmpty, task.status != status { return false }
        if let kind = filter.kind, !kind.isEmpty {
            if kind == "none" {
                if task.timeframeKind != nil { return false }
            } else if task.timeframeKind != kind {
                return false
            }
        }
        if let agency = filter.agencyID {
            let role = filter.role ?? ""
            let hit = named.contains { row in
                (role.isEmpty || row.role == role)
                    && names.matches(
                        agencyID: row.$agency.id, groupID: row.$group.id, agency: agency, targetGroups: groups)
            }
            if !hit { return false }
        }
        return true
    }

    static func kindOptions(_ req: Request, selected: String?) -> [AccountController.Option] {
        timeframeKinds.map { .init(value: $0, label: req.t("plans.timeframe.\($0)"), selected: $0 == selected) }
    }

    static func statusOptions(_ req: Request, selected: String?) -> [AccountController.Option] {
        PlanTask.Status.allCases.map {
            .init(value: $0.rawValue, label: req.t("task.status.\($0.rawValue)"), selected: $0.rawValue == selected)
        }
    }

    static func roleOptions(_ req: Request, selected: String?) -> [AccountController.Option] {
        TaskAgency.Role.allCases.map {
            .init(value: $0.rawValue, label: req.t("task.role.\($0.rawValue)"), selected: $0.rawValue == selected)
        }
    }
}
