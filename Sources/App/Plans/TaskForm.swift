import Fluent
import Foundation
import TTDNKit
import Vapor

/// The task form as posted, and its validation. Agencies come as parallel rows: a directory choice
/// (`a:<uuid>` agency, `g:<uuid>` group, empty for a wording kept as typed) and the wording.
struct TaskForm: Content {
    /// The most agency or output rows a task takes; a plan's task names a handful.
    static let maxRows = 100

    var ref: String?
    var title: String?
    var content: String?
    var parent_id: String?
    var lead_agency: [String]?
    var lead_wording: [String]?
    var support_agency: [String]?
    var support_wording: [String]?
    var timeframe: String?
    var output_description: [String]?
    var output_target: [String]?
    var output_unit: [String]?
    var status: String?
    var progress: String?
    /// `PlanTask.version` when the form was loaded: a save over someone else's newer save is refused.
    var version: String?

    init() {}

    init(_ task: PlanTask, agencies: [TaskAgency], outputs: [TaskOutput]) {
        ref = task.ref
        title = task.title
        content = task.content
        parent_id = task.$parent.id?.uuidString
        let sorted = agencies.sorted { $0.position < $1.position }
        for role in TaskAgency.Role.allCases {
            let rows = sorted.filter { $0.role == role.rawValue }
            let choices = rows.map { row in
                row.$agency.id.map { "a:" + $0.uuidString } ?? row.$group.id.map { "g:" + $0.uuidString } ?? ""
            }
            if role == .lead {
                lead_agency = choices
                lead_wording = rows.map(\.wording)
            } else {
                support_agency = choices
                support_wording = rows.map(\.wording)
            }
        }
        timeframe = task.timeframe?.text
        output_description = outputs.map(\.description)
        output_target = outputs.map { $0.target.map(String.init) ?? "" }
        output_unit = outputs.map { $0.unit ?? "" }
        status = task.status
        progress = String(task.progress)
        version = String(task.version)
    }

    /// An agency the task names, as the form gives it.
    struct Named: Equatable {
        var role: TaskAgency.Role
        var wording: String
        var agencyID: UUID?
        var groupID: UUID?
    }

    struct Output: Equatable {
        var description: String
        var target: Int?
        var unit: String?
    }

    /// Everything the form says, checked. `problems` maps a field to the translation key of what is wrong.
    struct Checked {
        var ref: String
        var title: String
        var content: String
        var timeframeText: String
        var named: [Named]
        var outputs: [Output]
        var status: PlanTask.Status
        var progress: Int
        var problems: [String: String]
    }

    static func trimmed(_ text: String?) -> String { FormText.value(text) ?? "" }

