import Fluent
import TTDNKit
import Vapor

/// The signed-in user's home page: the day's work. For the coordinating office, across every plan and
/// regime: what is due this week, what is late (by agency, how late), what waits for review, what was
/// returned and not yet resent, and the plans' deadlines of the next 30 days. For an agency officer: what the
/// agency owes next, what was returned and why, its tasks whose deadlines are near, and what changed in its
/// plans since they last looked. Every count links to the list it counts. Shortcuts follow.
enum WorkspaceController {
    struct Page: Encodable {
        struct Shortcut: Encodable {
            let label: String
            let href: String
            let description: String
        }
        /// A count at the top of the page, linking to its list below.
        struct Count: Encodable {
            let label: String
            let count: Int
            let href: String
            let tone: String
        }
        let layout: LayoutContext
        let displayName: String
        let agencyName: String?
        let roles: [String]
        let shortcuts: [Shortcut]
        let office: Bool
        let counts: [Count]?
        /// The report lists (nil when empty); `agenda` says whether this person has them at all.
        let agenda: Bool
        let late: [HomeAgenda.AgencyLate]?
        let owed: [HomeAgenda.Line]?
        let waiting: [HomeAgenda.Line]?
        let returned: [HomeAgenda.Line]?
        let dueSoon: [HomeAgenda.Line]?
        let deadlines: [HomeDeadlines.Line]?
        let changes: [HomeChanges.Line]?
        let changesSince: String?
        let dashboardsHref: String?
    }

    @Sendable static func show(req: Request) async throws -> View {
        let user = try req.auth.require(User.self)
        let agency = try await user.$agency.get(on: req.db)
        let actor = user.actor
        let candidates: [(String, SiteURL, Permission)] = [
            ("nav.my_tasks", .myTasks, .viewPlans),  // Plans
            ("nav.plans", .plans, .viewPlans),  // Plans
            ("nav.agencies", .agencies, .viewDirectory),
            ("nav.groups", .agencyGroups, .viewDirectory),
            ("agency.import.title", .agenciesImport, .editDirectory),
            ("nav.users", .users, .manageUsers),
            ("nav.audit", .audit, .viewAudit),
            ("account.password.title", .accountPassword, .signedIn),
        ]
        let shortcuts = candidates.filter { Policy.allows(actor, $0.2) }.map { key, url, _ in
            Page.Shortcut(label: req.t(key), href: url.path, description: req.t(key + ".hint"))
        }
        let office = Policy.allows(actor, .reviewReports)
        var agenda: HomeAgenda?
        var deadlines: [HomeDeadlines.Line]?
        var changes: [HomeChanges.Line]?
        var since: String?
        var counts: [Page.Count] = []
        if office {
            let list = try await HomeAgenda.load(agencies: nil, req: req)
            agenda = list
            deadlines = try await HomeDeadlines.office(req: req)
            counts = [
                .init(label: req.t("home.count.late"), count: list.lateCount, href: "#late", tone: "bad"),
                .init(label: req.t("home.count.waiting"), count: list.waiting.count, href: "#waiting", tone: "info"),
                .init(label: req.t("home.count.returned"), count: list.returned.count, href: "#returned", tone: "warn"),
                .init(label: req.t("home.count.due_soon"), count: list.dueSoon.count, href: "#due-soon", tone: "info"),
                .init(
                    label: req.t("home.count.deadlines"), count: deadlines?.count ?? 0, href: "#deadlines", tone: "info"
                ),
            ]
        } else if let agencyID = user.$agency.id, Policy.allows(actor, .fileReports) {
            let names = try await req.directoryNames()
            let list = try await HomeAgenda.load(agencies: names.lineage(of: agencyID), req: req)
            agenda = list
            let refs = try await AgencyTasks.refs(
                agencyID: agencyID, names: names, scope: .inForce(today: req.today), on: req.db)
            deadlines = HomeDeadlines.agency(refs, req: req)
            let found = try await HomeChanges.load(refs, req: req)
            changes = found.lines
            since = found.since
            counts = [
                .init(
                    label: req.t("home.count.owed"), count: list.lateCount + list.dueSoon.count, href: "#owed",
                    tone: "bad"),
                .init(
                    label: req.t("home.count.returned_to_us"), count: list.returned.count, href: "#returned",
                    tone: "warn"),
                .init(
                    label: req.t("home.count.waiting_office"), count: list.waiting.count, href: "#waiting", tone: "info"
                ),
                .init(
                    label: req.t("home.count.deadlines"), count: deadlines?.count ?? 0, href: "#deadlines", tone: "info"
                ),
                .init(label: req.t("home.count.changes"), count: changes?.count ?? 0, href: "#changes", tone: "info"),
            ]
        }
        let page = Page(
            layout: req.layout(titleKey: "workspace.title"), displayName: user.displayName,
            agencyName: agency?.officialName, roles: user.roles.sorted().map { req.t("role.\($0.rawValue)") },
            shortcuts: shortcuts, office: office, counts: counts.nonEmpty, agenda: agenda != nil,
            late: agenda?.late.nonEmpty,
            owed: agenda.map { $0.late.flatMap(\.lines) + $0.dueSoon }?.nonEmpty,
            waiting: agenda?.waiting.nonEmpty, returned: agenda?.returned.nonEmpty, dueSoon: agenda?.dueSoon.nonEmpty,
            deadlines: deadlines?.nonEmpty,
            changes: changes, changesSince: since,
            dashboardsHref: Policy.allows(actor, .viewReports) ? SiteURL.dashboards.path : nil)
        return try await req.view.render("workspace/show", page)
    }
}
