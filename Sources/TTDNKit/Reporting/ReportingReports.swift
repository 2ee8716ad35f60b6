import Foundation

/// What `ttdn periods` and `ttdn holidays` print: the JSON documents and the readable tables. Here rather
/// than in the commands so they are tested without Vapor, and the app can reuse them for its admin pages.
public enum ReportingReports {
    /// `ttdn periods --json`: the regime as given and its periods.
    public struct PeriodsDocument: Codable, Sendable, Equatable {
        public var year: Int
        public var regime: ReportingRegime
        public var problems: [String]
        public var periods: [ReportingPeriod]
    }

    /// `ttdn holidays --json`.
    public struct HolidaysDocument: Codable, Sendable, Equatable {
        public struct Day: Codable, Sendable, Equatable {
            public var date: LocalDate
            public var weekday: String
            public var kind: HolidayCalendar.Entry.Kind
            /// As `HolidayCalendar.Entry`: the holiday's code, Tết's lunar date, the admin's note.
            public var holiday: String?
            public var lunar: LunarDate?
            public var note: String
            public var workingDay: Bool

            enum CodingKeys: String, CodingKey {
                case date, weekday, kind, holiday, lunar, note
                case workingDay = "working_day"
            }
        }

        public var year: Int
        /// Working days in the year after everything below.
        public var workingDays: Int
        public var days: [Day]

        enum CodingKeys: String, CodingKey {
            case year
            case workingDays = "working_days"
            case days
        }
    }

    public static func periods(_ regime: ReportingRegime, year: Int, holidays: HolidayCalendar) -> PeriodsDocument {
        PeriodsDocument(
            year: year, regime: regime, problems: regime.problems.map(\.rawValue),
            periods: PeriodEngine.periods(for: regime, year: year, holidays: holidays))
    }

    /// An empty document for a year outside `LunarCalendar.supportedYears`.
    public static func holidays(_ calendar: HolidayCalendar, year: Int) -> HolidaysDocument {
        guard LunarCalendar.supportedYears.contains(year),
            let lastDayBefore = LocalDate(year: year - 1, month: 12, day: 31),
            let lastDay = LocalDate(year: year, month: 12, day: 31)
        else { return HolidaysDocument(year: year, workingDays: 0, days: []) }
        let days = calendar.holidays(in: year).map {
            HolidaysDocument.Day(
                date: $0.date, weekday: weekday($0.date), kind: $0.kind, holiday: $0.holiday, lunar: $0.lunar,
                note: $0.note, workingDay: $0.isWorkingDay)
        }
        let workingDays = calendar.workingDays(after: lastDayBefore, through: lastDay)
        return HolidaysDocument(year: year, workingDays: workingDays, days: days)
    }

    /// Pretty, key-sorted JSON with ISO dates.
    public static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    // MARK: Tables

    public static func table(_ document: PeriodsDocument) -> String {
        let r = document.regime
        var out = [
            "\(r.frequency.rawValue) (\(r.frequency.vietnameseName)) \(document.year) · window \(r.window.rawValue) · due \(r.due) · lock \(r.lock) · reminders \(reminderText(r.reminders))"
        ]
        for problem in document.problems { out.append("problem: \(problem)") }
        out.append("")
        var rows = [["key", "period", "data window", "due", "lock", "notes"]]
        for p in document.periods {
            rows.append([
                p.key, p.label, "\(p.window.start.iso) → \(p.window.end.iso)",
                p.due.map { "\($0.iso) \(weekday($0))" } ?? "—",
                p.lock.map { "\($0.iso) \(weekday($0))" } ?? "—",
                p.notes.map { ($0.isWarning ? "⚠ " : "") + $0.message }.joined(separator: "; "),
            ])
        }
        out.append(contentsOf: align(rows))
        return out.joined(separator: "\n")
    }

    public static func table(_ document: HolidaysDocument) -> String {
        var rows = [["date", "day", "kind", "holiday", "note"]]
        for day in document.days {
            let lunar = day.lunar.map { " (lunar \($0.day)/\($0.month))" } ?? ""
            rows.append([day.date.iso, day.weekday, kindText(day.kind), (day.holiday ?? "") + lunar, day.note])
        }
        return
            (["Holidays and working-day exceptions, \(document.year) (\(document.workingDays) working days)", ""]
            + align(rows))
            .joined(separator: "\n")
    }

    // MARK: Helpers

    static func weekday(_ date: LocalDate) -> String {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][date.weekdayNumber - 1]
    }

    static func kindText(_ kind: HolidayCalendar.Entry.Kind) -> String {
        switch kind {
        case .publicHoliday: return "holiday"
        case .compensatoryDayOff: return "compensatory day off"
        case .announcedDayOff: return "announced day off"
        case .makeUpWorkingDay: return "make-up working day"
        case .cancelledDayOff: return "working (day off cancelled)"
        }
    }

    static func reminderText(_ schedule: ReminderSchedule) -> String {
        let parts = schedule.daysBefore.map { "-\($0)" } + schedule.daysAfter.map { "+\($0)" }
        return parts.isEmpty ? "none" : parts.joined(separator: ",") + " days"
    }

    /// Columns padded to their widest cell (counting characters, so Vietnamese letters line up), the last
    /// column left ragged, trailing spaces trimmed.
    static func align(_ rows: [[String]]) -> [String] {
        guard let columns = rows.map(\.count).max() else { return [] }
        let widths = (0..<columns).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                c == row.count - 1 ? cell : cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
    }
}