    /// `content` keeps its line breaks; only spaces at the ends of lines go.
    static func paragraphs(_ text: String?) -> String {
        VietnameseText.nfc(text ?? "").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func check(names: PlanAgencyNames) -> Checked {
        var problems: [String: String] = [:]
        let ref = Self.trimmed(ref)
        if ref.isEmpty || ref.count > 40 { problems["ref"] = "task.error.ref" }
        let title = Self.trimmed(title)
        if title.isEmpty {
            problems["title"] = "task.error.title"
        } else if title.count > 2000 {
            problems["title"] = "task.error.too_long"
        }
        let content = Self.paragraphs(content)
        if content.count > 20000 { problems["content"] = "task.error.too_long" }
        let timeframeText = Self.trimmed(timeframe)
        if timeframeText.count > 400 { problems["timeframe"] = "task.error.too_long" }

        var named: [Named] = []
        for (role, choices, wordings) in [
            (TaskAgency.Role.lead, lead_agency ?? [], lead_wording ?? []),
            (.support, support_agency ?? [], support_wording ?? []),
        ] {
            guard max(choices.count, wordings.count) <= Self.maxRows else {
                problems["\(role.rawValue)_agencies"] = "task.error.too_many"
                continue
            }
            for index in 0..<max(choices.count, wordings.count) {
                let choice = index < choices.count ? choices[index].trimmingCharacters(in: .whitespaces) : ""
                var wording = index < wordings.count ? Self.trimmed(wordings[index]) : ""
                var agencyID: UUID?
                var groupID: UUID?
                if choice.hasPrefix("a:"), let id = UUID(uuidString: String(choice.dropFirst(2))),
                    let agency = names.agencies[id]
                {
                    agencyID = id
                    if wording.isEmpty { wording = agency.officialName }
                } else if choice.hasPrefix("g:"), let id = UUID(uuidString: String(choice.dropFirst(2))),
                    let group = names.groups[id]
                {
                    groupID = id
                    if wording.isEmpty { wording = group.name }
                } else if !choice.isEmpty {
                    problems["\(role.rawValue)_agencies"] = "task.error.agency"
                    continue
                }
                guard !wording.isEmpty else { continue }
                if wording.count > 300 {
                    problems["\(role.rawValue)_agencies"] = "task.error.too_long"
                    continue
                }
                let entry = Named(role: role, wording: wording, agencyID: agencyID, groupID: groupID)
                if !named.contains(entry) { named.append(entry) }
            }
        }

        var outputs: [Output] = []
        let descriptions = output_description ?? []
        let targets = output_target ?? []
        let units = output_unit ?? []
        if max(descriptions.count, targets.count, units.count) > Self.maxRows {
            problems["outputs"] = "task.error.too_many"
        }
        for index in 0..<min(max(descriptions.count, targets.count, units.count), Self.maxRows) {
            let description = index < descriptions.count ? Self.trimmed(descriptions[index]) : ""
            let targetText = index < targets.count ? Self.trimmed(targets[index]) : ""
            let unit = index < units.count ? Self.trimmed(units[index]) : ""
            if description.isEmpty && targetText.isEmpty && unit.isEmpty { continue }
            var target: Int?
            if !targetText.isEmpty {
                guard let value = Int(targetText), (0...1_000_000).contains(value) else {
                    problems["outputs"] = "task.error.target"
                    continue
                }
                target = value
            }
            if description.isEmpty && unit.isEmpty {
                problems["outputs"] = "task.error.output"
                continue
            }
            outputs.append(
                Output(
                    description: description.isEmpty ? unit : description, target: target,
                    unit: unit.isEmpty ? nil : unit))
        }

        let status = PlanTask.Status(rawValue: status ?? "")
        if status == nil { problems["status"] = "task.error.status" }
        let progressText = Self.trimmed(progress)
        let progress = progressText.isEmpty ? 0 : Int(progressText)
        if progress == nil || !(0...100).contains(progress!) { problems["progress"] = "task.error.progress" }
        return Checked(
            ref: ref, title: title, content: content, timeframeText: timeframeText, named: named, outputs: outputs,
            status: status ?? .notStarted, progress: min(max(progress ?? 0, 0), 100), problems: problems)
    }

    /// The timeframe to store: unchanged text keeps what was read before (its quarters, its count);
    /// new text is read with TTDNKit's timeframe rules, and kept as `external` when they cannot read it.
    static func timeframe(_ text: String, previous: Timeframe?) -> Timeframe? {
        if text.isEmpty { return nil }
        if let previous, trimmed(previous.text) == text { return previous }
        return Timeframe.parse(text) ?? Timeframe(text: text, kind: .external)
    }
}

/// The add and edit form of a task.
struct TaskFormPage: Encodable {
    struct AgencyRow: Encodable {
        let index: Int
        let options: [AccountController.Option]
        let groups: [AccountController.Option]?
        let wording: String
        let unresolved: Bool
    }

    struct AgencySection: Encodable {
        let role: String
        let legend: String
        let rows: [AgencyRow]
        let error: String?
    }

    struct OutputRow: Encodable {
        let index: Int
        let description: String
        let target: String
        let unit: String
    }

    struct Mine: Encodable {
        let title: String
        let content: String
        let timeframe: String
        let status: String
        let progress: String
    }

    let layout: LayoutContext
    let action: String
    let cancel: String
    let isNew: Bool
    let planTitle: String
    let planHref: String
    let form: TaskForm
    let parents: [AccountController.Option]
    let sections: [AgencySection]
    let outputs: [OutputRow]
    let statuses: [AccountController.Option]
    let timeframeKind: String?
    let errors: [String: String]
    /// After a refused stale save: what this person typed, to copy back.
    let mine: Mine?
    let removeHref: String?
    let moveAction: String?
    let atTop: Bool

