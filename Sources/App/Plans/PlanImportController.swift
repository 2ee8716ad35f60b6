import Fluent
import Foundation
import TTDNKit
import Vapor

/// Upload a plan, review what was read beside the document's outline, correct it, save it.
enum PlanImportController {
    struct Upload: Content {
        var file: File?
    }

    @Sendable static func form(req: Request) async throws -> View {
        try await PlanImportUploadPage.render(req, error: nil)
    }

    /// Reads the file and keeps it as a draft for the review screen. A bad file (wrong type, too
    /// large, unreadable, a DOCX bomb) is refused on the form and nothing is kept.
    @Sendable static func upload(req: Request) async throws -> Response {
        let upload = try? req.content.decode(Upload.self)
        guard let file = upload?.file, file.data.readableBytes > 0 else {
            return try await PlanImportUploadPage.render(req, error: req.t("import.error.no_file")).encodeResponse(
                status: .badRequest, for: req)
        }
        let filename = file.filename.isEmpty ? "plan" : file.filename
        let ext = (filename as NSString).pathExtension.lowercased()
        guard PlanImportService.contentTypes[ext] != nil else {
            return try await PlanImportUploadPage.render(
                req, error: req.t("import.error.type", ext.isEmpty ? "?" : ext)
            )
            .encodeResponse(status: .unsupportedMediaType, for: req)
        }
        let limit = req.application.settings.maxPlanUploadBytes
        guard file.data.readableBytes <= limit else {
            return try await PlanImportUploadPage.render(req, error: req.t("import.error.size", String(limit >> 20)))
                .encodeResponse(status: .payloadTooLarge, for: req)
        }
        let data = Data(buffer: file.data)
        let extraction: PlanExtraction
        do {
            extraction = try PlanImportService.read(data: data, filename: filename)
        } catch {
            let message = req.t("import.read.\(error.code)")
            return try await PlanImportUploadPage.render(
                req, error: message == "import.read.\(error.code)" ? error.message : message
            )
            .encodeResponse(status: .unprocessableEntity, for: req)
        }
        let draft = try ImportDraft(
            extraction: extraction, filename: filename, data: data, createdBy: req.auth.get(User.self)?.id)
        try await draft.auditedCreate(on: req.db, by: req.auditContext)
        return req.redirect(to: SiteURL.planImportDraft(try draft.requireID()).path)
    }

    @Sendable static func review(req: Request) async throws -> View {
        let draft = try await load(req)
        let plan = try draft.plan()
        let directory = try await DirectoryLoader(db: req.db).directory()
        let resolver = PlanAgencyResolver(directory: directory, plan: plan, today: req.today)
        let decisions = PlanAgencyResolver.wordings(in: plan).map { wording in
            PlanImportForm.AgencyRow(
                wording: wording, choice: Self.choice(for: resolver.resolve(wording)), new_name: wording, new_kind: nil,
                alias: nil)
        }
        let form = PlanImportForm(plan: plan, decisions: decisions, issuerID: resolver.context.issuerID)
        return try await PlanImportReviewPage.render(req, draft: draft, form: form, resolver: resolver, problems: [:])
    }

