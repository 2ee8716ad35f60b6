import Fluent
import Foundation
import SQLKit
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

    /// A task as this list needs it.
    private struct Candidate {
        let id: UUID
        let ref: String
        let title: String
        let timeframe: Timeframe?
        let plan: String
        let year: Int?
        let role: String?
    }

    private struct Row: Decodable {
        let id: UUID
        let ref: String
        let title: String
        let timeframe: String?
        let plan_title: String
        let year: Int?
    }

    /// Open tasks of the plans in force (issued or draft, of last year or later). A few columns of one
    /// joined query: with ten years of plans, loading whole tasks was most of this page's time.
    static func office(req: Request) async throws -> [Line] {
        guard let sql = req.db as? any SQLDatabase else { return [] }
        let today = req.today
        let closed = [PlanTask.Status.completed.rawValue, PlanTask.Status.cancelled.rawValue]
        let rows = try await sql.select()
            .columns(
                SQLColumn("id", table: "t"), SQLColumn("ref", table: "t"), SQLColumn("title", table: "t"),
                SQLColumn("timeframe", table: "t"), SQLColumn("year", table: "p")
            )
            .column(SQLColumn("title", table: "p"), as: "plan_title")
            .from(SQLAlias(SQLIdentifier(PlanTask.schema), as: SQLIdentifier("t")))
            .join(
                SQLAlias(SQLIdentifier(Plan.schema), as: SQLIdentifier("p")),
                on: SQLColumn("plan_id", table: "t"), .equal, SQLColumn("id", table: "p")
            )
            // A plan whose year was not read counts as in force.
            .where(group: { group in
                group.where(SQLColumn("year", table: "p"), .greaterThanOrEqual, SQLBind(today.year - 1))
                    .orWhere(SQLColumn("year", table: "p"), .is, SQLLiteral.null)
            })
            .where(
                SQLColumn("status", table: "p"), .notIn,
                SQLBind.group([Plan.Status.archived.rawValue, Plan.Status.superseded.rawValue])
            )
            .where(SQLColumn("timeframe", table: "t"), .isNot, SQLLiteral.null)
            .where(SQLColumn("status", table: "t"), .notIn, SQLBind.group(closed))
            .all(decoding: Row.self)
        let decoder = JSONDecoder()
        return lines(
            rows.map { row in
                Candidate(
                    id: row.id, ref: row.ref, title: row.title,
                    timeframe: row.timeframe.flatMap { try? decoder.decode(Timeframe.self, from: Data($0.utf8)) },
                    plan: row.plan_title, year: row.year, role: nil)
            }, req: req)
    }

    /// The agency's own open tasks.
    static func agency(_ entries: [AgencyTasks.Entry], req: Request) -> [Line] {
        lines(
            entries.compactMap { entry in
                let task = entry.task
                guard let id = task.id, task.taskStatus != .completed, task.taskStatus != .cancelled else { return nil }
                return Candidate(
                    id: id, ref: task.ref, title: task.title, timeframe: task.timeframe, plan: entry.plan.title,
                    year: entry.plan.year, role: req.t("task.role.\(entry.role.rawValue)"))
            }, req: req)
    }

    private static func lines(_ tasks: [Candidate], req: Request) -> [Line] {
        let today = req.today
        let limit = today.adding(days: horizon)
        var found: [(LocalDate, Line)] = []
        for task in tasks {
            guard
                let milestone = PlanMilestones.nextMilestone(task.timeframe, planYear: task.year, today: today),
                milestone.due <= limit
            else { continue }
            let days = today.days(until: milestone.due)
            found.append(
                (
                    milestone.due,
                    Line(
                        href: SiteURL.task(task.id).path, date: Formatting.date(milestone.due, req.locale),
                        days: days == 0 ? req.t("home.today") : req.t("home.in_days", String(days)),
                        task: "\(task.ref) \(task.title)", plan: task.plan, what: milestone.title, role: task.role)
                ))
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
