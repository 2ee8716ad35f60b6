import Foundation
import TTDNKit
import Vapor

/// `ttdn periods --frequency F --window nd09|calendar --year Y [--due RULE] [--lock RULE] [--remind-before
/// 3,1] [--remind-after 1,3,7] [--cut-off-gap postpone|flag] [--keep-non-working-due] [--adjustments FILE]
/// [--json]`: a regime's periods for a year (data window, due date, lock date, reminders), so an admin can
/// check a regime before using it. Runs offline. A bad option exits 2 with one line on stderr.
/// The `--due` syntax is `DueRule`'s (docs/REPORTING.md).
struct PeriodsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "frequency", help: "monthly | quarterly | half-yearly | nine-month | yearly")
        var frequency: String?

        @Option(name: "window", help: "nd09 (15th → 14th, the default) | calendar")
        var window: String?

        @Option(name: "year", help: "The year, e.g. 2026")
        var year: String?

        @Option(
            name: "due",
            help: "before-day:N | by-day:N | before:D/M | by:D/M | working-days-after-cutoff:N (default by-day:25)")
        var due: String?

        @Option(name: "lock", help: "never (default) | days-after-due:N")
        var lock: String?

        @Option(name: "remind-before", help: "Days before the due date, comma-separated (default 3,1; 'none')")
        var remindBefore: String?

        @Option(name: "remind-after", help: "Days after the due date, comma-separated (default 1,3,7; 'none')")
        var remindAfter: String?

        @Option(name: "cut-off-gap", help: "postpone (default) | flag: how to apply ND 09 Art. 8.5")
        var cutOffGap: String?

        @Flag(
            name: "keep-non-working-due",
            help: "Keep a due date that falls on a day off instead of moving it to the next working day")
        var keepNonWorkingDue: Bool

        @Option(
            name: "adjustments", help: "JSON file of announced days off and make-up working days (see `ttdn holidays`)")
        var adjustments: String?

        @Flag(name: "json", help: "Print JSON (ISO dates) only")
        var json: Bool
    }

    var help: String { "Prints a reporting regime's periods for a year: data window, due date, lock date" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let text = signature.frequency else {
            throw OfflineCommandError.usage(
                "--frequency is required (monthly, quarterly, half-yearly, nine-month, yearly)")
        }
        guard let frequency = ReportingFrequency(rawValue: text.lowercased()) else {
            throw OfflineCommandError.usage(
                "--frequency \(text): expected monthly, quarterly, half-yearly, nine-month or yearly")
        }
        guard frequency.isPeriodic else {
            throw OfflineCommandError.usage(
                "--frequency \(text): \(frequency.rawValue) reports have no periods; the requester sets each date")
        }
        let window =
            try signature.window.map { value in
                guard let rule = DataWindowRule(rawValue: value.lowercased()) else {
                    throw OfflineCommandError.usage("--window \(value): expected nd09 or calendar")
                }
                return rule
            } ?? .nd09
        let year = try Self.year(signature.year)
        let due =
            try signature.due.map { value in
                guard let rule = DueRule(syntax: value) else {
                    throw OfflineCommandError.usage(
                        "--due \(value): expected before-day:N, by-day:N, before:D/M, by:D/M or working-days-after-cutoff:N"
                    )
                }
                return rule
            } ?? .nd09Article13
        let lock =
            try signature.lock.map { value in
                guard let rule = LockRule(syntax: value) else {
                    throw OfflineCommandError.usage("--lock \(value): expected never or days-after-due:N")
                }
                return rule
            } ?? .never
        let reminders = ReminderSchedule(
            daysBefore: try Self.days(signature.remindBefore, option: "--remind-before")
                ?? ReminderSchedule.standard.daysBefore,
            daysAfter: try Self.days(signature.remindAfter, option: "--remind-after")
                ?? ReminderSchedule.standard.daysAfter)
        let gap =
            try signature.cutOffGap.map { value in
                guard let gap = ReportingRegime.CutOffGap(rawValue: value.lowercased()) else {
                    throw OfflineCommandError.usage("--cut-off-gap \(value): expected postpone or flag")
                }
                return gap
            } ?? .postpone
        let holidays = try HolidaysCommand.calendar(adjustmentsFile: signature.adjustments)

        var regime = ReportingRegime(
            name: "ttdn periods", frequency: frequency, window: window, due: due, lock: lock,
            reminders: reminders, cutOffGap: gap)
        regime.nonWorkingDueDate = signature.keepNonWorkingDue ? .keep : .nextWorkingDay
        if let problem = regime.problems.first, case .setByRequester = due {
            throw OfflineCommandError.usage("--due \(due): \(problem)")
        }
        let document = ReportingReports.periods(regime, year: year, holidays: holidays)
        let output = signature.json ? try ReportingReports.json(document) : ReportingReports.table(document)
        FileHandle.standardOutput.write(Data((output + "\n").utf8))
    }

    static func year(_ text: String?) throws -> Int {
        guard let text else { throw OfflineCommandError.usage("--year is required, e.g. --year 2026") }
        guard let year = Int(text), LunarCalendar.supportedYears.contains(year) else {
            throw OfflineCommandError.usage(
                "--year \(text): expected a year from \(LunarCalendar.supportedYears.lowerBound) to \(LunarCalendar.supportedYears.upperBound)"
            )
        }
        return year
    }

    static func days(_ text: String?, option: String) throws -> [Int]? {
        guard let text else { return nil }
        if text.lowercased() == "none" { return [] }
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count, !numbers.isEmpty, numbers.allSatisfy({ $0 >= 0 }) else {
            throw OfflineCommandError.usage("\(option) \(text): expected day counts like 3,1 or none")
        }
        return numbers
    }
}

extension OfflineCommandError {
    /// A bad option: one line on stderr, exit status 2.
    static func usage(_ message: String) -> OfflineCommandError {
        OfflineCommandError(message, exitCode: 2)
    }
}
