import Fluent
import Foundation
import TTDNKit
import Vapor

/// What the plans' deadlines hold for the next 30 days: each task whose next milestone falls in that time,
/// soonest first, with its plan and lead. For the office, the tasks of every plan in force; for an officer,
/// their agency's tasks ("Nhiệm vụ của đơn vị").
enum HomeDeadlines {
    struct Line: Encodable {
        let href: String
        let date: String
        let days: String
        let task: String
        let plan: String
        let what: String?
        let role: String?
    }

    static let horizon = 30

    /// Tasks of the plans in force (not archived or superseded, this year or the next or the last).
    static func office(req: Request) async throws -> [Line] {
        let today = req.today
        let plans = try await Plan.query(on: req.db).filter(\.$year >= today.year - 1).filter(\.$year <= today.year + 1)
            .all().filter { $0.planStatus != .archived && $0.planStatus != .superseded }
        guard !plans.isEmpty else { return [] }
        let byID = Dictionary(uniqueKeysWithValues: plans.compactMap { p in p.id.map { ($0, p) } })
        let tasks = try await PlanTask.query(on: req.db).filter(\.$plan.$id ~~ Array(byID.keys)).all()
        return lines(tasks.compactMap { task in byID[task.$plan.id].map { (task, $0, nil) } }, req: req)
    }

    /// The agency's own tasks.
    static func agency(_ entries: [AgencyTasks.Entry], req: Request) -> [Line] {
        lines(entries.map { ($0.task, $0.plan, req.t("task.role.\($0.role.rawValue)")) }, req: req)
    }

    private static func lines(_ tasks: [(PlanTask, Plan, String?)], req: Request) -> [Line] {
        let today = req.today
        let limit = today.adding(days: horizon)
        var found: [(LocalDate, Line)] = []
        for (task, plan, role) in tasks where task.taskStatus != .completed && task.taskStatus != .cancelled {
            guard
                let milestone = PlanMilestones.nextMilestone(
                    task.timeframe, planYear: plan.year, today: today),
                milestone.due <= limit
            else { continue }
            let days = today.days(until: milestone.due)
            found.append(
                (
                    milestone.due,
                    Line(
                        href: SiteURL.task(task.id!).path, date: Formatting.date(milestone.due, req.locale),
                        days: days == 0 ? req.t("home.today") : req.t("home.in_days", String(days)),
                        task: "\(task.ref) \(task.title)", plan: plan.title, what: milestone.title, role: role)
                ))
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
