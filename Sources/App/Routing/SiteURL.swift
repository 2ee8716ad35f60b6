import Foundation
import TTDNKit
import Vapor

/// Every page and action of the application, typed. Routes are registered from `pathComponents`
/// and links are built from `path`, so the two cannot drift apart.
enum SiteURL: Sendable, Equatable {
    case home
    case healthz
    case login
    case logout
    case workspace
    case accountPassword
    case accountLocale

    case agencies
    case agencyNew
    case agenciesImport
    case agenciesExport
    case agency(UUID)
    case agencyEdit(UUID)
    case agencyMerge(UUID)
    case agencyGroups
    case agencyGroupNew
    case agencyGroup(UUID)
    case agencyGroupEdit(UUID)
    case resolveName

    case users
    case userNew
    case user(UUID)
    case userResetPassword(UUID)
    case userUnlock(UUID)

    case audit

    // Plans (the plan screens register `plans` and `plan`; the import flow registers its own)
    case plans
    case plan(UUID)
    case planStatus(UUID)
    case planFile(UUID)
    case planExportDocx(UUID)
    case planReissue(UUID)
    case planTasksCSV(UUID)
    case planTasks(UUID)
    case planTaskNew(UUID)
    case task(UUID)
    case taskEdit(UUID)
    case taskMove(UUID)
    case taskRemove(UUID)
    case myTasks
    case myTasksCalendar
    case legalDocuments
    case legalDocument(UUID)
    case legalDocumentEdit(UUID)
    case calendarFeed(String)
    // Plan import
    case planImport
    case planImportDraft(UUID)
    case planImportDiscard(UUID)
    // Reporting
    case reports
    case report(UUID)
    case reportReview(UUID)
    case reportRecall(UUID)
    case evidence(UUID)
    case planReporting(UUID)
    case planReportingCSV(UUID)
    case planRegimes(UUID)
    case planFollowUp(UUID)
    case regime(UUID)
    case consolidated(UUID)
    case consolidatedDocx(UUID)
    case consolidatedPrint(UUID)
    case notifications
    case notificationsRead
    /// Every plan's reporting dashboards, across plans (the main menu's "Theo dõi báo cáo").
    case dashboards
    /// "Nhắc ngay" for a regime: `?period=` (every late agency) or `?obligation=` (one report).
    case remindNow(UUID)
    case holidays
    case regimeRequests(UUID)
    case indicators
    case indicator(UUID)
    case planTargets(UUID)
    // The newsroom of the foreign-information site
    case articles
    case articleNew
    case articleFiling(UUID)
    case articleTranslate(UUID)
    case articleImages(UUID)
    case translations
    case translationsCSV
    case articleLinks(UUID)
    case articleVersion(UUID)
    case articleVersionEdit(UUID)
    case articleVersionMove(UUID)
    case articleVersionCheck(UUID)
    case articleVersionDiff(UUID)
    case siteSettings
    case siteLanguages
    case siteTopics
    case siteTerms
    // The public site: the language tag first (`/vi/…`, `/zh-Hans/…`), no session.
    case siteHome(String)
    case siteArticle(String, String)
    case siteTopic(String, String)
    case siteArchive(String, Int, Int)
    case siteSearch(String)
    case siteFeed(String, FeedFormat)
    case siteTopicFeed(String, String, FeedFormat)
    case sitemapIndex
    case sitemap(String)
    case robots
    case media(UUID)

    /// The two feed formats, by their file names.
    enum FeedFormat: String, Sendable, CaseIterable {
        case rss = "feed.xml"
        case atom = "atom.xml"
    }

    /// The path with parameters filled in, for links and redirects.
    var path: String {
        "/"
            + pathComponents.enumerated().map { index, component -> String in
                if case .parameter = component { return parameterValues[parameterIndex(before: index)] }
                return component.description
            }.joined(separator: "/")
    }

