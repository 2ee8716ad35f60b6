import Fluent
import Foundation
import TTDNKit
import Vapor

/// `ttdn export PLAN_ID --format docx|csv --output FILE`: the plan page's downloads from the command line.
struct ExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "plan", help: "The plan's id (as `ttdn import` printed it)") var plan: String
        @Option(
            name: "format", short: "f", help: "docx (official layout, Nghị định 30/2020) or csv (tasks); default docx")
        var format: String?
        @Option(name: "output", short: "o", help: "The file to write") var output: String?
        @Flag(name: "names-today", help: "DOCX: print the agencies under their names today, not as the plan wrote them")
        var namesToday: Bool
    }

    var help: String { "Exports a plan as an official DOCX or its tasks as CSV." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let planID = UUID(uuidString: signature.plan.trimmingCharacters(in: .whitespaces)) else {
            throw CommandFailure("not a plan id: \(signature.plan)")
        }
        let format = (signature.format ?? "docx").lowercased()
        guard ["docx", "csv"].contains(format) else {
            throw CommandFailure("--format must be docx or csv, not \(format)")
        }
        try await DatabaseSetup.ensureSchema(app)
        var exporter = PlanExporter(db: app.db, today: app.clock.today)
        exporter.namesToday = signature.namesToday || format == "csv"
        guard let loaded = try await exporter.load(planID) else {
            throw CommandFailure("no plan with id \(planID.uuidString.lowercased())")
        }
        let data: Data
        if format == "docx" {
            data = try exporter.docx(loaded, created: app.clock.now())
        } else {
            let translations = app.translations
            data = exporter.csv(loaded, today: app.clock.today) {
                translations.text("task.status.\($0.rawValue)", locale: .vi)
            }
        }
        let path = signature.output ?? PlanExporter.filename(loaded.plan, ext: format)
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure("cannot write \(path): \(error.localizedDescription)")
        }
        context.console.print("\(path) (\(data.count) bytes, \(loaded.tree.nodes.count) tasks)")
    }
}
