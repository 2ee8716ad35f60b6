import Fluent
import TTDNKit
import Vapor

/// Tasks by hand: add, edit, move, remove. Two people editing one task: the second save is refused
/// with the other's version on screen and what this person typed beside it, so nothing is lost.
enum TaskController {
    /// `/app/tasks/:id`: the task in its plan's page.
    @Sendable static func show(req: Request) async throws -> Response {
        guard let task = try await PlanTask.find(req.recordID(), on: req.db) else { throw Abort(.notFound) }
        return req.redirect(to: SiteURL.plan(task.$plan.id).path + "#task-" + task.id!.uuidString.lowercased())
    }

    @Sendable static func new(req: Request) async throws -> Response {
        guard let plan = try await Plan.find(req.recordID(), on: req.db) else { throw Abort(.notFound) }
        var form = TaskForm()
        form.status = PlanTask.Status.notStarted.rawValue
        form.progress = "0"
        if let parentText = req.query[String.self, at: "parent"], let parentID = UUID(uuidString: parentText),
            let parent = try await PlanTask.find(parentID, on: req.db), parent.$plan.id == plan.id
        {
            form.parent_id = parentID.uuidString
            let children = try await PlanTask.query(on: req.db).filter(\.$parent.$id == parentID).count()
            form.ref = parent.ref + "." + String(children + 1)
        }
        return try await TaskFormPage.render(req, plan: plan, task: nil, form: form, problems: [:])
    }

