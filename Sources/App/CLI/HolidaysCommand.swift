import Foundation
import TTDNKit
import Vapor

/// `ttdn holidays --year Y [--adjustments FILE.json] [--json]`: the holidays, compensatory days off,
/// announced days off and make-up working days in force in a year. Runs offline.
///
/// The adjustments file is either a JSON array of `{"date": "2026-02-14", "kind": "day-off"|"working-day",
/// "note": "…"}` or a whole stored holiday calendar `{"rules": {…}, "adjustments": […]}`.
struct HolidaysCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "year", help: "The year, e.g. 2026")
        var year: String?

        @Option(
            name: "adjustments",
            help: "JSON file of announced days off and make-up working days, or a whole holiday calendar")
        var adjustments: String?

        @Flag(name: "json", help: "Print JSON (ISO dates) only")
        var json: Bool
    }

    var help: String { "Prints the holidays and working-day exceptions in force in a year" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let year = try PeriodsCommand.year(signature.year)
        let calendar = try Self.calendar(adjustmentsFile: signature.adjustments)
        let document = ReportingReports.holidays(calendar, year: year)
        let output = signature.json ? try ReportingReports.json(document) : ReportingReports.table(document)
        FileHandle.standardOutput.write(Data((output + "\n").utf8))
    }

    /// The law's calendar plus the file's adjustments (or the file's whole calendar).
    static func calendar(adjustmentsFile path: String?) throws -> HolidayCalendar {
        guard let path else { return .vietnam }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw OfflineCommandError("\(path): cannot read the file", exitCode: 2)
        }
        let decoder = JSONDecoder()
        if let adjustments = try? decoder.decode([HolidayCalendar.Adjustment].self, from: data) {
            return HolidayCalendar(adjustments: adjustments)
        }
        do {
            return try decoder.decode(HolidayCalendar.self, from: data)
        } catch {
            throw OfflineCommandError(
                "\(path): not a list of adjustments ({\"date\", \"kind\": \"day-off\"|\"working-day\", \"note\"}) or a holiday calendar",
                exitCode: 2)
        }
    }
}
