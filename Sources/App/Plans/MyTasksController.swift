import Fluent
import TTDNKit
import Vapor

/// "Nhiệm vụ của đơn vị": the tasks an agency leads or supports across plans, with the next milestone; the
/// plans in force first, other years, one role and open tasks by filter, fifty to a page (`MyTasksFilter`).
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
    /// Whether the page has rows, and the rows as HTML (`MyTasksHTML`).
    let hasRows: Bool
    let rowsHTML: String
    let leadCount: Int
    let supportCount: Int
    /// The filter form (nil without an agency).
    let years: [SelectOption]?
    let roles: [SelectOption]
    let statuses: [SelectOption]
    /// "1–50 / 270".
    let showing: String?
    let previousPage: String?
    let nextPage: String?
    /// Why the list is empty.
    let empty: String?
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

        let filter = MyTasksFilter(query: req.query)
        var rows: [PlanTableRow] = []
        var calendar: MyTasksPage.Calendar?
        var refs: [AgencyTasks.Ref] = []
        var years: [SelectOption]?
        var showing: String?
        var previousPage: String?
        var nextPage: String?
        var empty: String?
        let today = req.today
        if let agency, let id = agency.id {
            let inScope = try await AgencyTasks.refs(
                agencyID: id, names: names, scope: filter.scope(today: today), on: req.db)
            refs = inScope
            let shown = inScope.filter { ref in
                (filter.role.map { ref.role == $0 } ?? true)
                    && (!filter.openOnly || ref.status.isOpen)
            }
            let size = MyTasksFilter.pageSize
            let pages = max(1, (shown.count + size - 1) / size)
            let page = min(filter.page, pages)
            let slice = Array(shown.dropFirst((page - 1) * size).prefix(size))
            var memo = PlanAgencyNames.Memo(names)
            let entries = try await AgencyTasks.entries(slice, on: req.db)
            let planYears = Dictionary(
                entries.compactMap { entry in entry.task.id.map { ($0, entry.plan.year) } },
                uniquingKeysWith: { a, _ in a })
            let outputs = try await TaskOutput.query(on: req.db).filter(\.$task.$id ~~ Array(planYears.keys)).all()
            let expected = Dictionary(grouping: outputs, by: { $0.$task.id })
            let progress = try await OutputLinks.progress(
                of: entries.map(\.task), outputs: expected,
                planYears: { task in task.id.flatMap { planYears[$0] } ?? nil },
                today: today, on: req.db)
            for entry in entries {
                var row = PlanTable.row(
                    entry.task, depth: 0, named: [], outputs: [], memo: &memo, timeframe: entry.task.timeframe,
                    planYear: entry.plan.year, today: today, req: req, canEdit: false)
                row.role = req.t("task.role.\(entry.role.rawValue)")
                row.via = entry.via.map { req.t("mytasks.via", $0) }
                row.planTitle = [entry.plan.numberAndSymbol, entry.plan.title].compactMap { $0 }.joined(
                    separator: " · ")
                row.planHref = SiteURL.plan(entry.plan.id!).path + "#" + row.anchor
                if let id = entry.task.id, let measured = progress[id] {
                    row.show(measured, unit: expected[id]?.compactMap(\.unit).first, req: req)
                }
                rows.append(row)
            }
            let chosen = canChoose ? id : nil
            let path = SiteURL.myTasks.path
            if shown.count > size {
                showing = req.t(
                    "mytasks.showing", String((page - 1) * size + 1), String((page - 1) * size + slice.count),
                    String(shown.count))
            }
            if page > 1 { previousPage = path + filter.query(page: page - 1, agency: chosen) }
            if page < pages { nextPage = path + filter.query(page: page + 1, agency: chosen) }
            let known = try await AgencyTasks.years(agencyID: id, names: names, on: req.db)
            let value = filter.yearValue
            years =
                [
                    SelectOption(value: "", label: req.t("mytasks.filter.in_force"), selected: value == ""),
                    SelectOption(value: "all", label: req.t("mytasks.filter.all_years"), selected: value == "all"),
                ] + known.map { SelectOption(value: String($0), label: String($0), selected: value == String($0)) }
            if shown.isEmpty {
                empty = req.t(
                    known.isEmpty
                        ? "mytasks.empty"
                        : inScope.isEmpty && filter.years == .inForce
                            ? "mytasks.empty_in_force" : "mytasks.empty_filtered")
            }
            calendar = try await CalendarController.section(req: req, agencyID: id, actor: actor)
        }
        let roles =
            [SelectOption(value: "", label: req.t("mytasks.filter.any_role"), selected: filter.role == nil)]
            + TaskAgency.Role.allCases.map {
                SelectOption(value: $0.rawValue, label: req.t("task.role.\($0.rawValue)"), selected: filter.role == $0)
            }
        let statuses = [
            SelectOption(value: "", label: req.t("mytasks.filter.any_status"), selected: !filter.openOnly),
            SelectOption(value: "open", label: req.t("mytasks.filter.open"), selected: filter.openOnly),
        ]
        let labels = PlanShowPage.Labels(req)
        let page = MyTasksPage(
            layout: req.layout(titleKey: "mytasks.title"),
            agencyName: agency?.officialName,
            agencyHref: agency?.id.map { SiteURL.agency($0).path }, canChoose: canChoose,
            agencies: canChoose ? names.currentAgencyOptions(selected: agencyID) : [],
            explanation: agency != nil ? nil : req.t(canChoose ? "mytasks.choose" : "mytasks.no_agency"),
            hasRows: !rows.isEmpty,
            rowsHTML: MyTasksHTML.rows(
                rows,
                columns: .init(
                    role: req.t("mytasks.col.role"), task: req.t("mytasks.col.task"), plan: req.t("mytasks.col.plan")),
                labels: labels), leadCount: refs.filter { $0.role == .lead }.count,
            supportCount: refs.filter { $0.role == .support }.count, years: years, roles: roles,
            statuses: statuses, showing: showing, previousPage: previousPage, nextPage: nextPage, empty: empty,
            calendar: calendar)
        return try await req.view.render("plans/my-tasks", page)
    }
}
