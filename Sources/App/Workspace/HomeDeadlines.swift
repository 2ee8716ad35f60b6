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

    /// A task whose next milestone falls within the horizon: what the list shows, before it is worded.
    struct Due: Sendable {
        let date: LocalDate
        let id: UUID
        let ref: String
        let title: String
        let plan: String
        let what: String?
        let role: TaskAgency.Role?
    }

    /// A task as this list needs it.
    private struct Candidate {
        let id: UUID
        let ref: String
        let title: String
        let timeframe: Timeframe?
        let plan: String
        let year: Int?
        let role: TaskAgency.Role?
    }

    private struct Row: Decodable {
        let id: UUID
        let ref: String
        let title: String
        let timeframe: String?
        let plan_title: String
        let year: Int?
    }

    /// The office's list, from memory while no plan or task changed (`MemoryCaches`).
    static func office(req: Request) async throws -> [Line] {
        lines(try await MemoryCaches.of(req.application).officeDeadlines(today: req.today, on: req.db), req: req)
    }

    /// Open tasks of the plans in force (issued or draft, of last year or later) with a milestone in the next
    /// 30 days, soonest first. A few columns of one joined query: with ten years of plans, loading whole
    /// tasks was most of the office's home page.
    static func officeDue(today: LocalDate, on db: any Database) async throws -> [Due] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let select = sql.select()
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
            .where(SQLColumn("timeframe", table: "t"), .isNot, SQLLiteral.null)
            .where(SQLColumn("status", table: "t"), .notIn, SQLBind.group(PlanTask.Status.closed.map(\.rawValue)))
        let rows = try await Plan.whereInForce(select, table: "p", today: today).all(decoding: Row.self)
        let decoder = JSONDecoder()
        return due(
            rows.map { row in
                Candidate(
                    id: row.id, ref: row.ref, title: row.title,
                    timeframe: row.timeframe.flatMap { try? decoder.decode(Timeframe.self, from: Data($0.utf8)) },
                    plan: row.plan_title, year: row.year, role: nil)
            }, today: today)
    }

    /// The agency's own open tasks.
    static func agency(_ refs: [AgencyTasks.Ref], req: Request) -> [Line] {
        let candidates = refs.compactMap { ref -> Candidate? in
            guard ref.status.isOpen else { return nil }
            return Candidate(
                id: ref.taskID, ref: ref.ref, title: ref.title, timeframe: ref.timeframe, plan: ref.planTitle,
                year: ref.year, role: ref.role)
        }
        return lines(due(candidates, today: req.today), req: req)
    }

    private static func due(_ tasks: [Candidate], today: LocalDate) -> [Due] {
        let limit = today.adding(days: horizon)
        return tasks.compactMap { task -> Due? in
            guard
                let milestone = PlanMilestones.nextMilestone(task.timeframe, planYear: task.year, today: today),
                milestone.due <= limit
            else { return nil }
            return Due(
                date: milestone.due, id: task.id, ref: task.ref, title: task.title, plan: task.plan,
                what: milestone.title, role: task.role)
        }.sorted { $0.date < $1.date }
    }

    private static func lines(_ found: [Due], req: Request) -> [Line] {
        let today = req.today
        return found.map { due in
            let days = today.days(until: due.date)
            return Line(
                href: SiteURL.task(due.id).path, date: Formatting.date(due.date, req.locale),
                days: days == 0 ? req.t("home.today") : req.t("home.in_days", String(days)),
                task: "\(due.ref) \(due.title)", plan: due.plan, what: due.what,
                role: due.role.map { req.t("task.role.\($0.rawValue)") })
        }
    }
}
