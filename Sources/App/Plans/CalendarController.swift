import Fluent
import Foundation
import TTDNKit
import Vapor

/// Each agency's calendar feed: an iCalendar of its tasks' milestones and its report deadlines (until the
/// report is accepted) at a secret, revocable address.
enum CalendarController {
    /// `/calendar/:token`: public, the token is the key. Unknown or revoked: 404.
    @Sendable static func feed(req: Request) async throws -> Response {
        var token = req.parameters.get("token") ?? ""
        if token.hasSuffix(".ics") { token.removeLast(4) }
        guard token.count >= 40, token.count <= 128,
            let row = try await CalendarToken.query(on: req.db).filter(\.$token == token).filter(\.$revokedAt == nil)
                .first()
        else { throw Abort(.notFound) }
        let calendar = try await build(agencyID: row.$agency.id, req: req)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"nhiem-vu.ics\"")
        headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=300")
        headers.replaceOrAdd(name: "X-Robots-Tag", value: "noindex")
        return Response(status: .ok, headers: headers, body: .init(string: calendar.render()))
    }

    /// One all-day event per milestone of every task the agency leads or supports.
    static func build(agencyID: UUID, req: Request) async throws -> ICalendar {
        let names = try await req.directoryNames()
        let agencyName = names.name(of: agencyID) ?? ""
        let base = PublicSite.base(req)
        var events: [ICalendar.Event] = []
        for entry in try await AgencyTasks.load(agencyID: agencyID, names: names, on: req.db) {
            let taskID = entry.task.id!.uuidString.lowercased()
            let role = entry.role == .lead ? "Chủ trì" : "Phối hợp"
            for milestone in PlanMilestones.all(entry.task.timeframe, planYear: entry.plan.year, today: req.today) {
                let description = [
                    [entry.plan.numberAndSymbol, entry.plan.title].compactMap { $0 }.joined(separator: " · "),
                    entry.task.timeframe.map { "Thời gian thực hiện: \($0.text)" }, entry.via.map { "Qua nhóm: \($0)" },
                ].compactMap { $0 }.joined(separator: "\n")
                events.append(
                    ICalendar.Event(
                        uid: ICalendar.uid(
                            plan: entry.plan.id!.uuidString.lowercased(), task: taskID, milestone: milestone.key),
                        date: milestone.due,
                        summary: "[\(role)] \(entry.task.ref) \(entry.task.title) — \(milestone.title)",
                        description: description, url: base + SiteURL.plan(entry.plan.id!).path + "#task-" + taskID))
            }
        }
        // Report deadlines of the agency (and of agencies it took over) that are not yet accepted.
        let obligations = try await Obligation.query(on: req.db).filter(
            \.$agency.$id ~~ Array(names.lineage(of: agencyID))
        )
        .filter(\.$dueOn != nil).with(\.$regime).all()
        let ids = obligations.compactMap(\.id)
        let accepted =
            ids.isEmpty
            ? []
            : try await Submission.query(on: req.db).filter(\.$obligation.$id ~~ ids)
                .filter(\.$state == Submission.State.accepted.rawValue).field(\.$id).field(\.$obligation.$id).all()
        let done = Set(accepted.map { $0.$obligation.id })
        for obligation in obligations where !done.contains(obligation.id!) {
            guard let due = obligation.due else { continue }
            events.append(
                ICalendar.Event(
                    uid: "report-\(obligation.id!.uuidString.lowercased())@ttdn", date: due,
                    summary: "[Báo cáo] \(obligation.regime.name) · \(obligation.periodLabel) — hạn gửi",
                    description: "Số liệu từ \(obligation.windowStart) đến \(obligation.windowEnd)",
                    url: base + SiteURL.report(obligation.id!).path))
        }
        events.sort { ($0.date, $0.uid) < ($1.date, $1.uid) }
        return ICalendar(name: req.t("calendar.feed.name", agencyName), events: events, stamp: req.now)
    }

    /// A new token: 32 random bytes, base64url without padding (43 characters).
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(
                of: "=", with: "")
    }

    /// The feed section of "Nhiệm vụ của đơn vị": the address (only to those who may manage it) and the button.
    static func section(req: Request, agencyID: UUID, actor: Actor?) async throws -> MyTasksPage.Calendar? {
        let canManage = Policy.mayActFor(actor, agency: agencyID)
        guard canManage else { return nil }
        let active = try await CalendarToken.query(on: req.db).filter(\.$agency.$id == agencyID).filter(
            \.$revokedAt == nil
        )
        .sort(\.$createdAt, .descending).first()
        return MyTasksPage.Calendar(
            feedURL: active.map { PublicSite.base(req) + SiteURL.calendarFeed($0.token).path },
            createdAt: active?.createdAt.map { Formatting.dateTime($0, req.locale) }, canManage: canManage,
            action: SiteURL.myTasksCalendar.path, agencyID: agencyID.uuidString)
    }

    struct TokenForm: Content {
        var agency: String?
    }

    /// Creates the agency's feed address, revoking the one before it: the old address stops at once.
    @Sendable static func replaceToken(req: Request) async throws -> Response {
        let form = try req.content.decode(TokenForm.self)
        guard let agencyID = form.agency.flatMap({ UUID(uuidString: $0) }),
            try await Agency.find(agencyID, on: req.db) != nil
        else {
            throw Abort(.badRequest)
        }
        guard Policy.mayActFor(req.auth.get(User.self)?.actor, agency: agencyID) else { throw Abort(.forbidden) }
        let audit = req.auditContext
        let replaced = try await req.db.transaction { tx -> Int in
            let active = try await CalendarToken.query(on: tx).filter(\.$agency.$id == agencyID).filter(
                \.$revokedAt == nil
            ).all()
            for token in active {
                try await token.auditedUpdate(on: tx, by: audit) { $0.revokedAt = req.now }
            }
            try await CalendarToken(agencyID: agencyID, token: newToken()).auditedCreate(on: tx, by: audit)
            return active.count
        }
        req.flash(.success, req.t(replaced > 0 ? "calendar.replaced" : "calendar.created"))
        return req.redirect(to: SiteURL.myTasks.with(["agency": agencyID.uuidString]) + "#calendar")
    }
}
