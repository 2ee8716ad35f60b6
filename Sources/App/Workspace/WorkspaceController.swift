import Fluent
import TTDNKit
import Vapor

/// The signed-in user's home page: who they are, what they may do, where to go next.
enum WorkspaceController {
    struct Page: Encodable {
        struct Shortcut: Encodable {
            let label: String
            let href: String
            let description: String
        }
        let layout: LayoutContext
        let displayName: String
        let agencyName: String?
        let roles: [String]
        let shortcuts: [Shortcut]
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
        let page = Page(
            layout: req.layout(titleKey: "workspace.title"), displayName: user.displayName,
            agencyName: agency?.officialName, roles: user.roles.sorted().map { req.t("role.\($0.rawValue)") },
            shortcuts: shortcuts)
        return try await req.view.render("workspace/show", page)
    }
}
