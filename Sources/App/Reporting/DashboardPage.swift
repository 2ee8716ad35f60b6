import Fluent
import Foundation
import LeafKit
import TTDNKit
import Vapor

/// The plan's reporting dashboard: one regime's agencies × periods, each cell's status, counts and rates
/// per agency, per period and overall, the trend chart, filters and the CSV.
struct DashboardPage: Encodable {
    struct TallyText: Encodable {
        let expected: Int
        let submitted: Int
        let onTime: Int
        let submittedRate: String
        let onTimeRate: String

        init(_ t: ReportingTally) {
            expected = t.expected
            submitted = t.submitted
            onTime = t.onTime
            submittedRate = ReportingTally.percent(t.submittedRate)
            onTimeRate = ReportingTally.percent(t.onTimeRate)
        }
    }

    struct PeriodHead: Encodable {
        let key: String
        let label: String
        let due: String?
        let tally: TallyText
        let reportHref: String?
        /// "Nhắc các đơn vị chậm": for the office, when someone is late with this period.
        let remindHref: String?
    }

    /// A cell: when the report was sent (its colour and first line) and where its review stands (the second).
    struct CellView: Encodable {
        /// The period's name, for the cell's label when the grid is a list on a phone.
        let period: String
        let sending: String
        let label: String
        let review: String
        let reviewLabel: String?
        let href: String?
    }

    struct Row: Encodable {
        let agency: String
        let cells: [CellView]
        let tally: TallyText
    }

    /// One line of the legend: a class for its swatch, the words, how many cells.
    struct Legend: Encodable {
        let status: String
        let label: String
        let count: Int
    }

    let layout: LayoutContext
    let planTitle: String
    let planHref: String
    let regimes: [SelectOption]?
    let regimeName: String?
    let regimeHref: String?
    let regimeProblems: [String]?
    let statuses: [SelectOption]
    let query: String
    let periods: [PeriodHead]?
    /// Whether the grid has rows, and the rows as HTML (`DashboardGridHTML`).
    let hasRows: Bool
    let rowsHTML: String
    let overall: TallyText?
    /// The trend chart drawn wide (screens) and narrow (phones); the stylesheet shows one.
    let charts: [ChartView]?
    /// When reports were sent; its counts are the rates' numerators (docs/REPORTING.md, Timeliness).
    let legend: [Legend]?
    /// Where their review stands.
    let reviewLegend: [Legend]?
    let csvHref: String?
    let followUpHref: String
    let createRegimes: String?
    let duties: Int
    let shown: Int
    let total: Int

    struct Filter: Decodable {
        var regime: String?
        var status: String?
        var q: String?
    }

