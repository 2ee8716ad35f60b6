import Foundation
import TTDNKit
import Vapor

/// `ttdn extract [--json] FILE`: reads a plan (text, Markdown, DOCX, PDF) into `ttdn.plan/2`.
/// With `--json` stdout holds exactly one JSON document; a file that cannot be read exits 2 with one
/// line on stderr.
struct ExtractCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "The plan: .txt, .md, .docx or .pdf")
        var file: String

        @Flag(name: "json", help: "Print the ttdn.plan/2 JSON document only")
        var json: Bool
    }

    var help: String { "Reads a plan (text, DOCX or PDF) and prints what it extracts (ttdn.plan/2 with --json)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let extraction: PlanExtraction
        do {
            extraction = try PlanReader.read(fileAt: URL(fileURLWithPath: signature.file))
        } catch {
            throw OfflineCommandError("\(signature.file): \(error.message)", exitCode: 2)
        }
        let output: String
        if signature.json {
            let encoder = JSONEncoder()
            // Sorted keys: Foundation on Linux does not keep declaration order, and diffs need a stable one.
            encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
            let data = try encoder.encode(extraction.plan)
            output = String(decoding: data, as: UTF8.self)
        } else {
            output = PlanSummary.render(extraction)
        }
        FileHandle.standardOutput.write(Data((output + "\n").utf8))
    }
}
