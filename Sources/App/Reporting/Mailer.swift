import Foundation
import TTDNKit
import Vapor

/// E-mail for reminders and summaries, through the SMTP server in `SMTP_URL`
/// (`smtp://user:password@host:587?from=ttdn@example.gov.vn`; STARTTLS is required unless `starttls=off`,
/// for a local relay). Nil when no server is configured: notifications then stay in the app.
struct Mailer: Sendable {
    var settings: SMTPSettings

    static func from(_ app: Application) -> Mailer? {
        app.settings.smtp.map { Mailer(settings: $0) }
    }

    /// One message to one address, in `locale`. The address is checked by `SMTPClient` too.
    func send(
        to address: String, locale: AppLocale, _ message: Notifications.Message, link: String,
        translations: Translations, date: Date
    ) async throws {
        let text = translations.text(message.key, locale: locale, arguments: message.args)
        let body = text + "\r\n\r\n" + settings.publicBase + link + "\r\n"
        try await SMTPClient(settings: settings).send(
            SMTPClient.Message(from: settings.from, to: address, subject: "[TTĐN] " + text.prefix(120), body: body),
            date: date)
    }
}

/// The SMTP server's address, credentials and policy.
struct SMTPSettings: Sendable, Equatable {
    var host: String
    var port: Int
    var username: String?
    var password: String?
    var from: String
    var startTLS: Bool
    /// A PEM file of extra trusted certificates (a province's own CA, a test server).
    var caFile: String?
    var publicBase: String

    /// `SMTP_URL`; `SMTP_CA_FILE` and `PUBLIC_URL` come from `env` (the settings' variables, never read here).
    static func parse(_ text: String, environment env: [String: String]) -> SMTPSettings? {
        guard let url = URLComponents(string: text), url.scheme == "smtp", let host = url.host, !host.isEmpty else {
            return nil
        }
        let query = Dictionary((url.queryItems ?? []).map { ($0.name, $0.value ?? "") }) { a, _ in a }
        return SMTPSettings(
            host: host, port: url.port ?? 587, username: url.user?.removingPercentEncoding,
            password: url.password?.removingPercentEncoding,
            from: query["from"] ?? "ttdn@\(host)", startTLS: query["starttls"] != "off",
            caFile: env["SMTP_CA_FILE"].flatMap { $0.isEmpty ? nil : $0 },
            publicBase: (env["PUBLIC_URL"] ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "/")))
    }
}