    @Sendable static func save(req: Request) async throws -> Response {
        guard let draft = try await ImportDraft.find(req.recordID(), on: req.db) else {
            req.flash(.info, req.t("import.gone"))
            return req.redirect(to: SiteURL.plans.path)
        }
        let form = try req.content.decode(PlanImportForm.self)
        let original = try draft.plan()
        let directory = try await DirectoryLoader(db: req.db).directory()
        let issuerName = PlanImportForm.value(form.issuing_agency_id).flatMap(UUID.init(uuidString:))
            .flatMap { directory.agency($0)?.officialName }
        var (plan, problems) = form.plan(original: original, issuerName: issuerName)
        let resolver = PlanAgencyResolver(directory: directory, plan: plan, today: req.today)
        let canCreate = Policy.allows(req.auth.get(User.self)?.actor, .editDirectory)
        let (links, aliases, linkProblems) = form.links(for: plan, resolver: resolver, canCreate: canCreate)
        problems.merge(linkProblems) { a, _ in a }
        for (wording, link) in links {
            let exists =
                switch link {
                case .agency(let id): directory.agency(id) != nil
                case .group(let id): directory.group(id) != nil
                default: true
                }
            if !exists { problems["agency:\(wording)"] = "import.error.agency_unknown" }
        }
        let issuerID = PlanImportForm.value(form.issuing_agency_id).flatMap(UUID.init(uuidString:))
        if let issuerID, directory.agency(issuerID) == nil {
            problems["issuing_agency_id"] = "import.error.agency_unknown"
        }
        let status = Plan.Status(rawValue: form.status ?? "") ?? .issued
        // The same document again: saved only as the reviewer chose, a new version of it or a plan of its own.
        let duplicate = try await PlanDuplicate.find(data: draft.data, document: plan, on: req.db)
        if duplicate != nil, form.duplicate != "separate" && form.duplicate != "replace" {
            problems["duplicate"] = "import.duplicate.choose"
        }
        guard problems.isEmpty else {
            return try await PlanImportReviewPage.render(
                req, draft: draft, form: form, resolver: resolver, problems: problems
            )
            .encodeResponse(status: .badRequest, for: req)
        }
        plan.kind = plan.kind ?? "KẾ HOẠCH"
        var request = PlanImporter.Request(plan: plan, links: links, saveAsAlias: aliases)
        request.issuingAgencyID = issuerID
        request.purposes = form.purposes ?? ""
        request.budget = form.budget ?? ""
        request.status = status
        request.file = .init(filename: draft.filename, contentType: draft.contentType, data: draft.data)
        request.createdBy = req.auth.get(User.self)?.id
        let audit = req.auditContext
        let saving = request
        if let duplicate, form.duplicate == "replace" {
            let replaced = try await req.db.transaction { tx -> PlanImporter.Replacement in
                guard try await ImportDraft.find(draft.id, on: tx) != nil else { throw Abort(.conflict) }
                let replaced = try await PlanImporter(db: tx, audit: audit).replace(
                    planID: duplicate.planID, with: saving)
                try await draft.auditedDelete(on: tx, by: audit)
                return replaced
            }
            func refs(_ list: [String]) -> String { list.isEmpty ? "—" : list.joined(separator: ", ") }
            req.flash(
                .success,
                req.t("import.replaced", refs(replaced.added), refs(replaced.removed), refs(replaced.changed))
                    + (replaced.reportingChanged ? " " + req.t("import.replaced.reporting") : ""))
            return req.redirect(to: SiteURL.plan(replaced.planID).path)
        }
        let summary = try await req.db.transaction { tx -> PlanImporter.Summary in
            // The draft goes in the same transaction: saved once, even if two people press Save.
            guard try await ImportDraft.find(draft.id, on: tx) != nil else { throw Abort(.conflict) }
            let summary = try await PlanImporter(db: tx, audit: audit).save(saving)
            try await draft.auditedDelete(on: tx, by: audit)
            return summary
        }
        req.flash(.success, req.t("import.saved", String(summary.tasks), String(summary.unlinked.count)))
        return req.redirect(to: SiteURL.plan(summary.planID).path)
    }

    @Sendable static func discard(req: Request) async throws -> Response {
        let draft = try await load(req)
        try await draft.auditedDelete(on: req.db, by: req.auditContext)
        req.flash(.info, req.t("import.discarded", draft.filename))
        return req.redirect(to: SiteURL.planImport.path)
    }

    static func load(_ req: Request) async throws -> ImportDraft {
        guard let draft = try await ImportDraft.find(req.recordID(), on: req.db) else { throw Abort(.notFound) }
        return draft
    }

    /// The select's value for a resolution: the target it matched, or "none".
    static func choice(for resolution: AgencyResolution) -> String {
        switch resolution.match?.target {
        case .agency(let id)?: "agency:\(id.uuidString)"
        case .group(let id)?: "group:\(id.uuidString)"
        case nil: "none"
        }
    }
}

extension ImportDraft {
    struct Review: Codable {
        struct Node: Codable {
            let ref: String
            let label: String
            let text: String
            let depth: Int
        }
        struct Warning: Codable {
            let code: String
            let ref: String?
            let args: [String]
            let message: String
        }
        let outline: [Node]
        let warnings: [Warning]
        let format: String
        let encoding: String
    }

    convenience init(extraction: PlanExtraction, filename: String, data: Data, createdBy: UUID?) throws {
        self.init()
        self.filename = filename
        self.contentType = PlanImportService.contentType(for: filename)
        self.data = data
        self.planJSON = String(decoding: try JSONEncoder().encode(extraction.plan), as: UTF8.self)
        let review = Review(
            outline: extraction.outline.map {
                Review.Node(ref: $0.ref, label: $0.label, text: $0.text, depth: $0.depth)
            },
            warnings: extraction.warnings.map {
                Review.Warning(code: $0.code.rawValue, ref: $0.ref, args: $0.args, message: $0.message)
            },
            format: extraction.source.format.rawValue, encoding: extraction.source.encoding)
        self.reviewJSON = String(decoding: try JSONEncoder().encode(review), as: UTF8.self)
        self.createdBy = createdBy
    }

    func plan() throws -> PlanDocument {
        try JSONDecoder().decode(PlanDocument.self, from: Data(planJSON.utf8))
    }

    func review() throws -> Review {
        try JSONDecoder().decode(Review.self, from: Data(reviewJSON.utf8))
    }
}