    @Sendable static func create(req: Request) async throws -> Response {
        guard let plan = try await Plan.find(req.recordID(), on: req.db) else { throw Abort(.notFound) }
        let planID = try plan.requireID()
        let form = try req.content.decode(TaskForm.self)
        let names = try await req.directoryNames()
        var checked = form.check(names: names)
        var parentID: UUID?
        if let text = form.parent_id?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if let id = UUID(uuidString: text), let parent = try await PlanTask.find(id, on: req.db),
                parent.$plan.id == planID
            {
                parentID = id
            } else {
                checked.problems["parent_id"] = "task.error.parent"
            }
        }
        guard checked.problems.isEmpty else {
            return try await TaskFormPage.render(
                req, plan: plan, task: nil, form: form, problems: checked.problems, status: .badRequest)
        }
        let task = try await TaskEditor(db: req.db, audit: req.auditContext).create(
            planID: planID, parentID: parentID, checked: checked)
        req.flash(.success, req.t("task.created", task.ref + " " + task.title))
        return req.redirect(to: SiteURL.plan(planID).path + "#task-" + task.id!.uuidString.lowercased())
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        let (task, plan) = try await load(req)
        let agencies = try await TaskAgency.query(on: req.db).filter(\.$task.$id == task.id!).sort(\.$position).all()
        let outputs = try await TaskOutput.query(on: req.db).filter(\.$task.$id == task.id!).all()
        return try await TaskFormPage.render(
            req, plan: plan, task: task, form: TaskForm(task, agencies: agencies, outputs: outputs), problems: [:])
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let (task, plan) = try await load(req)
        let taskID = try task.requireID()
        let form = try req.content.decode(TaskForm.self)
        guard let version = form.version.flatMap({ Int($0) }), version == task.version else {
            return try await conflict(req, task: task, plan: plan, mine: form)
        }
        let checked = form.check(names: try await req.directoryNames())
        guard checked.problems.isEmpty else {
            return try await TaskFormPage.render(
                req, plan: plan, task: task, form: form, problems: checked.problems, status: .badRequest)
        }
        do {
            let saved = try await TaskEditor(db: req.db, audit: req.auditContext).update(
                taskID: taskID, version: version, checked: checked)
            req.flash(.success, req.t("task.saved", saved.ref + " " + saved.title))
        } catch is TaskEditor.Conflict {
            guard let fresh = try await PlanTask.find(taskID, on: req.db) else { throw Abort(.notFound) }
            return try await conflict(req, task: fresh, plan: plan, mine: form)
        }
        return req.redirect(to: SiteURL.plan(plan.id!).path + "#task-" + taskID.uuidString.lowercased())
    }

    /// The form again with the saved (newer) task, the message, and what this person typed.
    static func conflict(_ req: Request, task: PlanTask, plan: Plan, mine: TaskForm) async throws -> Response {
        let agencies = try await TaskAgency.query(on: req.db).filter(\.$task.$id == task.id!).sort(\.$position).all()
        let outputs = try await TaskOutput.query(on: req.db).filter(\.$task.$id == task.id!).all()
        return try await TaskFormPage.render(
            req, plan: plan, task: task, form: TaskForm(task, agencies: agencies, outputs: outputs),
            problems: ["form": "task.error.conflict"], mine: mine, status: .conflict)
    }

    struct MoveForm: Content {
        /// `up`, `down`, or `parent` (then `parent_id`, empty for the top level).
        var direction: String?
        var parent_id: String?
        var version: String?
    }

    @Sendable static func move(req: Request) async throws -> Response {
        let (task, plan) = try await load(req)
        var form = try req.content.decode(MoveForm.self)
        let move: TaskEditor.Move
        // The plan page's tree sends `up:<version>` from one form for all its buttons.
        if let direction = form.direction, let colon = direction.firstIndex(of: ":") {
            form.version = String(direction[direction.index(after: colon)...])
            form.direction = String(direction[..<colon])
        }
        switch form.direction {
        case "up": move = .up
        case "down": move = .down
        case "parent":
            let text = form.parent_id?.trimmingCharacters(in: .whitespaces) ?? ""
            if text.isEmpty {
                move = .under(nil)
            } else if let id = UUID(uuidString: text) {
                move = .under(id)
            } else {
                throw Abort(.badRequest)
            }
        default: throw Abort(.badRequest)
        }
        let back = SiteURL.plan(plan.id!).path + "#task-" + task.id!.uuidString.lowercased()
        guard let version = form.version.flatMap({ Int($0) }) else { throw Abort(.badRequest) }
        do {
            _ = try await TaskEditor(db: req.db, audit: req.auditContext).move(taskID: task.id!, version: version, move)
            req.flash(.success, req.t("task.moved", task.ref))
        } catch is TaskEditor.Conflict {
            req.flash(.error, req.t("task.error.conflict"))
        } catch is TaskEditor.InvalidMove {
            req.flash(.error, req.t("task.error.move"))
        }
        return req.redirect(to: back)
    }

    struct RemovePage: Encodable {
        let layout: LayoutContext
        let ref: String
        let title: String
        let descendants: [String]?
        let action: String
        let cancel: String
        let version: Int
        let confirm: String
        let error: String?
    }

    @Sendable static func confirmRemove(req: Request) async throws -> Response {
        let (task, plan) = try await load(req)
        return try await removePage(req, task: task, plan: plan, error: nil, status: .ok)
    }

    static func removePage(_ req: Request, task: PlanTask, plan: Plan, error: String?, status: HTTPResponseStatus)
        async throws -> Response
    {
        let all = try await PlanTask.query(on: req.db).filter(\.$plan.$id == plan.id!).all()
        let tree = PlanTaskTree(nodes: PlanTaskTree.order(all), agencies: [:], outputs: [:])
        let subtree = tree.subtree(of: task.id!)
        let page = RemovePage(
            layout: req.layout(titleKey: "task.remove.title"), ref: task.ref, title: task.title,
            descendants: subtree.dropFirst().map { $0.ref + " " + $0.title }.nonEmpty,
            action: SiteURL.taskRemove(task.id!).path,
            cancel: SiteURL.plan(plan.id!).path + "#task-" + task.id!.uuidString.lowercased(), version: task.version,
            confirm: req.t("task.remove.confirm", task.ref, String(subtree.count)), error: error)
        return try await req.view.render("tasks/remove", page).encodeResponse(status: status, for: req)
    }

    struct RemoveForm: Content {
        var version: String?
    }

    @Sendable static func remove(req: Request) async throws -> Response {
        let (task, plan) = try await load(req)
        let form = try req.content.decode(RemoveForm.self)
        guard let version = form.version.flatMap({ Int($0) }), version == task.version else {
            return try await removePage(
                req, task: task, plan: plan, error: req.t("task.error.conflict"), status: .conflict)
        }
        do {
            let count = try await TaskEditor(db: req.db, audit: req.auditContext).remove(
                taskID: task.id!, version: version)
            req.flash(.success, req.t("task.removed", task.ref, String(count)))
        } catch is TaskEditor.Conflict {
            guard let fresh = try await PlanTask.find(task.id!, on: req.db) else { throw Abort(.notFound) }
            return try await removePage(
                req, task: fresh, plan: plan, error: req.t("task.error.conflict"), status: .conflict)
        }
        return req.redirect(to: SiteURL.plan(plan.id!).path + "#tasks")
    }

    private static func load(_ req: Request) async throws -> (PlanTask, Plan) {
        guard let task = try await PlanTask.query(on: req.db).filter(\.$id == req.recordID()).with(\.$plan).first()
        else {
            throw Abort(.notFound)
        }
        return (task, task.plan)
    }
}
