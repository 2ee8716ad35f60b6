import Fluent
import Foundation
import TTDNKit

/// Keeps obligations derived: who owes which report for which period follows the regime, the plan's
/// tasks and the directory. Called after anything that can change the answer (a plan import, a task
/// edit, an agency merge, a regime edit, a holiday entry) and by the scheduler's daily run.
enum ObligationService {
    struct Outcome: Equatable {
        var inserted = 0
        var reassigned = 0
        var deleted = 0
        var redated = 0
    }

    /// The law's holidays plus the days off and make-up days an admin entered.
    static func holidayCalendar(on db: any Database) async throws -> HolidayCalendar {
        let rows = try await HolidayAdjustmentRecord.query(on: db).all()
        let adjustments = rows.compactMap { row -> HolidayCalendar.Adjustment? in
            guard let date = LocalDate(iso: row.date), let kind = HolidayCalendar.Adjustment.Kind(rawValue: row.kind)
            else { return nil }
            return .init(date: date, kind: kind, note: row.note)
        }
        return HolidayCalendar(adjustments: adjustments)
    }

    /// Syncs every regime of a plan (all regimes when `planID` is nil).
    @discardableResult
    static func sync(planID: UUID?, on db: any Database, by audit: AuditContext) async throws -> Outcome {
        var query = RegimeRecord.query(on: db)
        if let planID { query = query.filter(\.$plan.$id == planID) }
        let regimes = try await query.all()
        guard !regimes.isEmpty else { return Outcome() }
        let names = try await PlanAgencyNames.load(on: db, today: audit.clock.today)
        let calendar = try await holidayCalendar(on: db)
        var total = Outcome()
        for regime in regimes {
            let o = try await sync(regime, names: names, calendar: calendar, on: db, by: audit)
            total.inserted += o.inserted
            total.reassigned += o.reassigned
            total.deleted += o.deleted
            total.redated += o.redated
        }
        return total
    }

    static func sync(
        _ record: RegimeRecord, names: PlanAgencyNames, calendar: HolidayCalendar, on db: any Database,
        by audit: AuditContext
    )
        async throws -> Outcome
    {
        let regimeID = try record.requireID()
        let regime = record.regime
        var periods = PeriodEngine.periods(for: regime, year: record.year, holidays: calendar)
        if !regime.frequency.isPeriodic {
            // Ad-hoc and special-topic: each request is a period.
            periods = try await ReportRequest.query(on: db).filter(\.$regime.$id == regimeID).all()
                .compactMap { $0.period(of: regime, holidays: calendar) }
        }
        let byKey = Dictionary(periods.map { ($0.key, $0) }) { a, _ in a }
        let agencies = try await reporters(of: regime, planID: record.$plan.id, names: names, on: db)
        let existing = try await Obligation.query(on: db).filter(\.$regime.$id == regimeID).all()
        let written = try await submittedObligationIDs(existing.compactMap(\.id), on: db)
        let changes = ObligationSync.changes(
            agencies: agencies, periods: periods.map(\.key),
            existing: existing.map {
                .init(id: $0.id!, agency: $0.$agency.id, period: $0.periodKey, hasSubmission: written.contains($0.id!))
            },
            successor: { id in
                let now = names.current(id)
                return now == id ? nil : now
            })
        return try await db.transaction { tx in
            var outcome = Outcome()
            for row in existing {
                let id = row.id!
                if changes.delete.contains(id) {
                    try await row.auditedDelete(on: tx, by: audit)
                    outcome.deleted += 1
                    continue
                }
                let newAgency = changes.reassign[id]
                let period = byKey[row.periodKey]
                let redate =
                    period.map { p in
                        row.dueOn != p.due?.iso || row.lockOn != p.lock?.iso || row.opensOn != p.opensOn.iso
                            || row.periodLabel != p.label
                    } ?? false
                guard newAgency != nil || redate else { continue }
                try await row.auditedUpdate(on: tx, by: audit) { row in
                    if let newAgency { row.$agency.id = newAgency }
                    if redate, let period { row.apply(period) }
                }
                if newAgency != nil { outcome.reassigned += 1 }
                if redate { outcome.redated += 1 }
            }
            for key in changes.insert {
                guard let period = byKey[key.period] else { continue }
                let row = Obligation()
                row.$regime.id = regimeID
                row.$agency.id = key.agency
                row.apply(period)
                try await row.auditedCreate(on: tx, by: audit)
                outcome.inserted += 1
            }
            return outcome
        }
    }

    /// The agencies a regime expects reports from, as named (successors are followed by the sync).
    static func reporters(of regime: ReportingRegime, planID: UUID?, names: PlanAgencyNames, on db: any Database)
        async throws -> [UUID]
    {
        func expand(agencies: [UUID], groups: [UUID]) -> [UUID] {
            agencies + groups.flatMap { Array(names.membersOf[$0] ?? []) }
        }
        switch regime.reporters {
        case .chosen(let agencies, let groups):
            return expand(agencies: agencies, groups: groups)
        case .planTaskLeads, .planAgencies:
            guard let planID else { return [] }
            let rows = try await TaskAgency.query(on: db)
                .join(PlanTask.self, on: \TaskAgency.$task.$id == \PlanTask.$id)
                .filter(PlanTask.self, \.$plan.$id == planID)
                .all()
            let named = rows.filter { regime.reporters == .planAgencies || $0.role == TaskAgency.Role.lead.rawValue }
            return expand(agencies: named.compactMap { $0.$agency.id }, groups: named.compactMap { $0.$group.id })
        }
    }

    /// Obligations with a submission row (a draft counts).
    static func submittedObligationIDs(_ ids: [UUID], on db: any Database) async throws -> Set<UUID> {
        guard !ids.isEmpty else { return [] }
        let rows = try await Submission.query(on: db).filter(\.$obligation.$id ~~ ids).field(\.$id).field(
            \.$obligation.$id
        ).all()
        return Set(rows.map { $0.$obligation.id })
    }

    /// Regimes for a plan's reporting duties (on import, or later from the plan's reporting page), each
    /// named after its frequency, for the plan's year (or `fallbackYear`).
    static func createRegimes(
        for plan: Plan, duties: [ReportingDuty], fallbackYear: Int, on db: any Database, by audit: AuditContext
    ) async throws -> Int {
        let planID = try plan.requireID()
        var count = 0
        for (index, duty) in duties.enumerated() {
            var regime = ReportingRegime(duty: duty, name: "")
            regime.name = "Báo cáo \(regime.frequency.vietnameseName.lowercased())"
            regime.planID = planID
            try await RegimeRecord(planID: planID, year: plan.year ?? fallbackYear, position: index, regime: regime)
                .auditedCreate(on: db, by: audit)
            count += 1
        }
        return count
    }
}
