import Fluent
import Foundation
import SQLKit
import TTDNKit
import Vapor

/// The in-app notification centre. A notification stores a translation key and its arguments, so each
/// person reads it in their own language; a dedupe key makes sending the same reminder twice (two app
/// instances, a retried job) a no-op. Machine bookkeeping: written with SQLKit, not audited.
enum Notifications {
    struct Message: Codable, Equatable {
        var key: String
        var args: [String]
    }

    struct Item: Encodable {
        let text: String
        let href: String
        let at: String
        let unread: Bool
    }

    static func sql(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError) }
        return sql
    }

    /// Adds one notification per user; a repeated `dedupe` (per user) is ignored.
    static func send(
        to users: [UUID], _ message: Message, link: String, dedupe: String, at now: Date, on db: any Database
    ) async throws {
        let text = String(decoding: try JSONEncoder().encode(message), as: UTF8.self)
        for user in Set(users) {
            try await sql(db).raw(
                """
                INSERT INTO notifications (id, user_id, kind, text, link, dedupe_key, created_at)
                VALUES (\(bind: UUID()), \(bind: user), \(bind: message.key), \(bind: text), \(bind: link), \(bind: "\(dedupe)|\(user.uuidString)"), \(bind: now))
                ON CONFLICT (dedupe_key) DO NOTHING
                """
            ).run()
        }
    }

    /// The active officers of an agency (and of agencies it took over).
    static func officers(of agencyID: UUID, on db: any Database) async throws -> [User] {
        try await User.query(on: db).filter(\.$agency.$id == agencyID).filter(\.$active == true).with(\.$roleGrants)
            .all()
            .filter { $0.roles.contains(.agencyOfficer) }
    }

    static func coordinators(on db: any Database) async throws -> [User] {
        try await User.query(on: db).filter(\.$active == true).with(\.$roleGrants).all().filter {
            $0.roles.contains(.coordinator)
        }
    }

    static func reviewed(
        _ decision: SubmissionStore.Decision, obligation: Obligation, comment: String, at now: Date,
        on db: any Database
    ) async throws {
        let regime = try await obligation.$regime.get(on: db)
        let users = try await officers(of: obligation.$agency.id, on: db).compactMap(\.id)
        let message = Message(
            key: "notify.reviewed.\(decision.rawValue)", args: [regime.name, obligation.periodLabel, comment])
        try await send(
            to: users, message, link: SiteURL.report(obligation.requireID()).path,
            dedupe: "review|\(UUID().uuidString)", at: now, on: db)
    }

    /// The coordinators hear of each report an agency sends, and of each one sent again after a return.
    static func submitted(obligation: Obligation, agency: String, again: Bool, at now: Date, on db: any Database)
        async throws
    {
        let regime = try await obligation.$regime.get(on: db)
        let users = try await coordinators(on: db).compactMap(\.id)
        let message = Message(
            key: again ? "notify.resubmitted" : "notify.submitted", args: [agency, regime.name, obligation.periodLabel])
        try await send(
            to: users, message, link: SiteURL.report(obligation.requireID()).path,
            dedupe: "submitted|\(UUID().uuidString)", at: now, on: db)
    }

    struct Row: Decodable {
        let text: String
        let link: String
        let created_at: Date
        let read_at: Date?
    }

    static func recent(for user: UUID, limit: Int = 50, on db: any Database) async throws -> [Row] {
        try await sql(db).raw(
            """
            SELECT text, link, created_at, read_at FROM notifications WHERE user_id = \(bind: user)
            ORDER BY created_at DESC LIMIT \(bind: limit)
            """
        ).all(decoding: Row.self)
    }

    static func unreadCount(for user: UUID, on db: any Database) async throws -> Int {
        struct Count: Decodable { let n: Int }
        return try await sql(db).raw(
            "SELECT COUNT(*) AS n FROM notifications WHERE user_id = \(bind: user) AND read_at IS NULL"
        )
        .first(decoding: Count.self)?.n ?? 0
    }

    static func markAllRead(for user: UUID, at now: Date, on db: any Database) async throws {
        try await sql(db).raw(
            "UPDATE notifications SET read_at = \(bind: now) WHERE user_id = \(bind: user) AND read_at IS NULL"
        ).run()
    }

    static func text(_ row: Row, _ req: Request) -> String {
        guard let message = try? JSONDecoder().decode(Message.self, from: Data(row.text.utf8)) else { return row.text }
        return req.application.translations.text(message.key, locale: req.locale, arguments: message.args)
    }

    struct Page: Encodable {
        let layout: LayoutContext
        let items: [Item]?
        let markRead: String
        /// For coordinators and admins: e-mails that failed (waiting for a retry, or given up this week).
        let mailTrouble: MailTrouble?
    }

    struct MailTrouble: Encodable {
        let summary: String
        let lastError: String?
    }

    /// The reminder e-mails that failed, as the people who can act on it (coordinators, admins) read it.
    static func mailTrouble(_ req: Request) async throws -> MailTrouble? {
        let actor = req.auth.get(User.self)?.actor
        guard Policy.allows(actor, .reviewReports) || Policy.allows(actor, .manageUsers) else { return nil }
        let rows = try await JobStore(db: req.db, claimant: "page").unfinished(at: req.now).filter {
            $0.job_key.hasPrefix(MailJob.prefix) && ($0.attempts ?? 0) > 0
        }
        guard !rows.isEmpty else { return nil }
        let gaveUp = rows.filter(\.gaveUp).count
        return MailTrouble(
            summary: req.t("notifications.mail_trouble", String(rows.count - gaveUp), String(gaveUp)),
            lastError: rows.last?.last_error)
    }

    @Sendable static func index(req: Request) async throws -> View {
        let user = try req.auth.require(User.self)
        let rows = try await recent(for: user.requireID(), on: req.db)
        let items = rows.map {
            Item(
                text: text($0, req), href: $0.link, at: Formatting.dateTime($0.created_at, req.locale),
                unread: $0.read_at == nil)
        }
        return try await req.view.render(
            "notifications/index",
            Page(
                layout: req.layout(titleKey: "notifications.title"), items: items.nonEmpty,
                markRead: SiteURL.notificationsRead.path, mailTrouble: try await mailTrouble(req)))
    }

    @Sendable static func read(req: Request) async throws -> Response {
        try await markAllRead(for: req.auth.require(User.self).requireID(), at: req.now, on: req.db)
        return req.redirect(to: SiteURL.notifications.path)
    }
}
