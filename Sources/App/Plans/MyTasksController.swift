import Fluent
import TTDNKit
import Vapor

/// "Nhiệm vụ của đơn vị": every task an agency leads or supports across plans, with the next milestone.
/// An agency officer sees their own agency; the coordinating office and admins choose any (`?agency=`).
struct MyTasksPage: Encodable {
    struct Calendar: Encodable {
        let feedURL: String?
        let createdAt: String?
        let canManage: Bool
        let action: String
        let agencyID: String
    }

    let layout: LayoutContext
    let agencyName: String?
    let agencyHref: String?
    let canChoose: Bool
    let agencies: [AccountController.Option]
    /// Why there is nothing to show.
    let explanation: String?
    let rows: [PlanTableRow]?
    let leadCount: Int
    let supportCount: Int
    let calendar: Calendar?
}

enum MyTasksController {
    @Sendable static func show(req: Request) async throws -> View {
        let user = try req.auth.require(User.self)
        let actor = user.actor
        let canChoose = Policy.allows(actor, .editPlans)
        let names = try await req.directoryNames()
        let asked = req.query[String.self, at: "agency"].flatMap { UUID(uuidString: $0) }
        let own = user.$agency.id.map { names.current($0) }
        let agencyID: UUID? = canChoose ? (asked ?? own) : own
        let agency = agencyID.flatMap { names.agencies[$0] }

        var rows: [PlanTableRow] = []
        var calendar: MyTasksPage.Calendar?
        if let agency, let id = agency.id {
            let today = req.today
            var memo = PlanAgencyNames.Memo(names)
            for entry in try await AgencyTasks.load(agencyID: id, names: names, on: req.db) {
                var row = PlanTable.row(
                    entry.task, depth: 0, named: [], outputs: [], memo: &memo, timeframe: entry.task.timeframe,
                    planYear: entry.plan.year, today: today, req: req, canEdit: false)
                row.role = req.t("task.role.\(entry.role.rawValue)")
                row.via = entry.via
                row.planTitle = [entry.plan.numberAndSymbol, entry.plan.title].compactMap { $0 }.joined(
                    separator: " · ")
                row.planHref = SiteURL.plan(entry.plan.id!).path + "#" + row.anchor
                rows.append(row)
            }
            calendar = try await CalendarController.section(req: req, agencyID: id, actor: actor)
        }
        let leadLabel = req.t("task.role.lead")
        let page = MyTasksPage(
            layout: req.layout(titleKey: "mytasks.title"), agencyName: agency?.officialName,
            agencyHref: agency?.id.map { SiteURL.agency($0).path }, canChoose: canChoose,
            agencies: canChoose ? names.currentAgencyOptions(selected: agencyID) : [],
            explanation: agency != nil ? nil : req.t(canChoose ? "mytasks.choose" : "mytasks.no_agency"),
            rows: rows.nonEmpty, leadCount: rows.filter { $0.role == leadLabel }.count,
            supportCount: rows.filter { $0.role != leadLabel }.count,
            calendar: calendar)
        return try await req.view.render("plans/my-tasks", page)
    }
}
