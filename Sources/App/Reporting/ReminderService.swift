import Fluent
import Foundation
import SQLKit
import TTDNKit
import Vapor

/// Sends the day's reminders and the coordinators' daily summary, then the e-mails that are due.
///
/// Each reminder (and each day's summary) is a job in `job_claims` under its key (`JobStore`): in one
/// transaction its notifications are written, one e-mail job per person with an address is planned, and the
/// job is marked done, so of several instances and `ttdn remind` runs exactly one does it, and a failure
/// leaves nothing half done for the next run to skip. The e-mails are jobs of their own: each is sent once,
/// and a failed send is tried again with backoff (`RetryPolicy`) by a later run, on a later day if need be.
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
        /// E-mails this run sent, and attempts that failed (to be tried again, or given up).
        var mailed = 0
        var mailFailures = 0
    }

    /// The reminders due on `today` (default: today by the app's clock); with `send`, claims and delivers
    /// them (in-app notifications, e-mail when SMTP is configured) and sends the e-mails due at `now`.
    func run(today: LocalDate? = nil, send: Bool, now: Date? = nil) async throws -> Outcome {
        let now = now ?? app.clock.now()
        let today = today ?? LocalDate(now)
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
            guard let due = o.due, let id = o.id else { continue }
            let status = o.standing(byObligation[id], now: moment).status
            if status == .missingOverdue { outcome.missing += 1 }
            if byObligation[id]?.submissionState == .submitted { outcome.waiting += 1 }
            items.append(
                .init(
                    obligationID: id, agencyID: o.$agency.id, due: due, status: status,
                    schedule: schedules[o.$regime.id] ?? .standard))
        }
        outcome.reminders = ReminderPlanner.due(on: today, items)
        guard send else { return outcome }
        let mailer = Mailer.from(app)
        let byID = Dictionary(obligations.compactMap { o in o.id.map { ($0, o) } }) { a, _ in a }
        for reminder in outcome.reminders {
            guard let o = byID[reminder.obligationID] else { continue }
            let key = reminder.key(on: today)
            let message = Notifications.Message(
                key: "notify.reminder.\(reminder.kind.rawValue)",
                args: [o.regime.name, o.periodLabel, Formatting.date(reminder.due, .vi)])
            let link = SiteURL.report(reminder.obligationID).path
            let done = try await db.transaction { tx in
                let store = try JobStore(db: tx, claimant: claimant)
                guard try await store.record(key, at: now) else { return false }
                let officers = try await Notifications.officers(of: reminder.agencyID, on: tx)
                try await Notifications.send(
                    to: officers.compactMap(\.id), message, link: link, dedupe: key, at: now, on: tx)
                if mailer != nil {
                    try await MailJob.enqueue(to: officers, message, link: link, parent: key, store: store, at: now)
                }
                return true
            }
            if done { outcome.sent += 1 }
        }
        if outcome.missing + outcome.waiting > 0 {
            let key = "summary|\(today.iso)"
            let message = Notifications.Message(
                key: "notify.summary", args: [String(outcome.missing), String(outcome.waiting)])
            outcome.summarySent = try await db.transaction { tx in
                let store = try JobStore(db: tx, claimant: claimant)
                guard try await store.record(key, at: now) else { return false }
                let coordinators = try await Notifications.coordinators(on: tx)
                try await Notifications.send(
                    to: coordinators.compactMap(\.id), message, link: SiteURL.plans.path, dedupe: key, at: now, on: tx)
                if mailer != nil {
                    try await MailJob.enqueue(
                        to: coordinators, message, link: SiteURL.plans.path, parent: key, store: store, at: now)
                }
                return true
            }
        }
        let delivery = try await deliverMail(now: now)
        outcome.mailed = delivery.sent
        outcome.mailFailures = delivery.failed
        return outcome
    }

    /// Sends the e-mails whose (next) attempt is due at `now`; nothing when no SMTP server is configured (they
    /// wait for one).
    func deliverMail(now: Date? = nil) async throws -> MailJob.Delivery {
        guard let mailer = Mailer.from(app) else { return .init() }
        return try await MailJob.deliverDue(
            mailer: mailer, translations: app.translations, store: JobStore(db: db, claimant: claimant), db: db,
            at: now ?? app.clock.now())
    }

    /// Jobs not done: e-mails waiting for their next attempt, and those given up in the last week.
    func unfinished(now: Date? = nil) async throws -> [JobStore.Row] {
        try await JobStore(db: db, claimant: claimant).unfinished(at: now ?? app.clock.now())
    }
}

/// The in-app scheduler: once an hour (and shortly after start), the day's reminders; every five minutes
/// in between, the e-mails whose retry is due. Safe with several instances: the claims decide who sends.
enum ReminderScheduler {
    static func start(_ app: Application) {
        let task = Task.detached {
            try? await Task.sleep(for: .seconds(30))
            var lastFullRun: Date?
            while !Task.isCancelled {
                let service = ReminderService(app: app, db: app.db)
                let now = app.clock.now()
                do {
                    let delivery: MailJob.Delivery
                    if let last = lastFullRun, now.timeIntervalSince(last) < 3600 {
                        delivery = try await service.deliverMail(now: now)
                    } else {
                        let outcome = try await service.run(send: true, now: now)
                        lastFullRun = now
                        delivery = .init(sent: outcome.mailed, failed: outcome.mailFailures)
                        if outcome.sent > 0 || outcome.summarySent {
                            app.logger.info(
                                "reminders sent",
                                metadata: ["sent": "\(outcome.sent)", "summary": "\(outcome.summarySent)"])
                        }
                    }
                    if delivery.sent > 0 {
                        app.logger.info("reminder e-mails sent", metadata: ["sent": "\(delivery.sent)"])
                    }
                    if delivery.failed > 0 {
                        app.logger.warning(
                            "reminder e-mails failed; tried again later (ttdn remind --dry-run lists them)",
                            metadata: ["failed": "\(delivery.failed)"])
                    }
                } catch {
                    app.logger.error("reminders failed: \(String(reflecting: error))")
                }
                try? await Task.sleep(for: .seconds(300))
            }
        }
        app.lifecycle.use(SchedulerLifecycle(task: task))
    }

    struct SchedulerLifecycle: LifecycleHandler {
        let task: Task<Void, Never>
        func shutdown(_ application: Application) { task.cancel() }
    }
}
