import Foundation
import TTDNKit
import Vapor

/// What every page's layout needs: language, title, the CSRF token, who is signed in, the
/// navigation they may use, the language switcher and a one-time message.
struct LayoutContext: Encodable, Sendable {
    struct NavItem: Encodable, Sendable {
        let label: String
        let href: String
        let current: Bool
        /// Unread notifications, on the notifications item: the number, and the words a screen reader says.
        var count: String? = nil
        var countLabel: String? = nil
    }

    struct LanguageLink: Encodable, Sendable {
        let code: String
        let label: String
        let href: String
        let current: Bool
    }

    struct UserBadge: Encodable, Sendable {
        let name: String
        let username: String
        let roles: String
    }

    let lang: String
    let title: String
    let csrf: String
    let user: UserBadge?
    let nav: [NavItem]?
    let languages: [LanguageLink]
    let flash: Flash?
}

/// A message shown once on the next page (after a redirect).
struct Flash: Codable, Sendable {
    enum Kind: String, Codable, Sendable { case success, error, info }
    let kind: Kind
    let text: String
}

extension Request {
    private static let flashKey = "flash"

    /// Stores a message for the next page this session renders.
    func flash(_ kind: Flash.Kind, _ text: String) {
        sessionIfReady(create: true)?.data[Self.flashKey] = kind.rawValue + "|" + text
    }

    private func takeFlash() -> Flash? {
        guard let session = sessionIfReady(), let raw = session.data[Self.flashKey] else { return nil }
        session.data[Self.flashKey] = nil
        let parts = raw.split(separator: "|", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = Flash.Kind(rawValue: parts[0]) else { return nil }
        return Flash(kind: kind, text: parts[1])
    }

    /// The layout of a page titled with the translation of `titleKey` (or a literal `title`). `anonymousForm`
    /// is for a page with a form that a visitor who is not signed in may send (the login page): only then does
    /// such a visitor get a session. It reads nothing that a middleware must have prepared, so error pages use
    /// it whatever failed.
    func layout(titleKey: String? = nil, title: String? = nil, anonymousForm: Bool = false) -> LayoutContext {
        let user = auth.get(User.self)
        let actor = user?.actor
        let currentPath = url.path
        let nav: [LayoutContext.NavItem] = Self.navigation.compactMap { key, url, permission in
            guard Policy.allows(actor, permission), actor != nil else { return nil }
            let href = url.path
            let current = href == "/app" ? currentPath == href : currentPath.hasPrefix(href)
            if url == .notifications, let unread = storage[UnreadCountMiddleware.Key.self], unread > 0 {
                return .init(
                    label: t(key), href: href, current: current, count: String(unread),
                    countLabel: t("nav.notifications.unread", String(unread)))
            }
            return .init(label: t(key), href: href, current: current)
        }
        // The switcher keeps the page's other query parameters (a search, a filter).
        let otherItems = URLComponents(string: url.string)?.queryItems?.filter { $0.name != "lang" } ?? []
        let languages = AppLocale.allCases.map { code in
            var components = URLComponents()
            components.path = currentPath
            components.queryItems = otherItems + [URLQueryItem(name: "lang", value: code.rawValue)]
            return LayoutContext.LanguageLink(
                code: code.rawValue, label: t("language.\(code.rawValue)"),
                href: components.string ?? currentPath, current: code == locale)
        }
        let badge = user.map { user in
            LayoutContext.UserBadge(
                name: user.displayName, username: user.username,
                roles: user.roles.sorted().map { t("role.\($0.rawValue)") }.joined(separator: ", "))
        }
        let pageTitle = title ?? titleKey.map { t($0) } ?? t("app.name")
        return LayoutContext(
            lang: locale.rawValue, title: pageTitle, csrf: CSRF.token(for: self, create: user != nil || anonymousForm),
            user: badge, nav: nav.nonEmpty,
            languages: languages, flash: takeFlash())
    }

    /// The main navigation: label key, destination, and the permission needed to see it.
    static let navigation: [(String, SiteURL, Permission)] = [
        ("nav.workspace", .workspace, .signedIn),
        ("nav.my_tasks", .myTasks, .viewPlans),  // Plans
        ("nav.plans", .plans, .viewPlans),  // Plans
        ("nav.reports", .reports, .fileReports),  // Reporting
        ("nav.dashboards", .dashboards, .viewReports),  // Reporting
        ("nav.notifications", .notifications, .signedIn),  // Reporting
        ("nav.holidays", .holidays, .reviewReports),  // Reporting
        ("nav.indicators", .indicators, .reviewReports),  // Reporting
        ("nav.articles", .articles, .newsroom),  // Publishing
        ("nav.translations", .translations, .newsroom),  // Publishing
        ("nav.site", .siteSettings, .manageSite),  // Publishing
        ("nav.agencies", .agencies, .viewDirectory),
        ("nav.groups", .agencyGroups, .viewDirectory),
        ("nav.users", .users, .manageUsers),
        ("nav.audit", .audit, .viewAudit),
    ]
}
