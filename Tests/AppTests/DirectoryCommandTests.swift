import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor

@testable import App

/// A console that keeps what commands print.
final class RecordingConsole: Console, @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""
    var userInfo: [AnySendableHashable: any Sendable] = [:]
    var size: (width: Int, height: Int) { (120, 40) }

    var text: String { lock.withLock { buffer } }

    func input(isSecure: Bool) -> String { "" }
    func output(_ text: ConsoleText, newLine: Bool) {
        lock.withLock { buffer += text.description + (newLine ? "\n" : "") }
    }
    func clear(_ type: ConsoleClear) {}
    func report(error: String, newLine: Bool) {
        lock.withLock { buffer += error + (newLine ? "\n" : "") }
    }
}

@Suite("Directory: ttdn agencies import|export")
struct DirectoryCommandTests {
    static func run(_ app: Application, _ arguments: [String]) async throws -> String {
        let console = RecordingConsole()
        var context = CommandContext(console: console, input: CommandInput(arguments: ["ttdn agencies"] + arguments))
        context.application = app
        do {
            try await AgenciesCommand().run(using: &context)
        } catch {
            throw CommandOutcome(output: console.text, error: error)
        }
        return console.text
    }

    struct CommandOutcome: Error {
        var output: String
        var error: any Error
    }

    static func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("ttdn-directory-\(UUID().uuidString)-\(name)")
    }

    @Test("Import a file, export it back, and refuse a file with bad rows, naming each line")
    func importAndExport() async throws {
        try await withApp { app in
            let good = Self.temporaryFile("good.csv")
            let bad = Self.temporaryFile("bad.csv")
            let out = Self.temporaryFile("out.csv")
            defer { for url in [good, bad, out] { try? FileManager.default.removeItem(at: url) } }

            let csv = directoryCSV([
                [
                    "code": "ubnd-tinh", "kind": "provincialCommittee",
                    "official_name": "Ủy ban nhân dân tỉnh Lạng Sơn", "short_name": "UBND tỉnh",
                ],
                [
                    "code": "so-ngoai-vu", "kind": "department", "official_name": "Sở Ngoại vụ",
                    "parent_code": "ubnd-tinh", "abbreviations": "SNgV",
                ],
                ["code": "cac-so", "kind": "group", "official_name": "các sở, ban, ngành", "members": "so-ngoai-vu"],
            ])
            try Data(("\u{FEFF}" + csv).utf8).write(to: good)
            let printed = try await Self.run(app, ["import", good.path])
            #expect(printed.contains("agencies 2 created"))
            #expect(printed.contains("groups 1 created"))
            #expect(try await agency("so-ngoai-vu", on: app.db).abbreviations == ["SNgV"])
            let entries = try await auditEntries(by: "ttdn agencies import", on: app.db)
            #expect(entries.count == 4)

            try Data(
                directoryCSV([
                    ["code": "so-moi", "kind": "department", "official_name": "Sở Mới"],
                    ["code": "so-sai", "kind": "department", "official_name": "Sở Sai", "valid_from": "2025-13-01"],
                    ["code": "so-moi", "kind": "department", "official_name": "Sở Mới lần hai"],
                ]).utf8
            ).write(to: bad)
            do {
                _ = try await Self.run(app, ["import", bad.path])
                Issue.record("a file with bad rows was imported")
            } catch let outcome as CommandOutcome {
                #expect(outcome.output.contains("\(bad.path):3: "))
                #expect(outcome.output.contains("\(bad.path):4: "))
                #expect(outcome.output.contains("is not a date"))
                #expect(String(describing: outcome.error).contains("nothing was imported"))
            }
            #expect(try await Agency.query(on: app.db).filter(\.$code == "so-moi").first() == nil)

            let exported = try await Self.run(app, ["export", out.path])
            #expect(exported.contains("exported 2 agencies and 1 groups"))
            let written = try String(contentsOf: out, encoding: .utf8)
            #expect(written.hasPrefix("code,kind,"))
            #expect(written.contains("so-ngoai-vu,department,Sở Ngoại vụ,,ubnd-tinh,,SNgV,"))
            #expect(written.contains("cac-so,group,\"các sở, ban, ngành\",,,,,,,,,,so-ngoai-vu"))

            // Reading back what was written changes nothing.
            let again = try await Self.run(app, ["import", out.path])
            #expect(again.contains("agencies 0 created, 0 updated, 2 unchanged"))
        }
    }
}
