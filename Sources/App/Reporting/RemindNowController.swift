import Fluent
import Foundation
import TTDNKit
import Vapor

/// "Nhắc ngay": the office reminds one agency now, or every agency late with a period's report, instead of
/// waiting for the scheduled reminders. The first page previews the e-mail each will get (subject, text,
/// link, who receives it and who has no address); sending records each reminder like the scheduled ones (a
/// claimed job `remind-now|<report>|<minute>`, so a double click sends once), notifies the agency's officers
/// in the app, plans one e-mail each and sends the e-mails at once.
enum RemindNowController {
    struct Page: Encodable {
        struct Target: Encodable {
            let obligation: String
            let agency: String
            let standing: String
            let recipients: [String]
            let withoutAddress: [String]?
            /// The agency has no officer in ttdn: nobody will get the reminder.
            let nobody: Bool
        }
        let layout: LayoutContext
        let regime: String
        let period: String
        let subject: String
        let body: String
        let targets: [Target]?
        let action: String
        let back: String
        let mail: Bool
    }

    struct Query: Content {
        var period: String?
        var obligation: String?
    }

    /// The reports to remind: the one asked for, or every late one of the period.
    static func targets(_ req: Request, regime: RegimeRecord, query: Query) async throws
        -> [(obligation: Obligation, standing: ReportStanding)]
    {
        let regimeID = try regime.requireID()
        var rows = Obligation.query(on: req.db).filter(\.$regime.$id == regimeID)
        if let id = query.obligation.flatMap(UUID.init(uuidString:)) {
            rows = rows.filter(\.$id == id)
        } else if let period = query.period, !period.isEmpty {
            rows = rows.filter(\.$periodKey == period)
        } else {
            return []
        }
        let obligations = try await rows.all()
        let ids = obligations.compactMap(\.id)
        let submissions =
            ids.isEmpty ? [] : try await Submission.query(on: req.db).filter(\.$obligation.$id ~~ ids).all()
        let byObligation = Dictionary(submissions.map { ($0.$obligation.id, $0) }) { a, _ in a }
        return obligations.map { ($0, $0.standing(byObligation[$0.id!], now: req.now)) }.filter { o, standing in
            query.obligation != nil || ReportAgenda.bucket(standing, due: o.due, today: req.today) == .late
        }
    }

    static func message(_ regime: RegimeRecord, _ obligation: Obligation) -> Notifications.Message {
        Notifications.Message(
            key: "notify.reminder.now",
            args: [regime.name, obligation.periodLabel, obligation.due.map { Formatting.date($0, .vi) } ?? "—"])
    }

    @Sendable static func preview(req: Request) async throws -> View {
        guard let regime = try await RegimeRecord.find(req.recordID(), on: req.db) else { throw Abort(.notFound) }
        let query = try req.query.decode(Query.self)
        let found = try await targets(req, regime: regime, query: query)
        let obligations = found.map(\.obligation)
        let names = try await req.directoryNames()
        var list: [Page.Target] = []
        for (o, standing) in found {
            let officers = try await Notifications.officers(of: o.$agency.id, on: req.db)
            list.append(
                .init(
                    obligation: o.id!.uuidString, agency: names.name(of: o.$agency.id) ?? "—",
                    standing: StandingText.line(standing, req),
                    recipients: officers.filter { !($0.email ?? "").isEmpty }.map {
                        "\($0.displayName) <\($0.email!)>"
                    },
                    withoutAddress: officers.filter { ($0.email ?? "").isEmpty }.map(\.displayName).nonEmpty,
                    nobody: officers.isEmpty))
        }
        let sample = obligations.first.map { message(regime, $0) }
        let text =
            sample.map { req.application.translations.text($0.key, locale: req.locale, arguments: $0.args) } ?? ""
        let base = req.application.settings.smtp?.publicBase ?? ""
        let back =
            regime.$plan.id.map { SiteURL.planReporting($0).with(["regime": regime.id!.uuidString]) }
            ?? SiteURL.workspace.path
        return try await req.view.render(
            "reports/remind",
            Page(
                layout: req.layout(titleKey: "remind.title"), regime: regime.name,
                period: obligations.first.map { PeriodText.label($0.periodKey, stored: $0.periodLabel, req.locale) }
                    ?? "",
                subject: "[TTĐN] " + text.prefix(120),
                body: text + "\n\n" + base + (obligations.first.map { SiteURL.report($0.id!).path } ?? ""),
                targets: list.nonEmpty,
                action: SiteURL.remindNow(regime.id!).with(
                    query.obligation.map { ["obligation": $0] } ?? ["period": query.period ?? ""]),
                back: back, mail: Mailer.from(req.application) != nil))
    }

    @Sendable static func send(req: Request) async throws -> Response {
        guard let regime = try await RegimeRecord.find(req.recordID(), on: req.db) else { throw Abort(.notFound) }
        let query = try req.query.decode(Query.self)
        let obligations = try await targets(req, regime: regime, query: query).map(\.obligation)
        let now = req.now
        let minute = Int(now.timeIntervalSince1970 / 60)
        let mailer = Mailer.from(req.application)
        var reminded = 0
        for o in obligations {
            let key = "remind-now|\(o.id!.uuidString.lowercased())|\(minute)"
            let msg = message(regime, o)
            let link = SiteURL.report(o.id!).path
            let done = try await req.db.transaction { tx in
                let store = try JobStore(db: tx, claimant: "remind-now")
                guard try await store.record(key, at: now) else { return false }
                let officers = try await Notifications.officers(of: o.$agency.id, on: tx)
                try await Notifications.send(
                    to: officers.compactMap(\.id), msg, link: link, dedupe: key, at: now, on: tx)
                if mailer != nil {
                    try await MailJob.enqueue(to: officers, msg, link: link, parent: key, store: store, at: now)
                }
                return true
            }
            if done { reminded += 1 }
        }
        let delivery = try await ReminderService(app: req.application, db: req.db).deliverMail(now: now)
        req.flash(.success, req.t("remind.sent", String(reminded), String(delivery.sent)))
        let back =
            regime.$plan.id.map { SiteURL.planReporting($0).with(["regime": regime.id!.uuidString]) }
            ?? SiteURL.workspace.path
        return req.redirect(to: back)
    }
}
