import Fluent
import TTDNKit
import Vapor

/// `/app/plans/:id/export.docx` and `/app/plans/:id/tasks.csv`.
enum PlanExportController {
    /// The plan page shows the download links.
    static let available = true

    static let docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    static let csvType = "text/csv; charset=utf-8"

    /// The plan as written; `?names=today` prints the agencies it links under their names today.
    @Sendable static func docx(req: Request) async throws -> Response {
        var exporter = PlanExporter(db: req.db, today: req.today)
        exporter.namesToday = req.query[String.self, at: "names"] == "today"
        guard let loaded = try await exporter.load(req.recordID()) else { throw Abort(.notFound) }
        let data = try exporter.docx(loaded, created: req.now)
        return PlanController.download(
            data, filename: PlanExporter.filename(loaded.plan, ext: "docx"), contentType: docxType)
    }

    struct ReissueForm: Content {
        var year: String?
    }

    /// "Reissue for year Y": the plan, with today's agency names and the year moved on (`PlanReissue`), is
    /// written as a DOCX and read back into a new import draft, so that the office reviews and edits it on the
    /// usual review screen before saving next year's plan. The plan itself is not touched.
    @Sendable static func reissue(req: Request) async throws -> Response {
        var exporter = PlanExporter(db: req.db, today: req.today)
        exporter.namesToday = true
        guard let loaded = try await exporter.load(req.recordID()) else { throw Abort(.notFound) }
        let form = try req.content.decode(ReissueForm.self)
        let year = PlanImportForm.value(form.year).flatMap(Int.init) ?? ((loaded.plan.year ?? req.today.year) + 1)
        guard (1945...2100).contains(year) else {
            req.flash(.error, req.t("plans.reissue.error.year"))
            return req.redirect(to: SiteURL.plan(try loaded.plan.requireID()).path)
        }
        let document = PlanReissue.reissue(loaded.document, to: year)
        let data = try PlanDocxWriter.docx(
            OfficialPlan(from: document, extras: loaded.extras), options: .init(created: req.now))
        let filename = "ke-hoach-\(year).docx"
        let extraction = try PlanImportService.read(data: data, filename: filename)
        let draft = try ImportDraft(
            extraction: extraction, filename: filename, data: data, createdBy: req.auth.get(User.self)?.id)
        try await draft.auditedCreate(on: req.db, by: req.auditContext)
        req.flash(.info, req.t("plans.reissue.draft", String(year)))
        return req.redirect(to: SiteURL.planImportDraft(try draft.requireID()).path)
    }

    /// The task list to work from: agencies under their names today.
    @Sendable static func csv(req: Request) async throws -> Response {
        var exporter = PlanExporter(db: req.db, today: req.today)
        exporter.namesToday = true
        guard let loaded = try await exporter.load(req.recordID()) else { throw Abort(.notFound) }
        let data = exporter.csv(loaded, today: req.today) { req.t("task.status.\($0.rawValue)") }
        return PlanController.download(
            data, filename: PlanExporter.filename(loaded.plan, ext: "csv"), contentType: csvType)
    }
}
