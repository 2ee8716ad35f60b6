import Fluent
import Foundation
import SQLKit
import TTDNKit
import Vapor

/// One request under an ad-hoc or special-topic regime ("báo cáo đột xuất về …"): its own data window and
/// the requester's due date. Each request is a period of the regime; the sync derives the obligations.
final class ReportRequest: Model, @unchecked Sendable {
    static let schema = "report_requests"

    @ID(key: .id) var id: UUID?
    @Parent(key: "regime_id") var regime: RegimeRecord
    @Field(key: "period_key") var periodKey: String
    @Field(key: "label") var label: String
    @Field(key: "window_start") var windowStart: String
    @Field(key: "window_end") var windowEnd: String
    @Field(key: "due_on") var dueOn: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    func period(of regime: ReportingRegime, holidays: HolidayCalendar) -> ReportingPeriod? {
        guard let start = LocalDate(iso: windowStart), let end = LocalDate(iso: windowEnd),
            let due = LocalDate(iso: dueOn)
        else { return nil }
        return PeriodEngine.requestedPeriod(
            for: regime, key: periodKey, label: label, window: DataWindow(start: start, end: end), due: due,
            holidays: holidays)
    }
}

extension ReportRequest: Auditable {
    static let auditType = "report_request"
    var auditLabel: String { label }
    var auditFields: [String: String] {
        [
            "regime_id": $regime.id.uuidString, "period_key": periodKey, "label": label, "window_start": windowStart,
            "window_end": windowEnd, "due_on": dueOn,
        ]
    }
}

struct CreateReportRequests: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReportRequest.schema)
            .id()
            .field("regime_id", .uuid, .required, .references(RegimeRecord.schema, "id", onDelete: .cascade))
            .field("period_key", .string, .required)
            .field("label", .string, .required)
            .field("window_start", .string, .required)
            .field("window_end", .string, .required)
            .field("due_on", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "regime_id", "period_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReportRequest.schema).delete()
    }
}

/// The coordinator asks for an ad-hoc report: what about, which data window, by when.
enum ReportRequestController {
    struct Form: Content {
        var label: String?
        var start: String?
        var end: String?
        var due: String?
    }

    @Sendable static func create(req: Request) async throws -> Response {
        guard let record = try await RegimeRecord.find(req.recordID(), on: req.db) else { throw Abort(.notFound) }
        let form = try req.content.decode(Form.self)
        let label = FormText.value(form.label) ?? ""
        let start = LocalDate(iso: form.start ?? "")
        let end = LocalDate(iso: form.end ?? "")
        let due = LocalDate(iso: form.due ?? "")
        var problem: String?
        if record.regime.frequency.isPeriodic {
            problem = "request.error.periodic"
        } else if label.isEmpty || label.count > 300 {
            problem = "request.error.label"
        } else if start == nil || end == nil || end! < start! {
            problem = "request.error.window"
        } else if due == nil || due! < end! {
            problem = "request.error.due"
        }
        guard problem == nil, let start, let end, let due else {
            req.flash(.error, req.t(problem ?? "request.error.window"))
            return req.redirect(to: SiteURL.regime(record.id!).path)
        }
        let count = try await ReportRequest.query(on: req.db).filter(\.$regime.$id == record.id!).count()
        let row = ReportRequest()
        row.$regime.id = record.id!
        row.periodKey = "\(due.year)-R\(String(format: "%02d", count + 1))"
        row.label = label
        row.windowStart = start.iso
        row.windowEnd = end.iso
        row.dueOn = due.iso
        try await req.db.transaction { tx in
            try await row.auditedCreate(on: tx, by: req.auditContext)
            try await ObligationService.sync(planID: record.$plan.id, on: tx, by: req.auditContext)
        }
        req.flash(.success, req.t("request.created"))
        return req.redirect(to: SiteURL.regime(record.id!).path)
    }
}
