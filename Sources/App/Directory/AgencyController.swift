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
        let needle = VietnameseText.searchKey(filter.q ?? "")
        // A search finds former names too (merged and dissolved agencies, what people still type), each with
        // what it became; the tree shows today's directory unless asked for all.
        let includeAll = filter.show == "all" || !needle.isEmpty
        let matching = directory.filter { agency in
            (includeAll || agency.isCurrent(on: req.today))
                && (filter.kind.map { $0.isEmpty || agency.kind == $0 } ?? true)
                && (needle.isEmpty || agency.searchKey.contains(needle))
        }
        let searching = !needle.isEmpty || !(filter.kind ?? "").isEmpty
        let rows =
            searching
            ? AgencyIndexPage.flatRows(matching, req: req, names: try await req.directoryNames())
            : AgencyIndexPage.treeRows(matching, req: req)
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
        guard let expected = form.version.flatMap({ Int($0) }), expected == agency.version else {
            return try await conflict(req, agencyID: agency.requireID(), mine: form)
        }
        let problems = try await form.problems(on: req.db, existing: agency)
        guard problems.isEmpty else {
            return try await AgencyFormPage.render(req, agency: agency, form: form, problems: problems)
                .encodeResponse(status: .badRequest, for: req)
        }
        do {
            try await agency.auditedUpdate(on: req.db, by: req.auditContext, expectedVersion: expected) {
                form.apply(to: $0)
            }
        } catch is VersionConflict {
            return try await conflict(req, agencyID: agency.requireID(), mine: form)
        }
        req.flash(.success, req.t("agency.saved", agency.officialName))
        return req.redirect(to: SiteURL.agency(try agency.requireID()).path)
    }

    /// Someone saved the agency since the form was loaded: the form again with what this person typed and
    /// the newer version, so saving again overwrites knowingly.
    static func conflict(_ req: Request, agencyID: UUID, mine: AgencyForm) async throws -> Response {
        guard let current = try await Agency.find(agencyID, on: req.db) else { throw Abort(.notFound) }
        var form = mine
        form.version = String(current.version)
        return try await AgencyFormPage.render(
            req, agency: current, form: form, problems: ["form": "agency.error.conflict"]
        )
        .encodeResponse(status: .conflict, for: req)
    }
}
