import Fluent
import Foundation
import TTDNKit
import Vapor

/// Reading an uploaded plan and saving it: shared by the import screen and `ttdn import`.
struct PlanImportService {
    let db: any Database
    let audit: AuditContext

    static let contentTypes: [String: String] = [
        "txt": "text/plain; charset=utf-8", "md": "text/markdown; charset=utf-8",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "pdf": "application/pdf",
        "doc": "application/msword",
    ]

    /// Reads the file, or throws `PlanReadError` with a stable code the screens translate.
    static func read(data: Data, filename: String) throws(PlanReadError) -> PlanExtraction {
        var options = PlanReader.Options()
        options.maxInputBytes = 32 << 20
        return try PlanReader.read(data: data, filename: filename, options: options)
    }

    static func contentType(for filename: String) -> String {
        contentTypes[(filename as NSString).pathExtension.lowercased()] ?? "application/octet-stream"
    }

    /// The command-line path: read, resolve what resolves, save, report the rest.
    func importWithoutReview(data: Data, filename: String, status: Plan.Status) async throws -> PlanImporter.Summary {
        let extraction: PlanExtraction
        do {
            extraction = try Self.read(data: data, filename: filename)
        } catch {
            throw CommandFailure("\(filename): \(error.message)")
        }
        let directory = try await DirectoryLoader(db: db).directory()
        let resolver = PlanAgencyResolver(directory: directory, plan: extraction.plan, today: audit.clock.today)
        let links = resolver.resolveAll(extraction.plan).mapValues(AgencyLink.init)
        var request = PlanImporter.Request(plan: extraction.plan, links: links)
        request.issuingAgencyID = resolver.context.issuerID
        request.purposes = PlanImportForm.text(extraction.plan.purposes)
        request.budget = PlanImportForm.text(extraction.plan.budget)
        request.status = status
        request.file = .init(filename: filename, contentType: Self.contentType(for: filename), data: data)
        return try await PlanImporter(db: db, audit: audit).save(request)
    }
}
