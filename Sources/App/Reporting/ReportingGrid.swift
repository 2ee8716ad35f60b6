import Fluent
import Foundation
import SQLKit
import TTDNKit

/// The agencies × periods grid of one regime, loaded in two queries straight into plain rows (the
/// dashboard of a 40-agency, 12-period regime is 480 cells and must answer in milliseconds).
struct ReportingGrid: Sendable {
    struct ObligationRow: Decodable, Sendable {
        let id: UUID
        let agency_id: UUID
        let period_key: String
        let period_label: String
        let opens_on: String
        let due_on: String?
        let lock_on: String?
    }

    struct SubmissionRow: Decodable, Sendable, SubmissionColumns {
        let obligation_id: UUID
        let state: String
        let first_submitted_at: Date?
        let last_submitted_at: Date?
        let returned_at: Date?
        let accepted_at: Date?
        let resend_by: String?
        let resent_late: Bool?
    }

    struct Period: Sendable {
        let key: String
        let label: String
        let due: LocalDate?
    }

    struct Cell: Sendable {
        let obligationID: UUID
        let standing: ReportStanding
        let submittedAt: Date?
        let due: LocalDate?

        var status: ReportStatus { standing.status }
        var onTime: Bool? { standing.onTime }
    }

    let periods: [Period]
    let agencies: [UUID]
    /// `cells[agency index][period index]`.
    let cells: [[Cell?]]

    static func load(regimeID: UUID, now: Date, on db: any Database) async throws -> ReportingGrid {
        guard let sql = db as? any SQLDatabase else { return ReportingGrid(periods: [], agencies: [], cells: []) }
        let obligations = try await sql.select()
            .columns("id", "agency_id", "period_key", "period_label", "opens_on", "due_on", "lock_on")
            .from(Obligation.schema).where("regime_id", .equal, regimeID)
            .all(decoding: ObligationRow.self)
        let submissions = try await sql.select()
            .columns(
                (["obligation_id", "state"] + SubmissionRow.submissionColumns).map { SQLColumn($0, table: "s") }
            )
            .from(SQLAlias(SQLIdentifier(Submission.schema), as: SQLIdentifier("s")))
            .join(
                SQLAlias(SQLIdentifier(Obligation.schema), as: SQLIdentifier("o")),
                on: SQLColumn("obligation_id", table: "s"), .equal, SQLColumn("id", table: "o")
            )
            .where(SQLColumn("regime_id", table: "o"), .equal, SQLBind(regimeID))
            .all(decoding: SubmissionRow.self)
        return build(obligations: obligations, submissions: submissions, now: now)
    }

    static func build(obligations: [ObligationRow], submissions: [SubmissionRow], now: Date) -> ReportingGrid {
        var periodByKey: [String: Period] = [:]
        for o in obligations where periodByKey[o.period_key] == nil {
            periodByKey[o.period_key] = Period(
                key: o.period_key, label: o.period_label, due: o.due_on.flatMap(LocalDate.init(iso:)))
        }
        let periods = periodByKey.values.sorted { $0.key < $1.key }
        let periodIndex = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1.key, $0) })
        let agencies = Array(Set(obligations.map(\.agency_id)))
        let agencyIndex = Dictionary(uniqueKeysWithValues: agencies.enumerated().map { ($1, $0) })
        let byObligation = Dictionary(submissions.map { ($0.obligation_id, $0) }) { a, _ in a }
        var cells = Array(repeating: [Cell?](repeating: nil, count: periods.count), count: agencies.count)
        for o in obligations {
            let opens = LocalDate(iso: o.opens_on) ?? LocalDate(now)
            let due = o.due_on.flatMap(LocalDate.init(iso:))
            // A draft is not a submission: only its dates count, and a draft has none.
            let history = byObligation[o.id]?.history ?? .init()
            let standing = ReportStanding.of(opensOn: opens, due: due, history: history, now: now)
            cells[agencyIndex[o.agency_id]!][periodIndex[o.period_key]!] = Cell(
                obligationID: o.id, standing: standing, submittedAt: history.dates.firstSubmittedAt, due: due)
        }
        return ReportingGrid(periods: periods, agencies: agencies, cells: cells)
    }

    var summary: ReportingSummary {
        ReportingSummary(cells: cells.map { $0.map { $0.map { ReportingCell(status: $0.status, onTime: $0.onTime) } } })
    }
}

/// A submission's columns as plain SQL rows read them (the dashboard grid, the home pages), and the
/// history `ReportStanding` judges them on, in one place.
protocol SubmissionColumns {
    var first_submitted_at: Date? { get }
    var last_submitted_at: Date? { get }
    var returned_at: Date? { get }
    var accepted_at: Date? { get }
    var resend_by: String? { get }
    var resent_late: Bool? { get }
}

extension SubmissionColumns {
    /// The submission columns selected by those rows.
    static var submissionColumns: [String] {
        ["first_submitted_at", "last_submitted_at", "returned_at", "accepted_at", "resend_by", "resent_late"]
    }

    var history: ReportStanding.History {
        .init(
            dates: SubmissionDates(
                firstSubmittedAt: first_submitted_at, lastSubmittedAt: last_submitted_at, returnedAt: returned_at,
                acceptedAt: accepted_at),
            resendBy: resend_by.flatMap(LocalDate.init(iso:)), resentLateBefore: resent_late ?? false)
    }
}
