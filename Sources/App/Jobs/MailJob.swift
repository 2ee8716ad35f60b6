import Fluent
import Foundation
import TTDNKit
import Vapor

/// One e-mail to one person, as a job: planned with the notification it repeats (`enqueue`), sent by
/// `deliverDue` on this or a later run, tried again with backoff when the server fails. The text is written
/// when it is sent, in the person's language then, to their address then.
enum MailJob {
    struct Payload: Codable, Equatable {
        var user: UUID
        var message: Notifications.Message
        var link: String
    }

    static let prefix = "mail|"

    /// `mail|<job that planned it>|<user>`: one mail per person per reminder, whoever plans it.
    static func key(for parent: String, user: UUID) -> String { "\(prefix)\(parent)|\(user.uuidString.lowercased())" }

    /// Plans a mail to each of `users` who has an address (inside the planning job's transaction).
    static func enqueue(
        to users: [User], _ message: Notifications.Message, link: String, parent: String, store: JobStore, at now: Date
    ) async throws {
        for user in users where !(user.email ?? "").isEmpty {
            let id = try user.requireID()
            let payload = Payload(user: id, message: message, link: link)
            let text = String(decoding: try JSONEncoder().encode(payload), as: UTF8.self)
            try await store.enqueue(key(for: parent, user: payload.user), payload: text, at: now)
        }
    }

    struct Delivery: Equatable {
        var sent = 0
        var failed = 0
    }

    /// Sends every mail whose (next) attempt is due, each held by one instance only.
    static func deliverDue(
        mailer: Mailer, translations: Translations, store: JobStore, db: any Database, at now: Date
    ) async throws -> Delivery {
        var delivery = Delivery()
        for key in try await store.due(prefix: prefix, at: now) {
            guard let attempt = try await store.take(key, at: now) else { continue }
            guard let text = attempt.payload,
                let payload = try? JSONDecoder().decode(Payload.self, from: Data(text.utf8))
            else {
                try await store.fail(attempt, error: "unreadable job payload", permanent: true, at: now)
                delivery.failed += 1
                continue
            }
            guard let user = try await User.find(payload.user, on: db), user.active,
                let address = user.email, !address.isEmpty
            else {
                // Gone, deactivated or without an address since: nothing to send.
                try await store.finish(attempt, outcome: "skipped", at: now)
                continue
            }
            if let problem = MailAddress.problem(address) {
                try await store.fail(attempt, error: "address refused: \(problem.rawValue)", permanent: true, at: now)
                delivery.failed += 1
                continue
            }
            do {
                try await mailer.send(
                    to: address, locale: AppLocale(rawValue: user.locale) ?? .vi, payload.message, link: payload.link,
                    translations: translations, date: now)
                try await store.finish(attempt, outcome: "sent", at: now)
                delivery.sent += 1
            } catch {
                let permanent = (error as? SMTPClient.Failure)?.permanent ?? false
                try await store.fail(attempt, error: String(describing: error), permanent: permanent, at: now)
                delivery.failed += 1
            }
        }
        return delivery
    }
}
