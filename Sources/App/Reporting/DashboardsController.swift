import Fluent
import TTDNKit
import Vapor

/// The reporting dashboards across plans: every regime of the plans in force with its counts so far
/// (expected, sent, on time), the current ones first, each opening its plan's dashboard. Older plans
/// follow on request (`?all=1`), so the page stays short as the years add up.
enum DashboardsController {
    struct Page: Encodable {
        struct Row: Encodable {
            let plan: String
            let regime: String
            let year: Int
            let href: String
            let expected: Int
            let submitted: Int
            let onTime: Int
            let submittedRate: String
            let onTimeRate: String
            let late: Int
        }
        let layout: LayoutContext
        let rows: [Row]?
        let allHref: String?
    }

    @Sendable static func index(req: Request) async throws -> View {
        let today = req.today
        let all = req.query[String.self, at: "all"] == "1"
        var query = RegimeRecord.query(on: req.db).with(\.$plan)
        if !all { query = query.filter(\.$year >= today.year - 1) }
        let regimes = try await query.all().filter { $0.plan?.planStatus != .archived }
            .sorted { ($0.year, $0.plan?.title ?? "", $0.position) > ($1.year, $1.plan?.title ?? "", $1.position) }
        var rows: [Page.Row] = []
        for regime in regimes {
            guard let regimeID = regime.id, let plan = regime.plan, let planID = plan.id else { continue }
            let grid = try await req.reportingGrid(regimeID)
            let tally = grid.summary.overall
            rows.append(
                .init(
                    plan: plan.title, regime: regime.name, year: regime.year,
                    href: SiteURL.planReporting(planID).with(["regime": regimeID.uuidString]),
                    expected: tally.expected, submitted: tally.submitted, onTime: tally.onTime,
                    submittedRate: ReportingTally.percent(tally.submittedRate),
                    onTimeRate: ReportingTally.percent(tally.onTimeRate), late: tally.submitted - tally.onTime))
        }
        return try await req.view.render(
            "reports/dashboards",
            Page(
                layout: req.layout(titleKey: "dashboards.title"), rows: rows.nonEmpty,
                allHref: all ? nil : SiteURL.dashboards.with(["all": "1"])))
    }
}
