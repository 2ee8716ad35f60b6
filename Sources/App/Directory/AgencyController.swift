import Fluent
import TTDNKit
import Vapor

/// Browse, search, create and edit agencies.
enum AgencyController {
    struct Filter: Content {
        var q: String?
        var kind: String?
        /// "all" includes agencies no longer valid (merged, dissolved).
        var show: String?
    }

    @Sendable static func index(req: Request) async throws -> View {
        let filter = try req.query.decode(Filter.self)
        let directory = try await DirectoryLoader(db: req.db).agencies()
        let includeAll = filter.show == "all"
        let needle = VietnameseText.searchKey(filter.q ?? "")
        let matching = directory.filter { agency in
            (includeAll || agency.isCurrent())
                && (filter.kind.map { $0.isEmpty || agency.kind == $0 } ?? true)
                && (needle.isEmpty || agency.searchKey.contains(needle))
        }
        let searching = !needle.isEmpty || !(filter.kind ?? "").isEmpty
        let rows =
            searching ? AgencyIndexPage.flatRows(matching, req: req) : AgencyIndexPage.treeRows(matching, req: req)
        let page = AgencyIndexPage(
            layout: req.layout(titleKey: "agencies.title"), rows: rows.nonEmpty, query: filter.q ?? "",
            kinds: AgencyIndexPage.kindOptions(req, selected: filter.kind), showAll: includeAll,
            canEdit: Policy.allows(req.auth.get(User.self)?.actor, .editDirectory), count: matching.count,
            searching: searching)
        return try await req.view.render("agencies/index", page)
    }

    @Sendable static func show(req: Request) async throws -> View {
        let page = try await AgencyShowPage.load(req: req, id: req.recordID())
        return try await req.view.render("agencies/show", page)
    }

    @Sendable static func new(req: Request) async throws -> View {
        var form = AgencyForm()
        form.parent_id = req.query[String.self, at: "parent"]
        return try await AgencyFormPage.render(req, agency: nil, form: form, problems: [:])
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let form = try req.content.decode(AgencyForm.self)
        let problems = try await form.problems(on: req.db, existing: nil)
        guard problems.isEmpty else {
            return try await AgencyFormPage.render(req, agency: nil, form: form, problems: problems)
                .encodeResponse(status: .badRequest, for: req)
        }
        let agency = Agency()
        form.apply(to: agency)
        try await agency.auditedCreate(on: req.db, by: req.auditContext)
        req.flash(.success, req.t("agency.created", agency.officialName))
        return req.redirect(to: SiteURL.agency(try agency.requireID()).path)
    }

    @Sendable static func edit(req: Request) async throws -> View {
        guard let agency = try await Agency.find(req.recordID(), on: req.db) else { throw Abort(.notFound) }
        return try await AgencyFormPage.render(req, agency: agency, form: AgencyForm(agency), problems: [:])
    }

    @Sendable static func update(req: Request) async throws -> Response {
        guard let agency = try await Agency.find(req.recordID(), on: req.db) else { throw Abort(.notFound) }
        let form = try req.content.decode(AgencyForm.self)
        if form.version != agency.versionStamp {
            var fresh = AgencyForm(agency)
            fresh.version = agency.versionStamp
            return try await AgencyFormPage.render(
                req, agency: agency, form: fresh, problems: ["form": "agency.error.conflict"]
            )
            .encodeResponse(status: .conflict, for: req)
        }
        let problems = try await form.problems(on: req.db, existing: agency)
        guard problems.isEmpty else {
            return try await AgencyFormPage.render(req, agency: agency, form: form, problems: problems)
                .encodeResponse(status: .badRequest, for: req)
        }
        try await agency.auditedUpdate(on: req.db, by: req.auditContext) { form.apply(to: $0) }
        req.flash(.success, req.t("agency.saved", agency.officialName))
        return req.redirect(to: SiteURL.agency(try agency.requireID()).path)
    }
}
