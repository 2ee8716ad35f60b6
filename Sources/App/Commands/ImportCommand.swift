import Fluent
import Foundation
import TTDNKit
import Vapor

/// `ttdn import FILE`: reads a plan (TXT, Markdown, DOCX, PDF), links its agencies to the directory
/// and saves it, like the import screen without the review. Names it cannot resolve are reported
/// and left unlinked, never guessed.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "The plan: .txt, .md, .docx or .pdf") var file: String
        @Option(name: "status", help: "draft or issued (default issued)") var status: String?
    }

    var help: String { "Imports a plan document into the database." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await DatabaseSetup.ensureSchema(app)
        let url = URL(fileURLWithPath: signature.file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CommandFailure("cannot read \(signature.file)")
        }
        let status = Plan.Status(rawValue: signature.status ?? "issued") ?? .issued
        let summary = try await PlanImportService(db: app.db, audit: .system("ttdn import", clock: app.clock))
            .importWithoutReview(data: data, filename: url.lastPathComponent, status: status)
        context.console.print("plan \(summary.planID.uuidString.lowercased())")
        context.console.print("tasks \(summary.tasks), agency links \(summary.linked), citations \(summary.citations)")
        if summary.unlinked.isEmpty {
            context.console.print("every agency name resolved")
        } else {
            context.console.print("unresolved agency names, left unlinked (\(summary.unlinked.count)):")
            for name in summary.unlinked { context.console.print("  - \(name)") }
        }
    }
}
