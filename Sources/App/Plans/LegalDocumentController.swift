import Fluent
import TTDNKit
import Vapor

/// The registry of legal documents plans cite: the list, a document with every plan citing it, and
/// the coordinator's edit of its issuer and title.
enum LegalDocumentController {
    struct Row: Encodable {
        let href: String
        let kind: String?
        let number: String
        let date: String?
        let issuer: String?
        let title: String?
        let plans: Int
    }

    struct IndexPage: Encodable {
        let layout: LayoutContext
        let rows: [Row]?
        let query: String
        let count: Int
    }

    @Sendable static func index(req: Request) async throws -> View {
        let q = req.query[String.self, at: "q"] ?? ""
        let needle = VietnameseText.searchKey(q)
        let documents = try await LegalDocument.query(on: req.db).sort(\.$issuedOn, .descending).sort(\.$number).all()
        let citations = try await PlanCitation.query(on: req.db).field(\.$id).field(\.$document.$id).all()
        var counts: [UUID: Int] = [:]
        for citation in citations { counts[citation.$document.id, default: 0] += 1 }
        let locale = req.locale
        let rows = documents.filter { document in
            needle.isEmpty
                || VietnameseText.searchKey(
                    [document.kind, document.number, document.issuer, document.title].compactMap { $0 }.joined(
                        separator: " ")
                )
                .contains(needle)
        }.map { document in
            Row(
                href: SiteURL.legalDocument(document.id!).path, kind: document.kind, number: document.number,
                date: PlanController.displayDate(document.issuedOn, locale), issuer: document.issuer,
                title: document.title,
                plans: counts[document.id!] ?? 0)
        }
        return try await req.view.render(
            "legal/index",
            IndexPage(layout: req.layout(titleKey: "legal.title"), rows: rows.nonEmpty, query: q, count: rows.count))
    }

    struct ShowPage: Encodable {
        struct PlanRow: Encodable {
            let href: String
            let number: String?
            let date: String?
            let title: String
            let statusLabel: String
            let status: String
        }

        let layout: LayoutContext
        let kind: String?
        let number: String
        let date: String?
        let issuer: String?
        let title: String?
        let plans: [PlanRow]?
        let editHref: String?
    }

    @Sendable static func show(req: Request) async throws -> View {
        let id = try req.recordID()
        guard let document = try await LegalDocument.find(id, on: req.db) else { throw Abort(.notFound) }
        let citations = try await PlanCitation.query(on: req.db).filter(\.$document.$id == id).with(\.$plan).all()
        let locale = req.locale
        let plans = citations.map(\.plan).sorted {
            ($0.documentDate ?? "", $0.title) > ($1.documentDate ?? "", $1.title)
        }
        let page = ShowPage(
            layout: req.layout(title: label(document)), kind: document.kind, number: document.number,
            date: PlanController.displayDate(document.issuedOn, locale), issuer: document.issuer, title: document.title,
            plans: plans.map { plan in
                ShowPage.PlanRow(
                    href: SiteURL.plan(plan.id!).path, number: plan.numberAndSymbol,
                    date: PlanController.displayDate(plan.documentDate, locale),
                    title: plan.title, statusLabel: req.t("plans.status.\(plan.planStatus.rawValue)"),
                    status: plan.status)
            }.nonEmpty,
            editHref: Policy.allows(req.auth.get(User.self)?.actor, .editPlans)
                ? SiteURL.legalDocumentEdit(id).path : nil)
        return try await req.view.render("legal/show", page)
    }

    static func label(_ document: LegalDocument) -> String {
        [document.kind, document.number].compactMap { $0 }.joined(separator: " ")
    }

    struct EditForm: Content {
        var issuer: String?
        var title: String?
        var version: String?
    }

    struct FormPage: Encodable {
        let layout: LayoutContext
        let action: String
        let cancel: String
        let label: String
        let form: EditForm
        let errors: [String: String]
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        guard let document = try await LegalDocument.find(req.recordID(), on: req.db) else { throw Abort(.notFound) }
        return try await render(
            req, document,
            form: EditForm(issuer: document.issuer, title: document.title, version: String(document.version)),
            problems: [:])
    }

    static func render(
        _ req: Request, _ document: LegalDocument, form: EditForm, problems: [String: String],
        status: HTTPResponseStatus = .ok
    )
        async throws -> Response
    {
        let page = FormPage(
            layout: req.layout(titleKey: "legal.edit.title"), action: SiteURL.legalDocument(document.id!).path,
            cancel: SiteURL.legalDocument(document.id!).path, label: label(document), form: form,
            errors: problems.mapValues { req.t($0) })
        return try await req.view.render("legal/form", page).encodeResponse(status: status, for: req)
    }

    /// Someone saved the document since the form was loaded: what this person typed, the newer version.
    static func conflict(_ req: Request, _ document: LegalDocument, mine: EditForm) async throws -> Response {
        guard let current = try await LegalDocument.find(document.requireID(), on: req.db) else {
            throw Abort(.notFound)
        }
        var form = mine
        form.version = String(current.version)
        return try await render(req, current, form: form, problems: ["form": "legal.error.conflict"], status: .conflict)
    }

    @Sendable static func update(req: Request) async throws -> Response {
        guard let document = try await LegalDocument.find(req.recordID(), on: req.db) else { throw Abort(.notFound) }
        let form = try req.content.decode(EditForm.self)
        guard let expected = form.version.flatMap({ Int($0) }), expected == document.version else {
            return try await conflict(req, document, mine: form)
        }
        let issuer = TaskForm.trimmed(form.issuer)
        let title = TaskForm.trimmed(form.title)
        var problems: [String: String] = [:]
        if issuer.count > 300 { problems["issuer"] = "task.error.too_long" }
        if title.count > 1000 { problems["title"] = "task.error.too_long" }
        guard problems.isEmpty else {
            return try await render(req, document, form: form, problems: problems, status: .badRequest)
        }
        do {
            try await document.auditedUpdate(on: req.db, by: req.auditContext, expectedVersion: expected) {
                $0.issuer = issuer.isEmpty ? nil : issuer
                $0.title = title.isEmpty ? nil : title
            }
        } catch is VersionConflict {
            return try await conflict(req, document, mine: form)
        }
        req.flash(.success, req.t("legal.saved", label(document)))
        return req.redirect(to: SiteURL.legalDocument(document.id!).path)
    }
}
