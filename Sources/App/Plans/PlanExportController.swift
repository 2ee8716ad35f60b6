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
