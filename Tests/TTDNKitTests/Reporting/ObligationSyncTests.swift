import Foundation
import Testing

@testable import TTDNKit

@Suite struct ObligationSyncTests {
    let a = UUID(), b = UUID(), merged = UUID(), successor = UUID()

    func successorOf(_ id: UUID) -> UUID? { id == merged ? successor : nil }

    @Test func insertsEveryExpectedPairOnAnEmptyRegime() {
        let changes = ObligationSync.changes(
            agencies: [a, b, a], periods: ["2026-Q1", "2026-Q2"], existing: [], successor: successorOf)
        #expect(changes.insert.count == 4)
        #expect(Set(changes.insert.map(\.agency)) == [a, b])
        #expect(changes.delete.isEmpty && changes.reassign.isEmpty)
    }

    @Test func secondRunChangesNothing() {
        let existing = [ObligationSync.Existing(id: UUID(), agency: a, period: "2026-Q1", hasSubmission: false)]
        #expect(
            ObligationSync.changes(agencies: [a], periods: ["2026-Q1"], existing: existing, successor: successorOf)
                .isEmpty)
    }

    @Test func anAgencyNamedByItsOldNameOwesUnderItsSuccessor() {
        let changes = ObligationSync.changes(
            agencies: [merged], periods: ["2026-Q1"], existing: [], successor: successorOf)
        #expect(changes.insert == [ObligationSync.Key(agency: successor, period: "2026-Q1")])
    }

    @Test func mergedAgencyHandsOpenObligationsToItsSuccessorAndKeepsSubmittedOnes() {
        let open = UUID()
        let written = UUID()
        let existing = [
            ObligationSync.Existing(id: open, agency: merged, period: "2026-Q2", hasSubmission: false),
            ObligationSync.Existing(id: written, agency: merged, period: "2026-Q1", hasSubmission: true),
        ]
        let changes = ObligationSync.changes(
            agencies: [merged], periods: ["2026-Q1", "2026-Q2"], existing: existing, successor: successorOf)
        #expect(changes.reassign == [open: successor])
        // The successor still owes Q1 itself: the old agency's submission stays as history.
        #expect(changes.insert == [ObligationSync.Key(agency: successor, period: "2026-Q1")])
        #expect(changes.delete.isEmpty)
    }

    @Test func anOpenObligationOfAMergedAgencyIsDroppedWhenTheSuccessorAlreadyOwesThePeriod() {
        let old = UUID()
        let existing = [
            ObligationSync.Existing(id: old, agency: merged, period: "2026-Q1", hasSubmission: false),
            ObligationSync.Existing(id: UUID(), agency: successor, period: "2026-Q1", hasSubmission: false),
        ]
        let changes = ObligationSync.changes(
            agencies: [successor], periods: ["2026-Q1"], existing: existing, successor: successorOf)
        #expect(changes.delete == [old])
        #expect(changes.insert.isEmpty && changes.reassign.isEmpty)
    }

    @Test func noLongerExpectedIsDeletedUnlessSomethingWasWritten() {
        let blank = UUID()
        let draft = UUID()
        let existing = [
            ObligationSync.Existing(id: blank, agency: b, period: "2026-Q1", hasSubmission: false),
            ObligationSync.Existing(id: draft, agency: b, period: "2026-Q2", hasSubmission: true),
        ]
        let changes = ObligationSync.changes(
            agencies: [a], periods: ["2026-Q1", "2026-Q2"], existing: existing, successor: successorOf)
        #expect(changes.delete == [blank])
        #expect(changes.insert.count == 2)
    }

    @Test func successorChainsAreFollowedAndCyclesStop() {
        let x = UUID()
        let y = UUID()
        let z = UUID()
        #expect(ObligationSync.current(x, successor: { $0 == x ? y : $0 == y ? z : nil }) == z)
        #expect(ObligationSync.current(x, successor: { $0 == x ? y : x }) == y)
    }
}

@Suite struct ReportingSummaryTests {
    @Test func ratesCountOnlyWhatWasDue() {
        let cells: [[ReportingCell?]] = [
            [
                ReportingCell(status: .accepted, onTime: true), ReportingCell(status: .missingOverdue, onTime: nil),
                ReportingCell(status: .open, onTime: nil),
            ],
            [
                ReportingCell(status: .submittedLate, onTime: false), nil,
                ReportingCell(status: .submittedOnTime, onTime: true),
            ],
        ]
        let summary = ReportingSummary(cells: cells)
        #expect(summary.overall == ReportingTally(expected: 4, submitted: 3, onTime: 2))
        #expect(summary.byAgency[0] == ReportingTally(expected: 2, submitted: 1, onTime: 1))
        #expect(summary.byPeriod[2] == ReportingTally(expected: 1, submitted: 1, onTime: 1))
        #expect(ReportingTally.percent(summary.overall.submittedRate) == "75%")
        #expect(ReportingTally.percent(ReportingTally().onTimeRate) == "—")
    }