    static func render(
        _ req: Request, plan: Plan, task: PlanTask?, form: TaskForm, problems: [String: String], mine: TaskForm? = nil,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let names = try await req.directoryNames()
        let planID = try plan.requireID()
        // New task: where it goes. Existing task: where it may move (not inside itself).
        let tasks = try await PlanTask.query(on: req.db).filter(\.$plan.$id == planID).all()
        let tree = PlanTaskTree(nodes: PlanTaskTree.order(tasks), agencies: [:], outputs: [:])
        let inside = Set(task.flatMap { $0.id }.map { tree.subtree(of: $0).compactMap(\.id) } ?? [])
        let parents = tree.nodes.filter { !inside.contains($0.task.id!) }.map { node -> AccountController.Option in
            let id = node.task.id!.uuidString
            let indent = String(repeating: "\u{00A0}\u{00A0}", count: min(node.depth, 6))
            return .init(
                value: id, label: indent + node.task.ref + " " + String(node.task.title.prefix(80)),
                selected: id.lowercased() == form.parent_id?.lowercased())
        }
        let currentAgencies = names.agencies.values.filter { $0.isCurrent(on: names.today) }.sorted {
            $0.sortKey < $1.sortKey
        }
        let groups = names.groups.values.sorted { $0.sortKey < $1.sortKey }
        // A form re-shown after an error has as many rows as were sent, each with every agency as an option: a
        // crafted form with thousands of rows must not become millions of options.
        let maxRows = TaskForm.maxRows
        func rows(_ choices: [String]?, _ wordings: [String]?) -> [AgencyRow] {
            let choices = Array((choices ?? []).prefix(maxRows))
            let wordings = Array((wordings ?? []).prefix(maxRows))
            let count = max(choices.count, wordings.count) + 2
            return (0..<count).map { index in
                let choice = index < choices.count ? choices[index] : ""
                var agencyOptions = currentAgencies.map {
                    AccountController.Option(
                        value: "a:" + $0.id!.uuidString, label: $0.officialName,
                        selected: "a:" + $0.id!.uuidString == choice)
                }
                // A link to a former agency stays choosable on its own row.
                if choice.hasPrefix("a:"), !agencyOptions.contains(where: { $0.selected }),
                    let id = UUID(uuidString: String(choice.dropFirst(2))), let former = names.agencies[id]
                {
                    agencyOptions.insert(
                        .init(
                            value: choice, label: former.officialName + " (" + req.t("task.former_agency") + ")",
                            selected: true), at: 0)
                }
                let wording = index < wordings.count ? wordings[index] : ""
                return AgencyRow(
                    index: index, options: agencyOptions,
                    groups: groups.map {
                        .init(
                            value: "g:" + $0.id!.uuidString, label: $0.name,
                            selected: "g:" + $0.id!.uuidString == choice)
                    }.nonEmpty,
                    wording: wording, unresolved: choice.isEmpty && !wording.isEmpty)
            }
        }
        let descriptions = form.output_description ?? []
        let outputCount =
            min(max(descriptions.count, form.output_target?.count ?? 0, form.output_unit?.count ?? 0), maxRows) + 2
        let outputs = (0..<outputCount).map { index in
            OutputRow(
                index: index, description: index < descriptions.count ? descriptions[index] : "",
                target: index < (form.output_target?.count ?? 0) ? form.output_target![index] : "",
                unit: index < (form.output_unit?.count ?? 0) ? form.output_unit![index] : "")
        }
        let page = TaskFormPage(
            layout: req.layout(titleKey: task == nil ? "task.new.title" : "task.edit.title"),
            action: task.flatMap { $0.id.map { SiteURL.task($0).path } } ?? SiteURL.planTasks(planID).path,
            cancel: SiteURL.plan(planID).path + (task?.id.map { "#task-" + $0.uuidString.lowercased() } ?? ""),
            isNew: task == nil, planTitle: plan.title, planHref: SiteURL.plan(planID).path, form: form,
            parents: parents,
            sections: [
                AgencySection(
                    role: "lead", legend: req.t("task.role.lead"), rows: rows(form.lead_agency, form.lead_wording),
                    error: problems["lead_agencies"].map { req.t($0) }),
                AgencySection(
                    role: "support", legend: req.t("task.role.support"),
                    rows: rows(form.support_agency, form.support_wording),
                    error: problems["support_agencies"].map { req.t($0) }),
            ],
            outputs: outputs,
            statuses: PlanTable.statusOptions(req, selected: form.status ?? PlanTask.Status.notStarted.rawValue),
            timeframeKind: task?.timeframe.map { req.t("plans.timeframe.\($0.kind.rawValue)") },
            errors: problems.mapValues { req.t($0) },
            mine: mine.map {
                Mine(
                    title: $0.title ?? "", content: $0.content ?? "", timeframe: $0.timeframe ?? "",
                    status: PlanTask.Status(rawValue: $0.status ?? "").map { req.t("task.status.\($0.rawValue)") }
                        ?? "",
                    progress: $0.progress ?? "")
            },
            removeHref: task?.id.map { SiteURL.taskRemove($0).path },
            moveAction: task?.id.map { SiteURL.taskMove($0).path },
            atTop: (form.parent_id ?? "").isEmpty)
        return try await req.view.render("tasks/form", page).encodeResponse(status: status, for: req)
    }
}
