import Foundation
import TTDNKit
import Vapor

/// `ttdn agencies import FILE.csv`: imports the directory, all or nothing; bad rows are listed by line.
/// `ttdn agencies export FILE.csv [--bom]`: writes the whole directory (`-` writes to standard output).
/// The layout is `AgencyCSV.columns` (docs/DIRECTORY.md).
struct AgenciesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "import or export") var action: String
        @Argument(name: "file", help: "The CSV file (export: - for standard output)") var file: String
        @Flag(name: "bom", help: "Export: start the file with a byte-order mark, for spreadsheet programs") var bom:
            Bool
        @Option(name: "lang", help: "Language of error messages: vi or en (default en)") var lang: String?
    }

    var help: String { "Imports or exports the directory of agencies as CSV." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await DatabaseSetup.ensureSchema(app)
        switch signature.action {
        case "import":
            let url = URL(fileURLWithPath: signature.file)
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw CommandFailure("cannot read \(signature.file): \(error.localizedDescription)")
            }
            let importer = DirectoryImporter(db: app.db, audit: .system("ttdn agencies import", clock: app.clock))
            do {
                let summary = try await importer.importCSV(data: data)
                context.console.print(
                    "imported \(signature.file): agencies \(summary.agenciesCreated) created, \(summary.agenciesUpdated) updated, "
                        + "\(summary.agenciesUnchanged) unchanged; groups \(summary.groupsCreated) created, "
                        + "\(summary.groupsUpdated) updated, \(summary.groupsUnchanged) unchanged")
            } catch let refused as AgencyCSVErrors {
                let vietnamese = signature.lang == "vi"
                for error in refused.errors {
                    context.console.error(
                        "\(signature.file):\(error.line): " + Self.reason(error, vietnamese: vietnamese))
                }
                let lines = Set(refused.errors.map(\.line)).count
                throw CommandFailure("\(signature.file): \(lines) bad line(s); nothing was imported")
            }
        case "export":
            let export: DirectoryExporter.Export
            do {
                export = try await DirectoryExporter(db: app.db).export(byteOrderMark: signature.bom)
            } catch let failure as DirectoryExporter.Failure {
                throw CommandFailure("cannot export: \(failure.description)")
            }
            if signature.file == "-" {
                context.console.output(export.csv.consoleText(), newLine: false)
                return
            }
            do {
                try Data(export.csv.utf8).write(to: URL(fileURLWithPath: signature.file), options: .atomic)
            } catch {
                throw CommandFailure("cannot write \(signature.file): \(error.localizedDescription)")
            }
            context.console.print(
                "exported \(export.agencies) agencies and \(export.groups) groups to \(signature.file)")
        default:
            throw CommandFailure("unknown action \(signature.action); use import or export")
        }
    }

    /// The codec's message without its `Line n: ` prefix (the line is printed as `file:n:`).
    static func reason(_ error: AgencyCSVError, vietnamese: Bool) -> String {
        let text = vietnamese ? error.messageVI : error.message
        guard let colon = text.range(of: ": ") else { return text }
        return String(text[colon.upperBound...])
    }
}
