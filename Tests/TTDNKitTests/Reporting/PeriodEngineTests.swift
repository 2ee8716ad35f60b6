import Foundation
import Testing

@testable import TTDNKit

@Suite("Reporting periods, windows and due dates")
struct PeriodEngineTests {
    func regime(
        _ frequency: ReportingFrequency, _ window: DataWindowRule = .nd09, due: String = "by-day:25",
        lock: LockRule = .never, reminders: ReminderSchedule = .none
    ) -> ReportingRegime {
        ReportingRegime(
            name: "test", frequency: frequency, window: window, due: DueRule(syntax: due)!,
            lock: lock, reminders: reminders)
    }

    func windows(_ periods: [ReportingPeriod]) -> [String] {
        periods.map { "\($0.key) \($0.window.start.iso)→\($0.window.end.iso)" }
    }

    @Test("ND 09 windows for each frequency, across the year boundary")
    func nd09Windows() {
        let months = PeriodEngine.periods(for: regime(.monthly), year: 2026)
        #expect(months.count == 12)
        #expect(
            windows([months[0], months[4], months[11]]) == [
                "2026-01 2025-12-15→2026-01-14", "2026-05 2026-04-15→2026-05-14", "2026-12 2026-11-15→2026-12-14",
            ])
        #expect(
            windows(PeriodEngine.periods(for: regime(.quarterly), year: 2026)) == [
                "2026-Q1 2025-12-15→2026-03-14", "2026-Q2 2026-03-15→2026-06-14",
                "2026-Q3 2026-06-15→2026-09-14", "2026-Q4 2026-09-15→2026-12-14",
            ])
        #expect(
            windows(PeriodEngine.periods(for: regime(.halfYearly), year: 2026)) == [
                "2026-H1 2025-12-15→2026-06-14", "2026-H2 2026-06-15→2026-12-14",
            ])
        #expect(windows(PeriodEngine.periods(for: regime(.nineMonth), year: 2026)) == ["2026-9M 2025-12-15→2026-09-14"])
        #expect(windows(PeriodEngine.periods(for: regime(.yearly), year: 2026)) == ["2026 2025-12-15→2026-12-14"])
    }

    @Test("Calendar windows, with February in leap and common years")
    func calendarWindows() {
        let leap = PeriodEngine.periods(for: regime(.monthly, .calendar), year: 2024)
        #expect(leap[1].window == DataWindow(start: d("2024-02-01"), end: d("2024-02-29")))
        #expect(PeriodEngine.periods(for: regime(.monthly, .calendar), year: 2100)[1].window.end == d("2100-02-28"))
        #expect(PeriodEngine.periods(for: regime(.monthly, .calendar), year: 2000)[1].window.end == d("2000-02-29"))
        #expect(
            windows(PeriodEngine.periods(for: regime(.quarterly, .calendar), year: 2024)) == [
                "2024-Q1 2024-01-01→2024-03-31", "2024-Q2 2024-04-01→2024-06-30",
                "2024-Q3 2024-07-01→2024-09-30", "2024-Q4 2024-10-01→2024-12-31",
            ])
        #expect(
            windows(PeriodEngine.periods(for: regime(.halfYearly, .calendar), year: 2024)) == [
                "2024-H1 2024-01-01→2024-06-30", "2024-H2 2024-07-01→2024-12-31",
            ])
        #expect(PeriodEngine.periods(for: regime(.yearly, .calendar), year: 2024)[0].window.dayCount == 366)
    }

    @Test("Keys and Vietnamese labels")
    func labels() {
        #expect(
            PeriodEngine.periods(for: regime(.quarterly), year: 2026).map(\.label) == [
                "Quý I/2026", "Quý II/2026", "Quý III/2026", "Quý IV/2026",
            ])
        #expect(PeriodEngine.periods(for: regime(.monthly), year: 2026)[4].label == "Tháng 5/2026")
        #expect(
            PeriodEngine.periods(for: regime(.halfYearly), year: 2026).map(\.label) == [
                "6 tháng đầu năm 2026", "6 tháng cuối năm 2026",
            ])
        #expect(PeriodEngine.periods(for: regime(.nineMonth), year: 2026)[0].label == "9 tháng năm 2026")
        #expect(PeriodEngine.periods(for: regime(.yearly), year: 2026)[0].key == "2026")
        #expect(PeriodEngine.periods(for: regime(.adHoc, due: "requester"), year: 2026).isEmpty)
    }

    @Test("'trước ngày 20 hằng tháng': due the 19th, moved off weekends and holidays")
    func monthlyBeforeDay20() {
        let periods = PeriodEngine.periods(for: regime(.monthly, due: "before-day:20"), year: 2026)
        #expect(periods[4].due == d("2026-05-19"))  // Tuesday
        #expect(periods[4].notes.isEmpty)
        // 19 Apr 2026 is a Sunday: Monday 20 Apr, noted.
        #expect(periods[3].due == d("2026-04-20"))
        #expect(periods[3].notes == [PeriodNote(kind: .movedOffDayOff, date: d("2026-04-19"))])
        // Keeping the date when the regime says so.
        var keep = regime(.monthly, due: "before-day:20")
        keep.nonWorkingDueDate = .keep
        #expect(PeriodEngine.periods(for: keep, year: 2026)[3].due == d("2026-04-19"))
    }

    @Test(
        "'trước ngày 15 của tháng cuối quý' with ND 09 windows: Art. 8.5 postpones to the first working day after the cut-off"
    )
    func quarterlyBeforeDay15() {
        let periods = PeriodEngine.periods(for: regime(.quarterly, due: "before-day:15"), year: 2026)
        // Q1: 14 Mar is a Saturday → Monday 16 Mar (one working day after the cut-off, so no postponement).
        #expect(periods[0].due == d("2026-03-16"))
        #expect(periods[0].notes.map(\.kind) == [.movedOffDayOff])
        // Q3: 14 Sep (Mon) is the cut-off itself → Tue 15 Sep.
        #expect(periods[2].due == d("2026-09-15"))
        #expect(periods[2].notes == [PeriodNote(kind: .postponedForCutOff, date: d("2026-09-14"))])
        // With `flag`, nothing moves and the breach is reported.
        var flag = regime(.quarterly, due: "before-day:15")
        flag.cutOffGap = .flag
        let flagged = PeriodEngine.periods(for: flag, year: 2026)
        #expect(flagged[2].due == d("2026-09-14"))
        #expect(flagged[2].notes.map(\.kind) == [.noWorkingDayAfterCutOff])
    }

    @Test("'trước ngày 15/11 hằng năm': due 14 Nov (a Saturday in 2026 → 16 Nov), flagged as before the ND 09 cut-off")
    func yearlyBefore15November() {
        let nd09 = PeriodEngine.periods(for: regime(.yearly, due: "before:15/11"), year: 2026)[0]
        #expect(nd09.due == d("2026-11-16"))
        #expect(nd09.notes.map(\.kind) == [.movedOffDayOff, .dueBeforeCutOff])
        #expect(nd09.notes.last?.isWarning == true)
        let year2025 = PeriodEngine.periods(for: regime(.yearly, due: "before:15/11"), year: 2025)[0]
        #expect(year2025.due == d("2025-11-14"))  // Friday
    }

    @Test("Working days after the cut-off, across Tết and 30/4–1/5")
    func workingDaysAfterCutOff() {
        let months = PeriodEngine.periods(for: regime(.monthly, due: "working-days-after-cutoff:3"), year: 2026)
        // February 2026: cut-off Sat 14 Feb, Tết 16–20 Feb → Mon 23, Tue 24, Wed 25.
        #expect(months[1].due == d("2026-02-25"))
        #expect(months[1].notes.isEmpty)
        // A make-up Saturday counts.
        let makeUp = HolidayCalendar(adjustments: [.init(date: d("2026-02-21"), kind: .workingDay)])
        #expect(
            PeriodEngine.periods(
                for: regime(.monthly, due: "working-days-after-cutoff:3"), year: 2026, holidays: makeUp)[1].due
                == d("2026-02-24"))
        // Quarter with calendar windows: Q1 cut-off Tue 31 Mar 2026; 2 working days → Thu 2 Apr.
        #expect(
            PeriodEngine.periods(for: regime(.quarterly, .calendar, due: "working-days-after-cutoff:2"), year: 2026)[0]
                .due == d("2026-04-02"))
        // April 2024 calendar window: cut-off Tue 30 Apr (holiday), 1 May holiday → Thu 2 May.
        #expect(
            PeriodEngine.periods(for: regime(.monthly, .calendar, due: "working-days-after-cutoff:1"), year: 2024)[3]
                .due == d("2024-05-02"))
    }

    @Test("Art. 13 default: by the 25th of the last month; 2/9 and national-day extra day respected")
    func article13() {
        let nine = PeriodEngine.periods(for: regime(.nineMonth), year: 2026)[0]
        #expect(nine.due == d("2026-09-25"))
        #expect(PeriodEngine.periods(for: regime(.yearly), year: 2026)[0].due == d("2026-12-25"))
        // by-day:2 of September 2026: 2/9 and 3/9 are off → Friday 4/9, which is also ≥ 1 working day after 14/8? (monthly window ends 14/9 → breach).
        let sep = PeriodEngine.periods(for: regime(.monthly, .calendar, due: "by-day:2"), year: 2026)[8]
        #expect(sep.due == d("2026-09-04"))
        #expect(sep.notes.map(\.kind) == [.movedOffDayOff, .dueBeforeCutOff])
    }

    @Test("Lock date and reminders count from the final due date")
    func lockAndReminders() {
        let r = regime(.monthly, due: "before-day:20", lock: .daysAfterDue(10), reminders: .standard)
        let april = PeriodEngine.periods(for: r, year: 2026)[3]  // due moved to Mon 20 Apr
        #expect(april.lock == d("2026-04-30"))
        #expect(
            april.reminders == [d("2026-04-17"), d("2026-04-19"), d("2026-04-21"), d("2026-04-23"), d("2026-04-27")])
        #expect(april.opensOn == d("2026-04-15"))
        #expect(PeriodEngine.periods(for: regime(.monthly), year: 2026)[0].lock == nil)
        #expect(
            ReminderSchedule(daysBefore: [1, 3, 3, -2], daysAfter: [7, 0, 1])
                == ReminderSchedule(daysBefore: [3, 1], daysAfter: [1, 7]))
    }

    @Test("A requested (ad-hoc) period keeps the requester's date")
    func requested() {
        let r = ReportingRegime(name: "đột xuất", frequency: .adHoc, due: .setByRequester, lock: .daysAfterDue(5))
        let p = PeriodEngine.requestedPeriod(
            for: r, key: "2026-ad-1", label: "Báo cáo đột xuất",
            window: DataWindow(start: d("2026-01-01"), end: d("2026-03-10")), due: d("2026-03-14"))
        #expect(p.due == d("2026-03-14"))  // a Saturday, kept
        #expect(p.lock == d("2026-03-19"))
        #expect(r.problems.isEmpty)
    }

    @Test("Due rule syntax parses, prints and rejects")
    func dueSyntax() throws {
        let cases: [(String, DueRule)] = [
            ("before-day:20", .beforeDayOfLastMonth(20)), ("before-day-last-month:15", .beforeDayOfLastMonth(15)),
            ("by-day:25", .byDayOfLastMonth(25)), ("before:15/11", .beforeDate(day: 15, month: 11)),
            ("by:31/12", .byDate(day: 31, month: 12)), ("working-days-after-cutoff:3", .workingDaysAfterCutOff(3)),
            ("requester", .setByRequester),
        ]
        for (text, rule) in cases {
            #expect(DueRule(syntax: text) == rule)
            #expect(DueRule(syntax: rule.description) == rule)
        }
        for bad in [
            "", "before-day:0", "before-day:32", "before:31/4", "before:15/13", "by:x/1",
            "working-days-after-cutoff:-1", "soon", "before-day:",
        ] {
            #expect(DueRule(syntax: bad) == nil, "\(bad)")
        }
        #expect(LockRule(syntax: "days-after-due:10") == .daysAfterDue(10))
        #expect(LockRule(syntax: "never") == .never)
        #expect(LockRule(syntax: "days-after-due:-1") == nil)
        // "before day 31" in June is its last day, the calendar cut-off itself: postponed to 1 July (Wed).
        let june = PeriodEngine.periods(for: regime(.monthly, .calendar, due: "before-day:31"), year: 2026)[5]
        #expect(june.due == d("2026-07-01"))
        #expect(june.notes == [PeriodNote(kind: .postponedForCutOff, date: d("2026-06-30"))])
        // "by day 31" in February is the 28th/29th.
        #expect(PeriodEngine.periods(for: regime(.monthly, due: "by-day:31"), year: 2024)[1].due == d("2024-02-29"))
    }

    @Test("Regimes round-trip through JSON with rules as compact strings")
    func regimeCodable() throws {
        let id = UUID()
        let r = ReportingRegime(
            name: "Báo cáo quý", frequency: .quarterly, window: .calendar, due: .beforeDayOfLastMonth(15),
            lock: .daysAfterDue(15), reporters: .chosen(agencies: [id], groups: []),
            recipients: .init(named: "Sở Ngoại vụ"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(r)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""due":"before-day:15""#))
        #expect(text.contains(#""lock":"days-after-due:15""#))
        #expect(text.contains(#""kind":"chosen""#))
        #expect(try JSONDecoder().decode(ReportingRegime.self, from: data) == r)
        let minimal = try JSONDecoder().decode(ReportingRegime.self, from: Data(#"{"frequency":"monthly"}"#.utf8))
        #expect(minimal.window == .nd09 && minimal.due == .nd09Article13 && minimal.reporters == .planTaskLeads)
    }

    @Test("Regime problems")
    func problems() {
        #expect(regime(.monthly).problems.isEmpty)
        #expect(regime(.monthly, due: "before:15/11").problems == [.fixedDateForShortPeriods])
        #expect(regime(.yearly, due: "before:15/11").problems.isEmpty)
        #expect(regime(.monthly, due: "requester").problems == [.periodicNeedsDueRule])
        #expect(regime(.adHoc, due: "by-day:25").problems == [.adHocNeedsRequester])
        #expect(regime(.monthly, due: "working-days-after-cutoff:0").problems == [.noWorkingDayAfterCutOff])
    }
}