    /// Path components for registering the route; `:id` where a record is named.
    var pathComponents: [PathComponent] {
        switch self {
        case .home: []
        case .healthz: ["healthz"]
        case .login: ["login"]
        case .logout: ["logout"]
        case .workspace: ["app"]
        case .accountPassword: ["app", "account", "password"]
        case .accountLocale: ["app", "account", "language"]
        case .agencies: ["app", "agencies"]
        case .agencyNew: ["app", "agencies", "new"]
        case .agenciesImport: ["app", "agencies", "import"]
        case .agenciesExport: ["app", "agencies", "export.csv"]
        case .agency: ["app", "agencies", ":id"]
        case .agencyEdit: ["app", "agencies", ":id", "edit"]
        case .agencyMerge: ["app", "agencies", ":id", "merge"]
        case .agencyGroups: ["app", "groups"]
        case .agencyGroupNew: ["app", "groups", "new"]
        case .agencyGroup: ["app", "groups", ":id"]
        case .agencyGroupEdit: ["app", "groups", ":id", "edit"]
        case .resolveName: ["app", "agencies", "resolve"]
        case .users: ["app", "users"]
        case .userNew: ["app", "users", "new"]
        case .user: ["app", "users", ":id"]
        case .userResetPassword: ["app", "users", ":id", "password"]
        case .userUnlock: ["app", "users", ":id", "unlock"]
        case .audit: ["app", "audit"]
        case .plans: ["app", "plans"]
        case .plan: ["app", "plans", ":id"]
        // Plans
        case .planStatus: ["app", "plans", ":id", "status"]
        case .planFile: ["app", "plans", ":id", "file"]
        case .planExportDocx: ["app", "plans", ":id", "export.docx"]
        case .planReissue: ["app", "plans", ":id", "reissue"]
        case .planTasksCSV: ["app", "plans", ":id", "tasks.csv"]
        case .planTasks: ["app", "plans", ":id", "tasks"]
        case .planTaskNew: ["app", "plans", ":id", "tasks", "new"]
        case .task: ["app", "tasks", ":id"]
        case .taskEdit: ["app", "tasks", ":id", "edit"]
        case .taskMove: ["app", "tasks", ":id", "move"]
        case .taskRemove: ["app", "tasks", ":id", "remove"]
        case .myTasks: ["app", "my-tasks"]
        case .myTasksCalendar: ["app", "my-tasks", "calendar"]
        case .legalDocuments: ["app", "legal-documents"]
        case .legalDocument: ["app", "legal-documents", ":id"]
        case .legalDocumentEdit: ["app", "legal-documents", ":id", "edit"]
        case .calendarFeed: ["calendar", ":token"]
        case .planImport: ["app", "plans", "import"]
        case .planImportDraft: ["app", "plans", "import", ":id"]
        case .planImportDiscard: ["app", "plans", "import", ":id", "discard"]
        case .reports: ["app", "reports"]
        case .report: ["app", "reports", ":id"]
        case .reportReview: ["app", "reports", ":id", "review"]
        case .reportRecall: ["app", "reports", ":id", "recall"]
        case .evidence: ["app", "evidence", ":id"]
        case .planReporting: ["app", "plans", ":id", "reporting"]
        case .planReportingCSV: ["app", "plans", ":id", "reporting.csv"]
        case .planRegimes: ["app", "plans", ":id", "regimes"]
        case .planFollowUp: ["app", "plans", ":id", "follow-up"]
        case .regime: ["app", "regimes", ":id"]
        case .consolidated: ["app", "regimes", ":id", "report"]
        case .consolidatedDocx: ["app", "regimes", ":id", "report.docx"]
        case .consolidatedPrint: ["app", "regimes", ":id", "report", "print"]
        case .notifications: ["app", "notifications"]
        case .notificationsRead: ["app", "notifications", "read"]
        case .dashboards: ["app", "dashboards"]
        case .remindNow: ["app", "regimes", ":id", "remind"]
        case .holidays: ["app", "holidays"]
        case .regimeRequests: ["app", "regimes", ":id", "requests"]
        case .indicators: ["app", "indicators"]
        case .indicator: ["app", "indicators", ":id"]
        case .planTargets: ["app", "plans", ":id", "indicators"]
        case .articles: ["app", "articles"]
        case .articleNew: ["app", "articles", "new"]
        case .articleFiling: ["app", "articles", ":id", "filing"]
        case .articleTranslate: ["app", "articles", ":id", "translate"]
        case .articleImages: ["app", "articles", ":id", "images"]
        case .translations: ["app", "translations"]
        case .translationsCSV: ["app", "translations.csv"]
        case .articleLinks: ["app", "articles", ":id", "links"]
        case .articleVersion: ["app", "article-versions", ":id"]
        case .articleVersionEdit: ["app", "article-versions", ":id", "edit"]
        case .articleVersionMove: ["app", "article-versions", ":id", "move"]
        case .articleVersionCheck: ["app", "article-versions", ":id", "check"]
        case .articleVersionDiff: ["app", "article-versions", ":id", "diff"]
        case .siteSettings: ["app", "site"]
        case .siteLanguages: ["app", "site", "languages"]
        case .siteTopics: ["app", "site", "topics"]
        case .siteTerms: ["app", "site", "terms"]
        case .siteHome: [":lang"]
        case .siteArticle: [":lang", "articles", ":slug"]
        case .siteTopic: [":lang", "topics", ":slug"]
        case .siteArchive: [":lang", "archive", ":year", ":month"]
        case .siteSearch: [":lang", "search"]
        case .siteFeed(_, let format): [":lang", .constant(format.rawValue)]
        case .siteTopicFeed(_, _, let format): [":lang", "topics", ":slug", .constant(format.rawValue)]
        case .sitemapIndex: ["sitemap.xml"]
        case .sitemap: ["sitemaps", ":file"]
        case .robots: ["robots.txt"]
        case .media: ["media", ":id"]
        }
    }