    static func load(req: Request, planID: UUID) async throws -> DashboardPage {
        guard let plan = try await Plan.find(planID, on: req.db) else { throw Abort(.notFound) }
        let filter = try req.query.decode(Filter.self)
        let actor = req.auth.get(User.self)?.actor
        let reviewer = Policy.allows(actor, .reviewReports)
        let regimes = try await RegimeRecord.query(on: req.db).filter(\.$plan.$id == planID).sort(\.$position).all()
        let duties = try await PlanReportingDuty.query(on: req.db).filter(\.$plan.$id == planID).count()
        let chosen =
            regimes.first { $0.id?.uuidString == filter.regime } ?? regimes.first { $0.regime.frequency.isPeriodic }
            ?? regimes.first
        let statusFilter = filter.status.flatMap(ReportStatus.init(rawValue:))
        let statuses =
            [SelectOption(value: "", label: req.t("dashboard.filter.all"), selected: statusFilter == nil)]
            + ReportStatus.allCases.map {
                SelectOption(
                    value: $0.rawValue, label: req.t("report.status.\($0.rawValue)"), selected: $0 == statusFilter)
            }
        let base = DashboardPage(
            layout: req.layout(title: req.t("dashboard.title")), planTitle: plan.title,
            planHref: SiteURL.plan(planID).path,
            regimes: regimes.map {
                SelectOption(value: $0.id!.uuidString, label: "\($0.name) (\($0.year))", selected: $0.id == chosen?.id)
            }.nonEmpty,
            regimeName: nil, regimeHref: nil, regimeProblems: nil, statuses: statuses, query: filter.q ?? "",
            periods: nil, hasRows: false, rowsHTML: "",
            overall: nil, charts: nil, legend: nil, reviewLegend: nil, csvHref: nil,
            followUpHref: SiteURL.planFollowUp(planID).path,
            createRegimes: reviewer && regimes.isEmpty ? SiteURL.planRegimes(planID).path : nil, duties: duties,
            shown: 0, total: 0)
        guard let chosen, let regimeID = chosen.id else { return base }
        let grid = try await req.reportingGrid(regimeID)
        let names = try await req.directoryNames()
        let summary = grid.summary
        let locale = req.locale
        let needle = VietnameseText.searchKey(filter.q ?? "")
        let order = grid.agencies.indices.sorted {
            (names.agencies[grid.agencies[$0]]?.sortKey ?? "") < (names.agencies[grid.agencies[$1]]?.sortKey ?? "")
        }
        var reviews: [ReportStanding.Review: Int] = [:]
        var notDue = 0
        for row in grid.cells {
            for cell in row {
                guard let cell else { continue }
                reviews[cell.standing.review, default: 0] += 1
                if !cell.standing.isExpected { notDue += 1 }
            }
        }
        let periodLabels = grid.periods.map { PeriodText.label($0.key, stored: $0.label, locale) }
        let rows: [Row] = order.compactMap { a in
            let agencyID = grid.agencies[a]
            let name = names.name(of: agencyID) ?? "—"
            if !needle.isEmpty && !VietnameseText.searchKey(name).contains(needle) { return nil }
            if let statusFilter, !grid.cells[a].contains(where: { $0?.status == statusFilter }) { return nil }
            let mayOpen = reviewer || Policy.mayRead(actor, reportOf: agencyID)
            let cells = grid.cells[a].enumerated().map { p, cell -> CellView in
                guard let cell else {
                    return CellView(
                        period: periodLabels[p], sending: "none", label: "", review: "none", reviewLabel: nil,
                        href: nil)
                }
                return CellView(
                    period: periodLabels[p], sending: cell.standing.sending.rawValue,
                    label: StandingText.sending(cell.standing, req),
                    review: cell.standing.review.rawValue, reviewLabel: StandingText.review(cell.standing, req),
                    href: mayOpen ? SiteURL.report(cell.obligationID).path : nil)
            }
            return Row(agency: name, cells: cells, tally: TallyText(summary.byAgency[a] ?? ReportingTally()))
        }
        let series: [TrendChart.Series] = [
            .init(
                name: req.t("dashboard.chart.submitted"), cssClass: "submitted",
                values: grid.periods.indices.map { summary.byPeriod[$0]?.submittedRate }),
            .init(
                name: req.t("dashboard.chart.on_time"), cssClass: "on-time",
                values: grid.periods.indices.map { summary.byPeriod[$0]?.onTimeRate }),
        ]
        let shortLabels = grid.periods.map { PeriodText.short($0.key) }
        let title = req.t("dashboard.chart.title")
        let charts = [
            ChartView(variant: "wide", chart: TrendChart.layout(title: title, periods: shortLabels, series: series)),
            ChartView(
                variant: "narrow",
                chart: TrendChart.layout(
                    title: title, periods: shortLabels, series: series, width: 360, height: 250, maxLabels: 6)),
        ]
        var query = ["regime": regimeID.uuidString]
        if let statusFilter { query["status"] = statusFilter.rawValue }
        return DashboardPage(
            layout: base.layout, planTitle: base.planTitle, planHref: base.planHref, regimes: base.regimes,
            regimeName: chosen.name, regimeHref: reviewer ? SiteURL.regime(regimeID).path : nil,
            regimeProblems: chosen.regime.problems.map { req.t("regime.problem.\($0.rawValue)") }.nonEmpty,
            statuses: statuses, query: base.query,
            periods: grid.periods.enumerated().map { p, period in
                PeriodHead(
                    key: period.key, label: periodLabels[p], due: period.due.map { Formatting.date($0, locale) },
                    tally: TallyText(summary.byPeriod[p] ?? ReportingTally()),
                    // The office edits the compiled report; those who read every agency's reports read it printed.
                    reportHref: reviewer
                        ? SiteURL.consolidated(regimeID).with(["period": period.key])
                        : Policy.allows(actor, .readAllReports)
                            ? SiteURL.consolidatedPrint(regimeID).with(["period": period.key]) : nil,
                    remindHref: reviewer
                        && grid.cells.contains { row in
                            row[p].map { ReportAgenda.bucket($0.standing, due: $0.due, today: req.today) == .late }
                                ?? false
                        }
                        ? SiteURL.remindNow(regimeID).with(["period": period.key]) : nil)
            }.nonEmpty,
            hasRows: !rows.isEmpty, rowsHTML: DashboardGridHTML.rows(rows, rateLabel: req.t("dashboard.rate")),
            overall: TallyText(summary.overall), charts: grid.periods.isEmpty ? nil : charts,
            legend: [
                Legend(status: "on-time", label: req.t("dashboard.legend.on_time"), count: summary.overall.onTime),
                Legend(
                    status: "late", label: req.t("dashboard.legend.late"),
                    count: summary.overall.submitted - summary.overall.onTime),
                Legend(
                    status: "missing", label: req.t("dashboard.legend.missing"),
                    count: summary.overall.expected - summary.overall.submitted),
                Legend(status: "not-yet-due", label: req.t("dashboard.legend.not_due"), count: notDue),
            ],
            reviewLegend: [ReportStanding.Review.waiting, .returned, .accepted].map {
                Legend(status: $0.rawValue, label: req.t("report.review.\($0.rawValue)"), count: reviews[$0] ?? 0)
            },
            csvHref: SiteURL.planReportingCSV(planID).with(query), followUpHref: base.followUpHref, createRegimes: nil,
            duties: duties,
            shown: rows.count, total: grid.agencies.count)
    }
}

extension PeriodText {
    /// Axis labels: `T5`, `Q2`, `H1`, `9T`, the year.
    static func short(_ key: String) -> String {
        let parts = key.split(separator: "-")
        guard parts.count == 2 else { return key }
        if let month = Int(parts[1]) { return "T\(month)" }
        return parts[1] == "9M" ? "9T" : String(parts[1])
    }
}

// The tallies as Leaf sees them, built directly (see PlanLeafData.swift: Leaf's encoder and its conversion
// of numbers). The grid's rows are HTML already (`DashboardGridHTML`).
extension DashboardPage.TallyText: LeafDataRepresentable {
    var leafData: LeafData {
        .dictionary([
            "expected": .string(String(expected)), "submitted": .string(String(submitted)),
            "onTime": .string(String(onTime)),
            "submittedRate": .string(submittedRate), "onTimeRate": .string(onTimeRate),
        ])
    }
}
