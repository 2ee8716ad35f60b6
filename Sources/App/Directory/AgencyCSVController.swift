import Fluent
import Foundation
import TTDNKit
import Vapor

/// Import the directory from a CSV file (uploaded or pasted), and export it.
enum AgencyCSVController {
    /// The upload limit; the route collects at most this much (`routes.swift`), the form says so.
    static let maxSizeLabel = "5 MB"

    struct ImportForm: Content {
        var file: File?
        var text: String?
    }

    struct ImportPage: Encodable {
        struct Problem: Encodable {
            let line: Int
            let message: String
        }

        let layout: LayoutContext
        let action: String
        let exportHref: String
        let cancel: String
        let maxSize: String
        let columns: String
        let text: String
        /// Every bad row of a refused file, in line order.
        let problems: [Problem]
        let problemCount: Int
        /// Problems with the form itself (nothing sent), by field.
        let errors: [String: String]
    }

    @Sendable static func form(req: Request) async throws -> View {
        try await render(req, text: "", problems: [], errors: [:])
    }

    @Sendable static func importCSV(req: Request) async throws -> Response {
        let form =
            (try? req.content.decode(ImportForm.self))
            ?? ImportForm(file: nil, text: try? req.content.get(String.self, at: "text"))
        let pasted = form.text ?? ""
        let upload = form.file.flatMap { $0.data.readableBytes > 0 ? Data($0.data.readableBytesView) : nil }
        let hasText = !pasted.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        guard upload != nil || hasText else {
            return try await render(
                req, text: pasted, problems: [], errors: ["file": req.t("directory.import.error.empty")]
            )
            .encodeResponse(status: .badRequest, for: req)
        }
        let importer = DirectoryImporter(db: req.db, audit: req.auditContext)
        do {
            let summary: DirectoryImporter.Summary
            if let upload {
                summary = try await importer.importCSV(data: upload)
            } else {
                summary = try await importer.importCSV(pasted)
            }
            req.flash(.success, doneMessage(summary, req: req))
            return req.redirect(to: SiteURL.agencies.path)
        } catch let refused as AgencyCSVErrors {
            let problems = refused.errors.map { ImportPage.Problem(line: $0.line, message: message(for: $0, req: req)) }
            return try await render(req, text: upload == nil ? pasted : "", problems: problems, errors: [:])
                .encodeResponse(status: .badRequest, for: req)
        }
    }

    @Sendable static func export(req: Request) async throws -> Response {
        let export: DirectoryExporter.Export
        do {
            export = try await DirectoryExporter(db: req.db).export(byteOrderMark: true)
        } catch let failure as DirectoryExporter.Failure {
            req.flash(.error, req.t("directory.export.error", failure.code, failure.value))
            return req.redirect(to: SiteURL.agencies.path)
        }
        let response = Response(status: .ok, body: .init(string: export.csv))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: exportFilename(on: req.today))
        response.headers.cacheControl = .init(noStore: true)
        return response
    }

    static func exportFilename(on day: LocalDate) -> String {
        "danh-ba-co-quan-\(day.iso).csv"
    }

    /// `Đã nhập: 3 cơ quan mới, 2 cập nhật, …`
    static func doneMessage(_ summary: DirectoryImporter.Summary, req: Request) -> String {
        let n = { (value: Int) in Formatting.number(value, req.locale) }
        return req.t(
            "directory.import.done", n(summary.agenciesCreated), n(summary.agenciesUpdated),
            n(summary.agenciesUnchanged),
            n(summary.groupsCreated), n(summary.groupsUpdated), n(summary.groupsUnchanged))
    }

    /// The reason a row was refused, in the visitor's language: `directory.csv.error.<code>` with the
    /// error's named arguments (`{code}`, `{value}` …), else the codec's own text.
    static func message(for error: AgencyCSVError, req: Request) -> String {
        let key = "directory.csv.error.\(error.code)"
        let translations = req.application.translations
        guard translations.has(key, locale: req.locale) else {
            let text = req.locale == .vi ? error.messageVI : error.message
            // The page shows the line in its own column.
            guard let colon = text.range(of: ": ") else { return text }
            return String(text[colon.upperBound...])
        }
        var text = translations.text(key, locale: req.locale)
        for (name, value) in error.args { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    private static func render(_ req: Request, text: String, problems: [ImportPage.Problem], errors: [String: String])
        async throws -> View
    {
        let page = ImportPage(
            layout: req.layout(titleKey: "agency.import.title"), action: SiteURL.agenciesImport.path,
            exportHref: SiteURL.agenciesExport.path, cancel: SiteURL.agencies.path, maxSize: maxSizeLabel,
            columns: AgencyCSV.columns.joined(separator: ","), text: text, problems: problems,
            problemCount: problems.count, errors: errors)
        return try await req.view.render("agencies/import", page)
    }
}
