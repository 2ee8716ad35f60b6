import Fluent
import Foundation
import TTDNKit
import Vapor

/// Indicators (chỉ tiêu): defined once for the province, then linked to a plan's tasks with their targets
/// on one screen per plan. Officers fill their values on the report form.
enum IndicatorController {
    struct Page: Encodable {
        struct Row: Encodable {
            let action: String
            let code: String
            let name: String
            let unit: String
            let aggregations: [SelectOption]
            let active: Bool
            let version: Int
        }

        let layout: LayoutContext
        let rows: [Row]?
        let action: String
        let aggregations: [SelectOption]
        let form: Form
        let error: String?
    }

    struct Form: Content {
        var code: String?
        var name: String?
        var unit: String?
        var aggregation: String?
        var active: String?
        var defaults: String?
        /// `Indicator.version` when the row was loaded (editing a row).
        var version: String?
    }

    static func aggregations(_ req: Request, selected: String?) -> [SelectOption] {
        IndicatorAggregation.allCases.map {
            SelectOption(
                value: $0.rawValue, label: req.t("indicator.aggregation.\($0.rawValue)"),
                selected: $0.rawValue == selected)
        }
    }

    @Sendable static func index(req: Request) async throws -> View {
        try await req.view.render("reports/indicators", page(req, form: Form(aggregation: "sum"), error: nil))
    }

    /// The page; `typed` puts back what was typed in one row whose save was refused (with the version
    /// now stored, so saving again overwrites knowingly).
    static func page(_ req: Request, form: Form, error: String?, typed: (id: UUID, form: Form)? = nil) async throws
        -> Page
    {
        let all = try await Indicator.query(on: req.db).sort(\.$position).all()
        return Page(
            layout: req.layout(titleKey: "indicator.title"),
            rows: all.map {
                let mine = typed?.id == $0.id ? typed?.form : nil
                return .init(
                    action: SiteURL.indicator($0.id!).path, code: $0.code, name: mine?.name ?? $0.name,
                    unit: mine?.unit ?? $0.unit,
                    aggregations: aggregations(req, selected: mine?.aggregation ?? $0.aggregation),
                    active: mine.map { $0.active != nil } ?? $0.active, version: $0.version)
            }.nonEmpty,
            action: SiteURL.indicators.path, aggregations: aggregations(req, selected: form.aggregation), form: form,
            error: error)
    }

    /// The form's name, unit and rule, or nil when one is missing or too long.
    static func check(_ form: Form) -> (name: String, unit: String, aggregation: IndicatorAggregation)? {
        let name = FormText.value(form.name) ?? ""
        let unit = FormText.value(form.unit) ?? ""
        guard !name.isEmpty, name.count <= 200, unit.count <= 50,
            let aggregation = form.aggregation.flatMap(IndicatorAggregation.init(rawValue:))
        else { return nil }
        return (name, unit, aggregation)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let existing = try await Indicator.query(on: req.db).all()
        var entries: [IndicatorCatalog.Entry] = []
        if form.defaults != nil {
            let codes = Set(existing.map(\.code))
            entries = IndicatorCatalog.defaults.filter { !codes.contains($0.code) }
        } else {
            guard let checked = check(form) else {
                return try await req.view.render(
                    "reports/indicators", page(req, form: form, error: req.t("indicator.error.fields"))
                )
                .encodeResponse(status: .badRequest, for: req)
            }
            var code = VietnameseText.fold(FormText.value(form.code) ?? checked.name).lowercased()
                .map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            while code.contains("--") { code = code.replacingOccurrences(of: "--", with: "-") }
            code = code.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
            guard !code.isEmpty, !existing.contains(where: { $0.code == code }) else {
                return try await req.view.render(
                    "reports/indicators", page(req, form: form, error: req.t("indicator.error.code"))
                )
                .encodeResponse(status: .badRequest, for: req)
            }
            entries = [.init(code: code, name: checked.name, unit: checked.unit, aggregation: checked.aggregation)]
        }
        let start = (existing.map(\.position).max() ?? 0) + 1
        let adding = entries
        try await req.db.transaction { tx in
            for (k, entry) in adding.enumerated() {
                let row = Indicator()
                row.code = entry.code
                row.name = entry.name
                row.unit = entry.unit
                row.aggregation = entry.aggregation.rawValue
                row.position = start + k
                row.active = true
                try await row.auditedCreate(on: tx, by: req.auditContext)
            }
        }
        req.flash(.success, req.t("indicator.added", String(entries.count)))
        return req.redirect(to: SiteURL.indicators.path)
    }

    @Sendable static func update(req: Request) async throws -> Response {
        guard let row = try await Indicator.find(req.recordID(), on: req.db) else { throw Abort(.notFound) }
        let form = try req.content.decode(Form.self)
        guard let checked = check(form) else {
            return try await req.view.render(
                "reports/indicators", page(req, form: Form(aggregation: "sum"), error: req.t("indicator.error.fields"))
            )
            .encodeResponse(status: .badRequest, for: req)
        }
        func conflict() async throws -> Response {
            try await req.view.render(
                "reports/indicators",
                page(
                    req, form: Form(aggregation: "sum"), error: req.t("indicator.error.conflict"),
                    typed: (try row.requireID(), form))
            )
            .encodeResponse(status: .conflict, for: req)
        }
        guard let expected = form.version.flatMap({ Int($0) }), expected == row.version else {
            return try await conflict()
        }
        do {
            try await row.auditedUpdate(on: req.db, by: req.auditContext, expectedVersion: expected) {
                $0.name = checked.name
                $0.unit = checked.unit
                $0.aggregation = checked.aggregation.rawValue
                $0.active = form.active != nil
            }
        } catch is VersionConflict {
            return try await conflict()
        }
        req.flash(.success, req.t("indicator.saved"))
        return req.redirect(to: SiteURL.indicators.path)
    }
}