    @Test func trendChartDrawsBothSeriesAndBreaksAtGaps() {
        // The dashboard's template draws this layout as SVG (Leaf escapes the texts).
        let chart = TrendChart.layout(
            title: "Tỉ lệ gửi", periods: ["Q1", "Q2", "Q3"],
            series: [
                .init(name: "Đã gửi", cssClass: "submitted", values: [1, nil, 0.5]),
                .init(name: "Đúng hạn", cssClass: "on-time", values: [0.5, 0.25, 0]),
            ], width: 640, height: 240)
        #expect(chart.xLabels.map(\.text) == ["Q1", "Q2", "Q3"])
        let submitted = chart.series[0]
        #expect(submitted.polylines.isEmpty, "a gap leaves two single points")
        #expect(submitted.points.count == 2)
        let onTime = chart.series[1]
        #expect(onTime.polylines.count == 1 && onTime.points.count == 3)
        #expect(onTime.legendText.text == "Đúng hạn")
    }

    @Test func aNarrowChartLabelsEveryOtherMonthButKeepsEveryPoint() {
        let months = (1...12).map { "T\($0)" }
        let chart = TrendChart.layout(
            title: "Tỉ lệ gửi", periods: months,
            series: [.init(name: "Đã gửi", cssClass: "submitted", values: months.map { _ in 0.5 })],
            width: 360, height: 250, maxLabels: 6)
        #expect(chart.xLabels.map(\.text) == ["T1", "T3", "T5", "T7", "T9", "T11"])
        #expect(chart.series[0].points.count == 12)
        #expect(TrendChart.layout(title: "", periods: months, series: []).xLabels.count == 12)
    }

    @Test func indicatorsAddUpByTheirRule() {
        let perAgency: [[Double]] = [[3, 4, 5], [10]]
        #expect(IndicatorAggregation.sum.total(perAgency) == 22)
        #expect(IndicatorAggregation.latest.total(perAgency) == 15)
        #expect(IndicatorAggregation.maximum.total(perAgency) == 10)
        #expect(IndicatorAggregation.sum.total([]) == nil)
        #expect(IndicatorAggregation.format(12) == "12" && IndicatorAggregation.format(2.5) == "2.5")
    }
}

@Suite struct TaskRollUpTests {
    @Test func parentsTakeTheMeanAndAreDoneWhenEveryChildIs() {
        let top = UUID()
        let a = UUID()
        let b = UUID()
        let lone = UUID()
        let d1 = LocalDate(year: 2026, month: 3, day: 1)!
        let d2 = LocalDate(year: 2026, month: 5, day: 2)!
        var nodes = [
            TaskRollUp.Node(id: top, parent: nil, progress: 0, completedOn: nil),
            .init(id: a, parent: top, progress: 100, completedOn: d1),
            .init(id: b, parent: top, progress: 40, completedOn: nil),
            .init(id: lone, parent: nil, progress: 130, completedOn: nil),
        ]
        var rolled = TaskRollUp.roll(nodes)
        #expect(rolled[top] == .init(progress: 70, completedOn: nil))
        #expect(rolled[lone]?.progress == 100)
        nodes[2].completedOn = d2
        rolled = TaskRollUp.roll(nodes)
        #expect(rolled[top] == .init(progress: 100, completedOn: d2))
    }
}

@Suite struct ReminderPlannerTests {
    @Test func remindsOnScheduleOnlyWhileNothingWasSent() {
        let due = LocalDate(year: 2026, month: 6, day: 15)!
        let schedule = ReminderSchedule(daysBefore: [3, 0], daysAfter: [1, 7])
        func item(_ status: ReportStatus) -> ReminderPlanner.Item {
            .init(obligationID: UUID(), agencyID: UUID(), due: due, status: status, schedule: schedule)
        }
        let items = [item(.open), item(.submittedOnTime), item(.accepted), item(.returned)]
        let threeBefore = ReminderPlanner.due(on: due.addingDays(-3), items)
        #expect(threeBefore.count == 2 && threeBefore.allSatisfy { $0.kind == .before && $0.days == 3 })
        #expect(ReminderPlanner.due(on: due.addingDays(-2), items).isEmpty)
        #expect(ReminderPlanner.due(on: due, items).count == 2)
        let late = ReminderPlanner.due(on: due.addingDays(7), [item(.missingOverdue), item(.submittedLate)])
        #expect(late.map(\.kind) == [.after] && late[0].days == 7)
        #expect(late[0].key(on: due.addingDays(7)).hasSuffix("|2026-06-22"))
    }
}
