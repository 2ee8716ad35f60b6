import Fluent
import TTDNKit
import Vapor

/// Admins browse the audit trail, newest first, filtered by record type, action, person,
/// record and dates. There is deliberately no way to change or delete an entry.
enum AuditController {
    struct Page: Encodable {
        struct Row: Encodable {
            let at: String
            let actor: String
            let action: String
            let entityType: String
            let entityLabel: String
            let entityID: String
            let changes: [Change]?
        }
        struct Change: Encodable {
            let field: String
            let before: String
            let after: String
        }
        let layout: LayoutContext
        let rows: [Row]?
        let filter: Filter
        let types: [AccountController.Option]
        let actions: [AccountController.Option]
        let nextPage: String?
        let previousPage: String?
        let showIDs: Bool
        let idsToggle: String
    }

    struct Filter: Content {
        var type: String?
        var action: String?
        var actor: String?
        var record: String?
        var from: String?
        var to: String?
        var page: Int?
        /// "1": show record ids beside the names.
        var ids: String?
    }

    static let pageSize = 50
    static let types = [
        "agency", "agency_group", "agency_group_member", "agency_succession", "user", "user_role", "plan", "plan_file",
        "plan_task", "task_agency", "task_output", "legal_document", "plan_citation", "plan_responsibility",
        "plan_reporting_duty", "calendar_token", "import_draft", "reporting_regime", "obligation", "submission",
        "evidence_file",
        "submission_event", "indicator", "task_indicator", "consolidated_report", "holiday_adjustment",
        "report_request", "site_language", "topic", "article", "article_topic", "article_version", "article_revision",
        "editorial_event", "security_check", "sensitive_term", "article_image", "output_link",
    ]

    @Sendable static func index(req: Request) async throws -> View {
        let filter = try req.query.decode(Filter.self)
        var query = AuditEntry.query(on: req.db)
        if let type = filter.type, !type.isEmpty { query = query.filter(\.$entityType == type) }
        if let action = filter.action, !action.isEmpty { query = query.filter(\.$action == action) }
        if let record = filter.record?.trimmingCharacters(in: .whitespaces), !record.isEmpty {
            query = query.filter(\.$entityID == record.uppercased())
        }
        if let from = filter.from.flatMap(LocalDate.init(iso:)) { query = query.filter(\.$at >= from.startOfDay()) }
        if let to = filter.to.flatMap(LocalDate.init(iso:)) {
            query = query.filter(\.$at < to.adding(days: 1).startOfDay())
        }
        let page = max(filter.page ?? 1, 1)
        query = query.sort(\.$at, .descending).sort(\.$id)
        let slice: ArraySlice<AuditEntry>
        if let actor = filter.actor.map(VietnameseText.fold), !actor.isEmpty {
            // Names are matched in Swift, folded, so "nguyen" finds "Nguyễn" on both databases;
            // the other filters have already narrowed the rows in SQL.
            let entries = try await query.all().filter { VietnameseText.fold($0.actorName).contains(actor) }
            slice = entries.dropFirst((page - 1) * pageSize).prefix(pageSize + 1)
        } else {
            slice = ArraySlice(try await query.range(((page - 1) * pageSize)..<(page * pageSize + 1)).all())
        }
        let shown = Array(slice.prefix(pageSize))
        let showIDs = filter.ids == "1"
        // Names of the records and people the entries mention, labels of their fields; ids on request.
        let readable = showIDs ? AuditReadable() : try await AuditReadable.load(shown, req: req)
        let rows = shown.map { entry in
            Page.Row(
                at: Formatting.dateTime(entry.at, req.locale), actor: entry.actorName,
                action: req.t("audit.action.\(entry.action)"), entityType: req.t("audit.type.\(entry.entityType)"),
                entityLabel: readable.words(entry.entityLabel), entityID: entry.entityID,
                changes: entry.decodedChanges.map { field, values in
                    Page.Change(
                        field: showIDs ? field : readable.label(field, req: req),
                        before: readable.words(values.first.flatMap { $0 } ?? ""),
                        after: readable.words(values.last.flatMap { $0 } ?? ""))
                }.sorted { $0.field < $1.field }.nonEmpty)
        }
        func link(_ page: Int) -> String {
            var query: [String: String] = ["page": String(page)]
            for (key, value) in [
                ("type", filter.type), ("action", filter.action), ("actor", filter.actor), ("record", filter.record),
                ("from", filter.from), ("to", filter.to), ("ids", filter.ids),
            ] {
                if let value, !value.isEmpty { query[key] = value }
            }
            return SiteURL.audit.with(query)
        }
        let context = Page(
            layout: req.layout(titleKey: "audit.title"), rows: Array(rows).nonEmpty, filter: filter,
            types: types.map { .init(value: $0, label: req.t("audit.type.\($0)"), selected: $0 == filter.type) },
            actions: AuditEntry.Action.allCases.map {
                .init(
                    value: $0.rawValue, label: req.t("audit.action.\($0.rawValue)"),
                    selected: $0.rawValue == filter.action)
            },
            nextPage: slice.count > pageSize ? link(page + 1) : nil, previousPage: page > 1 ? link(page - 1) : nil,
            showIDs: showIDs, idsToggle: idsToggle(filter, showIDs))
        return try await req.view.render("audit/index", context)
    }

    /// The same page with ids shown or hidden.
    static func idsToggle(_ filter: Filter, _ showing: Bool) -> String {
        var query: [String: String] = [:]
        for (key, value) in [
            ("type", filter.type), ("action", filter.action), ("actor", filter.actor), ("record", filter.record),
            ("from", filter.from), ("to", filter.to),
        ] {
            if let value, !value.isEmpty { query[key] = value }
        }
        if !showing { query["ids"] = "1" }
        return SiteURL.audit.with(query)
    }
}
