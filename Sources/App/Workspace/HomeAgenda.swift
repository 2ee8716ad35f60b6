import Fluent
import Foundation
import SQLKit
import TTDNKit
import Vapor

/// The reports a home page is about: every obligation due in the last year (or later) with its regime and its
/// submission's dates (one query, kept in memory per day until a report changes: `MemoryCaches`), judged by
/// `ReportStanding` and sorted into `ReportAgenda`'s buckets. The coordinator's home takes all agencies; the
/// officer's, their own agency (and those it took over).
struct HomeAgenda {
    struct Line: Encodable {
        let href: String
        let agency: String
        let regime: String
        let period: String
        let due: String?
        /// "Chưa gửi, quá hạn" · "Chờ duyệt" …
        let standing: String
        let sending: String
        /// "12 ngày", for a late report.
        let late: String?
        /// The office's comment on a returned report.
        let comment: String?
    }

    /// Late reports of one agency: how many, and the latest first.
    struct AgencyLate: Encodable {
        let agency: String
        let count: Int
        let worst: String
        let lines: [Line]
    }

    var dueSoon: [Line] = []
    var late: [AgencyLate] = []
    var lateCount = 0
    var waiting: [Line] = []
    var returned: [Line] = []

    struct Row: Decodable, Sendable, SubmissionColumns {
        let id: UUID
        let agency_id: UUID
        let period_key: String
        let period_label: String
        let opens_on: String
        let due_on: String?
        let regime_name: String
        let first_submitted_at: Date?
        let last_submitted_at: Date?
        let returned_at: Date?
        let accepted_at: Date?
        let resend_by: String?
        let resent_late: Bool?
        let review_comment: String?
    }

    /// Every obligation due since a little over a year before `today`, with its regime and submission.
    static func rows(today: LocalDate, on db: any Database) async throws -> [Row] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let since = today.adding(days: -400).iso
        return try await sql.select()
            .columns(
                SQLColumn("id", table: "o"), SQLColumn("agency_id", table: "o"),
                SQLColumn("period_key", table: "o"),
                SQLColumn("period_label", table: "o"), SQLColumn("opens_on", table: "o"),
                SQLColumn("due_on", table: "o"),
                SQLAlias(SQLColumn("name", table: "r"), as: SQLIdentifier("regime_name")),
                SQLColumn("review_comment", table: "s")
            )
            .columns(Row.submissionColumns.map { SQLColumn($0, table: "s") })
            .from(SQLAlias(SQLIdentifier(Obligation.schema), as: SQLIdentifier("o")))
            .join(
                SQLAlias(SQLIdentifier(RegimeRecord.schema), as: SQLIdentifier("r")),
                on: SQLColumn("regime_id", table: "o"), .equal, SQLColumn("id", table: "r")
            )
            .join(
                SQLAlias(SQLIdentifier(Submission.schema), as: SQLIdentifier("s")), method: SQLJoinMethod.left,
                on: SQLColumn("obligation_id", table: "s"), .equal, SQLColumn("id", table: "o")
            )
            .where(SQLColumn("due_on", table: "o"), .greaterThanOrEqual, SQLBind(since))
            .all(decoding: Row.self)
            .sorted { ($0.due_on ?? "", $0.regime_name) < ($1.due_on ?? "", $1.regime_name) }
    }

    /// A report that belongs on a home page: its row, judged as of a day.
    struct Judged: Sendable {
        let row: Row
        let due: LocalDate?
        let standing: ReportStanding
        let bucket: ReportAgenda.Bucket
        let daysLate: Int?
    }

    /// The reports of `rows` that belong in one of the lists, judged at `now` (standings change by the day).
    static func judged(today: LocalDate, now: Date, on db: any Database) async throws -> [Judged] {
        try await rows(today: today, on: db).compactMap { row in
            let due = row.due_on.flatMap(LocalDate.init(iso:))
            let standing = ReportStanding.of(
                opensOn: LocalDate(iso: row.opens_on) ?? today, due: due, history: row.history, now: now)
            guard let bucket = ReportAgenda.bucket(standing, due: due, today: today) else { return nil }
            return Judged(
                row: row, due: due, standing: standing, bucket: bucket,
                daysLate: ReportAgenda.daysLate(standing, due: due, today: today))
        }
    }

    /// `agencies`: nil for every agency (the office), else the agency's lineage.
    static func load(agencies: Set<UUID>?, req: Request) async throws -> HomeAgenda {
        if let agencies, agencies.isEmpty { return HomeAgenda() }
        let all = try await MemoryCaches.of(req.application).agenda(today: req.today, now: req.now, on: req.db)
        let judged = agencies.map { mine in all.filter { mine.contains($0.row.agency_id) } } ?? all
        let names = try await req.directoryNames()
        var agenda = HomeAgenda()
        var lateByAgency: [UUID: [(Int, Line)]] = [:]
        for item in judged {
            let (row, due, standing, bucket, daysLate) = (item.row, item.due, item.standing, item.bucket, item.daysLate)
            let line = Line(
                href: SiteURL.report(row.id).path, agency: names.name(of: row.agency_id) ?? "—",
                regime: row.regime_name, period: PeriodText.label(row.period_key, stored: row.period_label, req.locale),
                due: due.map { Formatting.date($0, req.locale) }, standing: StandingText.line(standing, req),
                sending: standing.sending.rawValue, late: daysLate.map { req.t("home.days_late", String($0)) },
                comment: bucket == .returned || standing.sending == .resendOverdue ? row.review_comment : nil)
            switch bucket {
            case .dueSoon: agenda.dueSoon.append(line)
            case .late: lateByAgency[row.agency_id, default: []].append((daysLate ?? 0, line))
            case .waiting: agenda.waiting.append(line)
            case .returned: agenda.returned.append(line)
            }
        }
        agenda.lateCount = lateByAgency.values.reduce(0) { $0 + $1.count }
        agenda.late = lateByAgency.map { agencyID, lines in
            let sorted = lines.sorted { $0.0 > $1.0 }
            return AgencyLate(
                agency: names.name(of: agencyID) ?? "—", count: lines.count,
                worst: String(sorted.first?.0 ?? 0), lines: sorted.map(\.1))
        }.sorted { ($0.count, $0.agency) > ($1.count, $1.agency) }
        return agenda
    }
}