    private var parameterValues: [String] {
        switch self {
        case .agency(let id), .agencyEdit(let id), .agencyMerge(let id), .agencyGroup(let id),
            .agencyGroupEdit(let id), .user(let id), .userResetPassword(let id), .userUnlock(let id), .plan(let id),
            .planImportDraft(let id), .planImportDiscard(let id):
            [id.uuidString.lowercased()]
        // Plans
        case .planStatus(let id), .planFile(let id), .planExportDocx(let id), .planReissue(let id),
            .planTasksCSV(let id),
            .planTasks(let id), .planTaskNew(let id), .task(let id), .taskEdit(let id), .taskMove(let id),
            .taskRemove(let id), .legalDocument(let id), .legalDocumentEdit(let id):
            [id.uuidString.lowercased()]
        // Reporting
        case .report(let id), .reportReview(let id), .reportRecall(let id), .evidence(let id), .planReporting(let id),
            .planReportingCSV(let id),
            .planRegimes(let id), .planFollowUp(let id), .regime(let id), .consolidated(let id),
            .consolidatedDocx(let id),
            .consolidatedPrint(let id), .indicator(let id), .planTargets(let id), .regimeRequests(let id),
            .remindNow(let id):
            [id.uuidString.lowercased()]
        case .calendarFeed(let token): [token]
        // The newsroom
        case .articleFiling(let id), .articleTranslate(let id), .articleImages(let id), .articleLinks(let id),
            .articleVersion(let id),
            .articleVersionEdit(let id), .articleVersionMove(let id), .articleVersionCheck(let id),
            .articleVersionDiff(let id), .media(let id):
            [id.uuidString.lowercased()]
        // The public site: slugs may be Chinese or Lao, written percent-encoded in addresses.
        case .siteHome(let lang), .siteSearch(let lang), .siteFeed(let lang, _): [lang]
        case .siteArticle(let lang, let slug), .siteTopic(let lang, let slug), .siteTopicFeed(let lang, let slug, _):
            [lang, Self.encoded(slug)]
        case .siteArchive(let lang, let year, let month): [lang, String(year), String(format: "%02d", month)]
        case .sitemap(let lang): [lang + ".xml"]
        case .home, .healthz, .login, .logout, .workspace, .accountPassword, .accountLocale, .agencies, .agencyNew,
            .agenciesImport, .agenciesExport, .agencyGroups, .agencyGroupNew, .resolveName, .users, .userNew, .audit,
            .plans, .myTasks, .myTasksCalendar, .legalDocuments, .planImport, .reports, .notifications,
            .notificationsRead, .dashboards, .holidays, .indicators, .articles, .articleNew, .translations,
            .translationsCSV, .siteSettings, .siteLanguages, .siteTopics, .siteTerms, .sitemapIndex, .robots:
            []
        }
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// A path segment as it is written in an address: everything but unreserved characters percent-encoded.
    static func encoded(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: unreserved) ?? segment
    }

    private func parameterIndex(before index: Int) -> Int {
        pathComponents[..<index].filter { if case .parameter = $0 { true } else { false } }.count
    }

    /// The path with a query string, e.g. `SiteURL.login.with(["next": "/app"])`.
    func with(_ query: [String: String]) -> String {
        guard !query.isEmpty else { return path }
        var components = URLComponents()
        components.path = path
        components.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        return components.string ?? path
    }
}

extension RoutesBuilder {
    @discardableResult
    func get<Response: AsyncResponseEncodable>(
        _ url: SiteURL, _ permission: Permission,
        use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        let route = self.on(.GET, url.pathComponents, body: .collect(maxSize: "16kb"), use: handler).requires(
            permission)
        route.userInfo[Route.maxBodyKey] = 16 << 10
        return route
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable>(
        _ url: SiteURL, _ permission: Permission,
        body: HTTPBodyStreamStrategy = .collect,
        use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        let route = self.on(.POST, url.pathComponents, body: body, use: handler).requires(permission)
        // Route-level middleware (permission, size, CSRF) runs before Vapor collects a streamed body, so the
        // route says how much it may take: `BodyLimitMiddleware` refuses a larger declared length unread, and
        // the CSRF check collects no more than this to read the form's token.
        if case .collect(let maxSize) = body { route.userInfo[Route.maxBodyKey] = maxSize?.value ?? 2 << 20 }
        return route
    }

    /// A post whose form carries files: the body is never collected; the handler reads it with
    /// `StreamedForm`, which bounds it by `maxBytes` and checks the CSRF token itself.
    @discardableResult
    func postStreamed<Response: AsyncResponseEncodable>(
        _ url: SiteURL, _ permission: Permission, maxBytes: Int,
        use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        let route = self.on(.POST, url.pathComponents, body: .stream, use: handler).requires(permission)
        route.userInfo[Route.maxBodyKey] = maxBytes
        route.userInfo[Route.streamedFormKey] = true
        return route
    }
}
