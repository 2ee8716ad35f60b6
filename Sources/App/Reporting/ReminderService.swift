import Fluent
import Foundation
import SQLKit
import TTDNKit
import Vapor

/// Sends the day's reminders and the coordinators' daily summary. Every reminder (and each day's summary)
/// is claimed in `job_claims` under its key before it is sent: the unique key lets exactly one app instance
/// or cron run win, so several instances and `ttdn remind` together send each reminder once.
struct ReminderService {
    let app: Application
    let db: any Database
    /// Who claims: the instance (host and process), recorded on the claim.
    var claimant = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"

    struct Outcome: Equatable {
        var reminders: [ReminderPlanner.Reminder] = []
        /// Reminders this run sent (claimed); the others were sent before or by someone else.
        var sent = 0
        var summarySent = false
        var missing = 0
        var waiting = 0
    }

    /// The reminders due on `today`; with `send`, claims and delivers them (in-app notifications, e-mail when
    /// SMTP is configured).
    func run(today: LocalDate = .today(), send: Bool, now: Date = Date()) async throws -> Outcome {
        let obligations = try await Obligation.query(on: db).filter(\.$dueOn != nil).with(\.$regime).all()
        let ids = obligations.compactMap(\.id)
        let submissions = ids.isEmpty ? [] : try await Submission.query(on: db).filter(\.$obligation.$id ~~ ids).all()
        let byObligation = Dictionary(submissions.map { ($0.$obligation.id, $0) }) { a, _ in a }
        var items: [ReminderPlanner.Item] = []
        var outcome = Outcome()
        let moment = today.startOfDay().addingTimeInterval(12 * 3600)
        // Each regime's definition decoded once, not once per obligation.
        var schedules: [UUID: ReminderSchedule] = [:]
        for o in obligations where schedules[o.$regime.id] == nil {
            schedules[o.$regime.id] = o.regime.regime.reminders
        }
        for o in obligations {
            guard let due = o.due else { continue }
            let status = ReportTimeliness.status(
                opensOn: o.opens, due: due, submission: byObligation[o.id!]?.dates ?? .none, now: moment)
            if status == .missingOverdue { outcome.missing += 1 }
            if byObligation[o.id!]?.submissionState == .submitted { outcome.waiting += 1 }
            items.append(
                .init(
                    obligationID: o.id!, agencyID: o.$agency.id, due: due, status: status,
                    schedule: schedules[o.$regime.id] ?? .standard))
        }
        outcome.reminders = ReminderPlanner.due(on: today, items)
        guard send else { return outcome }
        let byID = Dictionary(obligations.map { ($0.id!, $0) }) { a, _ in a }
        for reminder in outcome.reminders {
            guard try await claim(reminder.key(on: today), at: now), let o = byID[reminder.obligationID] else {
                continue
            }
            let officers = try await Notifications.officers(of: reminder.agencyID, on: db)
            let message = Notifications.Message(
                key: "notify.reminder.\(reminder.kind.rawValue)",
                args: [o.regime.name, o.periodLabel, Formatting.date(reminder.due, .vi)])
            try await Notifications.send(
                to: officers.compactMap(\.id), message, link: SiteURL.report(o.id!).path,
                dedupe: reminder.key(on: today), at: now, on: db)
            try await Mailer.from(app)?.send(
                to: officers, message, link: SiteURL.report(o.id!).path, translations: app.translations)
            outcome.sent += 1
        }
        if outcome.missing + outcome.waiting > 0, try await claim("summary|\(today.iso)", at: now) {
            let coordinators = try await Notifications.coordinators(on: db)
            let message = Notifications.Message(
                key: "notify.summary", args: [String(outcome.missing), String(outcome.waiting)])
            try await Notifications.send(
                to: coordinators.compactMap(\.id), message, link: SiteURL.plans.path, dedupe: "summary|\(today.iso)",
                at: now, on: db)
            try await Mailer.from(app)?.send(
                to: coordinators, message, link: SiteURL.plans.path, translations: app.translations)
            outcome.summarySent = true
        }
        return outcome
    }

    /// True when this run now holds `key` (first to insert it).
    func claim(_ key: String, at now: Date) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return false }
        let token = "\(claimant)#\(UUID().uuidString)"
        try await sql.raw(
            """
            INSERT INTO job_claims (id, job_key, claimed_by, claimed_at) VALUES (\(bind: UUID()), \(bind: key), \(bind: token), \(bind: now))
            ON CONFLICT (job_key) DO NOTHING
            """
        ).run()
        struct Row: Decodable { let claimed_by: String }
        let row = try await sql.raw("SELECT claimed_by FROM job_claims WHERE job_key = \(bind: key)").first(
            decoding: Row.self)
        return row?.claimed_by == token
    }
}

/// The in-app scheduler: once an hour (and shortly after start), the day's reminders. Safe with several
/// instances: the claims decide who sends.
enum ReminderScheduler {
    static func start(_ app: Application) {
        let task = Task.detached {
            try? await Task.sleep(for: .seconds(30))
            while !Task.isCancelled {
                do {
                    let outcome = try await ReminderService(app: app, db: app.db).run(send: true)
                    if outcome.sent > 0 || outcome.summarySent {
                        app.logger.info(
                            "reminders sent",
                            metadata: ["sent": "\(outcome.sent)", "summary": "\(outcome.summarySent)"])
                    }
                } catch {
                    app.logger.error("reminders failed: \(String(reflecting: error))")
                }
                try? await Task.sleep(for: .seconds(3600))
            }
        }
        app.lifecycle.use(SchedulerLifecycle(task: task))
    }

    struct SchedulerLifecycle: LifecycleHandler {
        let task: Task<Void, Never>
        func shutdown(_ application: Application) { task.cancel() }
    }
}
