import Foundation
import TTDNKit
import Vapor

/// `ttdn remind --dry-run|--send [--date YYYY-MM-DD]`: the day's report reminders, from cron. `--dry-run`
/// lists them, and the e-mails that failed (waiting for their next attempt, or given up) with their last
/// error; `--send` claims and sends them exactly as the in-app scheduler does, so running both (or several
/// instances) never sends one twice, and sends the e-mails whose retry is due.
struct RemindCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "dry-run", help: "List the reminders due, send nothing") var dryRun: Bool
        @Flag(name: "send", help: "Send the reminders due (in-app, and e-mail when SMTP_URL is set)") var send: Bool
        @Option(name: "date", help: "The day to act for (default: today in Vietnam)") var date: String?
    }

    var help: String { "Lists (--dry-run) or sends (--send) the day's report reminders and the coordinators' summary." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.dryRun != signature.send else { throw CommandFailure("say --dry-run or --send") }
        let app = context.application
        let now = app.clock.now()
        var day = LocalDate(now)
        if let text = signature.date {
            guard let parsed = LocalDate(iso: text) else {
                throw CommandFailure("--date takes YYYY-MM-DD, not \(text)")
            }
            day = parsed
        }
        try await DatabaseSetup.ensureSchema(app)
        let service = ReminderService(app: app, db: app.db)
        let outcome = try await service.run(today: day, send: signature.send, now: now)
        let names = try await PlanAgencyNames.load(on: app.db, today: day)
        for r in outcome.reminders {
            let when = r.kind == .before ? "\(r.days) day(s) before" : "\(r.days) day(s) after"
            context.console.print(
                "\(day.iso)  \(names.name(of: r.agencyID) ?? r.agencyID.uuidString)  due \(r.due.iso) (\(when))")
        }
        context.console.print(
            signature.send
                ? "\(outcome.reminders.count) reminder(s) due, \(outcome.sent) sent now (the rest were sent before); summary \(outcome.summarySent ? "sent" : "not sent"); \(outcome.mailed) e-mail(s) sent, \(outcome.mailFailures) failed"
                : "\(outcome.reminders.count) reminder(s) due on \(day.iso); \(outcome.missing) report(s) missing and overdue, \(outcome.waiting) waiting for review"
        )
        for job in try await service.unfinished(now: now) {
            context.console.print(Self.line(job))
        }
    }

    /// One unfinished job: `retry <when> | gave up`, attempts, key, last error.
    static func line(_ job: JobStore.Row) -> String {
        let state =
            job.gaveUp
            ? "gave up"
            : "retry \(job.next_attempt_at.map { $0.formatted(.iso8601) } ?? "-")"
        let error = (job.last_error ?? "").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(
            of: "\r", with: " ")
        return "\(state)  attempts \(job.attempts ?? 0)  \(job.job_key)  \(error)"
    }
}
