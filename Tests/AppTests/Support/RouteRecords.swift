import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor

@testable import App

/// A real record behind every parameter of every route, so that walking the routes reaches their handlers
/// instead of stopping at "not found". Keyed by the route's path pattern (`app/reports/:id`). A route whose
/// parameter has no record here is reported by `fill`, so a new route cannot be walked by accident with a
/// random id that answers 404.
struct RouteRecords {
    var fixture: Fixture
    var plan: PlanFixture
    var byPattern: [String: String] = [:]
    /// The query a route needs to find its record (a consolidated report's period), by its whole path.
    var queries: [String: String] = [:]
    /// Routes with several parameters (the public site's), filled whole: pattern → path.
    var wholePaths: [String: String] = [:]

    static func seed(_ app: Application) async throws -> RouteRecords {
        let fixture = try await Fixture.seed(app)
        let plan = try await PlanFixture.seed(app, fixture)
        let audit = AuditContext.system("test", clock: app.clock)
        let viewerID = try #require(
            try await User.query(on: app.db).filter(\.$username == fixture.users[.viewer]!).first()?.id)
        let ngoaiVu = fixture.agencies["so-ngoai-vu"]!

        // Reporting: the officer's agency's first obligation, a draft on it with one evidence file, its regime,
        // an indicator.
        let regime = try #require(try await RegimeRecord.query(on: app.db).first())
        let obligation = try #require(
            try await Obligation.query(on: app.db).filter(\.$agency.$id == ngoaiVu).sort(\.$periodKey).first())
        let submission = Submission(obligationID: try obligation.requireID())
        try await submission.create(on: app.db)
        let evidence = EvidenceFile()
        evidence.$submission.id = try submission.requireID()
        evidence.filename = "biên bản.pdf"
        evidence.contentType = "application/pdf"
        evidence.data = Data("%PDF-1.4\n".utf8)
        evidence.size = evidence.data?.count ?? 0
        evidence.sha256 = String(repeating: "0", count: 64)
        try await evidence.create(on: app.db)
        let indicator = Indicator()
        indicator.code = "route-walk"
        indicator.name = "Số tin bài"
        indicator.unit = "tin"
        indicator.aggregation = IndicatorAggregation.sum.rawValue
        indicator.position = 99
        indicator.active = true
        try await indicator.create(on: app.db)

        // An uploaded plan waiting on the review screen, and an agency's calendar feed.
        let extraction = try PlanImportService.read(data: PlanFixture.fileBytes, filename: "kh.txt")
        let draft = try ImportDraft(
            extraction: extraction, filename: "kh.txt", data: PlanFixture.fileBytes, createdBy: nil)
        try await draft.auditedCreate(on: app.db, by: audit)
        let token = String(repeating: "t", count: 43)
        try await CalendarToken(agencyID: ngoaiVu, token: token).auditedCreate(on: app.db, by: audit)

        // The site: a published article with an image, in Vietnamese.
        let article = try await PublishedArticle.make(app, title: "Tin đối ngoại công khai")
        let topic = try #require(try await Topic.query(on: app.db).first())

        var records = RouteRecords(fixture: fixture, plan: plan)
        let planID = plan.planID.uuidString
        let regimeID = try regime.requireID().uuidString
        records.byPattern = [
            "app/agencies/:id": fixture.agencies["so-vhttdl"]!.uuidString,
            "app/groups/:id": fixture.agencies["group:cac-so-ban-nganh"]!.uuidString,
            "app/users/:id": viewerID.uuidString,
            "app/plans/:id": planID,
            "app/tasks/:id": plan.tasks["II.3.1"]!.uuidString,
            "app/legal-documents/:id": plan.citedDocument.uuidString,
            "app/plans/import/:id": try draft.requireID().uuidString,
            "app/reports/:id": try obligation.requireID().uuidString,
            "app/evidence/:id": try evidence.requireID().uuidString,
            "app/regimes/:id": regimeID,
            "app/indicators/:id": try indicator.requireID().uuidString,
            "calendar/:token": token + ".ics",
            "app/articles/:id": article.articleID.uuidString,
            "app/article-versions/:id": article.versionID.uuidString,
            "media/:id": article.imageID.uuidString,
        ]
        let now = LocalDate(app.clock.now())
        records.wholePaths = [
            ":lang": "/vi",
            ":lang/articles/:slug": "/vi/articles/" + article.slug,
            ":lang/topics/:slug": "/vi/topics/" + topic.slug,
            ":lang/topics/:slug/feed.xml": "/vi/topics/\(topic.slug)/feed.xml",
            ":lang/topics/:slug/atom.xml": "/vi/topics/\(topic.slug)/atom.xml",
            ":lang/archive/:year/:month": "/vi/archive/\(now.year)/\(now.month)",
            ":lang/search": "/vi/search?q=ha+noi",
            ":lang/feed.xml": "/vi/feed.xml",
            ":lang/atom.xml": "/vi/atom.xml",
            "sitemaps/:file": "/sitemaps/vi.xml",
        ]
        let period = "period=" + obligation.periodKey
        records.queries = [
            "app/regimes/:id/report": period, "app/regimes/:id/report.docx": period,
            "app/regimes/:id/report/print": period,
        ]
        return records
    }

    /// Whether `actor` may use `route` on this table's record, where that depends on the record as well as on the
    /// route's permission (`Policy.mayRead`, `Policy.mayWriteReport`); nil where the permission alone decides.
    func recordRule(_ route: Route, _ actor: Actor?) -> Bool? {
        let agency = fixture.agencies["so-ngoai-vu"]!
        // The newsroom: who may write which language, check, upload (the seeded version is the Vietnamese source).
        switch (route.method, route.path.map(\.description).joined(separator: "/")) {
        case (.GET, "app/articles/new"), (.POST, "app/articles"), (.POST, "app/articles/:id/filing"),
            (.GET, "app/article-versions/:id/edit"), (.POST, "app/article-versions/:id"):
            return Policy.mayWriteArticle(actor, translation: false)
        case (.POST, "app/articles/:id/translate"), (.POST, "app/articles/:id/images"):
            return Policy.mayWriteArticle(actor, translation: true)
        case (.POST, "app/article-versions/:id/check"):
            return Policy.mayCheckSecurity(actor)
        case (.POST, "app/articles/:id/links"):
            return Policy.mayLinkOutputs(actor)
        default:
            break
        }
        switch (route.method, Self.pattern(route)) {
        case (.GET, "app/reports/:id"), (.GET, "app/evidence/:id"):
            return Policy.mayRead(actor, reportOf: agency)
        case (.POST, "app/reports/:id"):
            // Writing and recalling are the agency's; reviewing is the office's, by its permission alone.
            return route.path.last?.description == "review" ? nil : Policy.mayWriteReport(actor, of: agency)
        default:
            return nil
        }
    }

    /// Every route, logout last, so that a walk does not end its session half-way.
    static func walkOrder(_ app: Application) -> [Route] {
        app.routes.all.sorted {
            ($0.path.string == "logout" ? 1 : 0, $0.path.string) < ($1.path.string == "logout" ? 1 : 0, $1.path.string)
        }
    }

    /// An anonymous visitor, then one of each role.
    static let visitors: [Role?] = [nil] + Role.allCases.map { $0 }

    /// The route's path pattern up to its parameter: `app/reports/:id/review` → `app/reports/:id`.
    static func pattern(_ route: Route) -> String? {
        let parts = route.path.map(\.description)
        guard let index = parts.firstIndex(where: { $0.hasPrefix(":") }) else { return nil }
        return parts[...index].joined(separator: "/")
    }

    /// The route's path with its parameter replaced by the record's id (or by `parameter` when given), and the
    /// query the route needs. Records an issue for a route with a parameter this table does not fill.
    func fill(_ route: Route, parameter: String? = nil) -> String {
        let parts = route.path.map(\.description)
        if parameter == nil, let whole = wholePaths[parts.joined(separator: "/")] { return whole }
        let pattern = Self.pattern(route)
        let value = parameter ?? pattern.flatMap { byPattern[$0] }
        if pattern != nil, value == nil {
            Issue.record("no record for the parameter of \(route.method) /\(parts.joined(separator: "/"))")
        }
        let path = "/" + parts.map { $0.hasPrefix(":") ? (value ?? "") : $0 }.joined(separator: "/")
        if parameter == nil, let query = queries[parts.joined(separator: "/")] { return path + "?" + query }
        return path
    }
}
