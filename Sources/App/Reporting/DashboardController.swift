import Fluent
import Foundation
import TTDNKit
import Vapor

enum DashboardController {
    @Sendable static func show(req: Request) async throws -> View {
        let page = try await DashboardPage.load(req: req, planID: req.recordID())
        return try await req.view.render("reports/dashboard", page)
    }

    /// The grid as CSV: one line per agency and period, with the dates behind the status.
    @Sendable static func csv(req: Request) async throws -> Response {
        let planID = try req.recordID()
        let regimeID = req.query[String.self, at: "regime"].flatMap(UUID.init(uuidString:))
        guard let regimeID, let regime = try await RegimeRecord.find(regimeID, on: req.db), regime.$plan.id == planID
        else { throw Abort(.notFound) }
        let status = req.query[String.self, at: "status"].flatMap(ReportStatus.init(rawValue:))
        let grid = try await req.reportingGrid(regimeID)
        let names = try await req.directoryNames()
        var rows = [
            [
                "agency_code", "agency", "period", "period_label", "due", "status", "status_label",
                "first_submitted_at", "on_time", "sending", "sending_label", "review", "review_label", "resend_by",
            ]
        ]
        let order = grid.agencies.indices.sorted {
            (names.agencies[grid.agencies[$0]]?.sortKey ?? "") < (names.agencies[grid.agencies[$1]]?.sortKey ?? "")
        }
        let stamp = ISO8601DateFormatter()
        stamp.timeZone = LocalDate.vietnam
        for a in order {
            let agency = names.agencies[grid.agencies[a]]
            for (p, period) in grid.periods.enumerated() {
                guard let cell = grid.cells[a][p], status == nil || cell.status == status else { continue }
                rows.append([
                    agency?.code ?? "", agency?.officialName ?? "", period.key,
                    PeriodText.label(period.key, stored: period.label, req.locale), cell.due?.iso ?? "",
                    cell.status.rawValue, req.t("report.status.\(cell.status.rawValue)"),
                    cell.submittedAt.map { stamp.string(from: $0) } ?? "",
                    cell.onTime.map { $0 ? "yes" : "no" } ?? "",
                    cell.standing.sending.rawValue, StandingText.sending(cell.standing, req),
                    cell.standing.review.rawValue, StandingText.review(cell.standing, req) ?? "",
                    cell.standing.resendBy?.iso ?? "",
                ])
            }
        }
        let text = CSVTable.encode(rows)
        let name =
            "bao-cao-\(VietnameseText.fold(regime.name).lowercased().replacingOccurrences(of: " ", with: "-"))-\(regime.year).csv"
        return PlanController.download(
            Data(("\u{FEFF}" + text).utf8), filename: name, contentType: "text/csv; charset=utf-8")
    }
}
