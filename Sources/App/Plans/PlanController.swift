import Fluent
import SQLKit
import TTDNKit
import Vapor

/// The list of plans, a plan's page, its status, and its original file.
enum PlanController {
    struct Filter: Content {
        var q: String?
        var year: String?
        var status: String?
    }

    struct IndexPage: Encodable {
        struct Row: Encodable {
            let href: String
            let number: String?
            let date: String?
            let title: String
            let year: Int?
            let status: String
            let statusLabel: String
            let tasks: Int
        }

        let layout: LayoutContext
        let rows: [Row]?
        let query: String
        let years: [AccountController.Option]
        let statuses: [AccountController.Option]
        let count: Int
        let filtered: Bool
        let canEdit: Bool
    }

    @Sendable static func index(req: Request) async throws -> View {
        let filter = try req.query.decode(Filter.self)
        var query = Plan.query(on: req.db)
        let needle = VietnameseText.searchKey(filter.q ?? "")
        if !needle.isEmpty { query = query.filter(\.$searchKey ~~ needle) }
        let year = filter.year.flatMap { Int($0) }
        if let year { query = query.filter(\.$year == year) }
        let status = filter.status.flatMap { Plan.Status(rawValue: $0) }
        if let status { query = query.filter(\.$status == status.rawValue) }
        let plans = try await query.sort(\.$documentDate, .descending).sort(\.$createdAt, .descending).all()
        let counts = try await taskCounts(on: req.db)
        let years = try await Plan.query(on: req.db).field(\.$id).field(\.$year).all().compactMap(\.year)
        let locale = req.locale
        let page = IndexPage(
            layout: req.layout(titleKey: "plans.title"),
            rows: plans.map { plan in
                IndexPage.Row(
                    href: SiteURL.plan(plan.id!).path, number: plan.numberAndSymbol,
                    date: displayDate(plan.documentDate, locale),
                    title: plan.title, year: plan.year, status: plan.status,
                    statusLabel: req.t("plans.status.\(plan.planStatus.rawValue)"),
                    tasks: counts[plan.id!] ?? 0)
            }.nonEmpty,
            query: filter.q ?? "",
            years: Set(years).sorted(by: >).map { .init(value: String($0), label: String($0), selected: $0 == year) },
            statuses: statusOptions(req, selected: status?.rawValue), count: plans.count,
            filtered: !needle.isEmpty || year != nil || status != nil,
            canEdit: Policy.allows(req.auth.get(User.self)?.actor, .editPlans))
        return try await req.view.render("plans/index", page)
    }

    /// Tasks per plan, in one grouped query.
    static func taskCounts(on db: any Database) async throws -> [UUID: Int] {
        guard let sql = db as? any SQLDatabase else { return [:] }
        struct Count: Decodable {
            let plan_id: UUID
            let n: Int
        }
        let rows = try await sql.select().column("plan_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(PlanTask.schema).groupBy("plan_id").all(decoding: Count.self)
        return Dictionary(rows.map { ($0.plan_id, $0.n) }) { a, _ in a }
    }

    static func statusOptions(_ req: Request, selected: String?) -> [AccountController.Option] {
        Plan.Status.allCases.map {
            .init(value: $0.rawValue, label: req.t("plans.status.\($0.rawValue)"), selected: $0.rawValue == selected)
        }
    }

    /// `2025-01-15` as the language writes it; `2025-01` (day left blank) as `01/2025`.
    static func displayDate(_ text: String?, _ locale: AppLocale) -> String? {
        guard let text else { return nil }
        if let formatted = Formatting.date(iso: text, locale) { return formatted }
        let parts = text.split(separator: "-")
        if parts.count == 2 { return "\(parts[1])/\(parts[0])" }
        return text
    }

    @Sendable static func show(req: Request) async throws -> View {
        let started = ContinuousClock.now
        let page = try await PlanShowPage.load(req: req, id: req.recordID())
        let loaded = ContinuousClock.now
        let view = try await req.view.render("plans/show", page)
        req.logger.debug(
            "plan page",
            metadata: [
                "tasks": .stringConvertible(page.taskCount), "load": .string("\(loaded - started)"),
                "render": .string("\(ContinuousClock.now - loaded)"),
            ])
        return view
    }

    struct StatusForm: Content {
        var status: String?
        var version: String?
    }

    @Sendable static func changeStatus(req: Request) async throws -> Response {
        let id = try req.recordID()
        guard let plan = try await Plan.find(id, on: req.db) else { throw Abort(.notFound) }
        let form = try req.content.decode(StatusForm.self)
        guard let status = form.status.flatMap({ Plan.Status(rawValue: $0) }) else { throw Abort(.badRequest) }
        guard let expected = form.version.flatMap({ Int($0) }), expected == plan.version else {
            return conflict(req, planID: id)
        }
        if status.rawValue != plan.status {
            do {
                try await plan.auditedUpdate(on: req.db, by: req.auditContext, expectedVersion: expected) {
                    $0.status = status.rawValue
                }
            } catch is VersionConflict {
                return conflict(req, planID: id)
            }
            req.flash(.success, req.t("plans.status.changed", req.t("plans.status.\(status.rawValue)")))
        }
        return req.redirect(to: SiteURL.plan(id).path)
    }

    /// The status was changed since the page was loaded: back to the plan with the message (a choice from
    /// a list, nothing typed to keep; a browser does not follow a redirect answered 409).
    static func conflict(_ req: Request, planID: UUID) -> Response {
        req.flash(.error, req.t("plans.error.conflict"))
        return req.redirect(to: SiteURL.plan(planID).path)
    }

    /// The file the plan was imported from, as it was uploaded.
    @Sendable static func originalFile(req: Request) async throws -> Response {
        let id = try req.recordID()
        guard let file = try await PlanFile.query(on: req.db).filter(\.$plan.$id == id).first() else {
            throw Abort(.notFound)
        }
        return download(file.data, filename: file.filename, contentType: file.contentType)
    }

    /// A file to save: its type, and a Content-Disposition with an ASCII fallback and the UTF-8 name.
    static func download(_ data: Data, filename: String, contentType: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: contentType)
        headers.replaceOrAdd(name: .contentDisposition, value: contentDisposition(filename))
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    static func contentDisposition(_ filename: String) -> String {
        let folded = VietnameseText.fold(filename)
        let ascii = String(
            folded.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && scalar.value >= 0x20 && scalar != "\"" && scalar != "\\" && scalar != ";"
                    ? Character(scalar) : "_"
            })
        var allowed = CharacterSet.alphanumerics.intersection(
            CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~")
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: allowed) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}
