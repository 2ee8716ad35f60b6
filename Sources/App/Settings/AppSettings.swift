import Foundation
import TTDNKit
import Vapor

/// Typed settings, read once at start from flags and the environment.
struct AppSettings: Sendable {
    enum DatabaseChoice: Sendable, Equatable {
        /// An SQLite file: the embedded default, migrated on start.
        case sqliteFile(path: String)
        /// A private throwaway SQLite database (tests).
        case sqliteMemory
        /// PostgreSQL for production: migrated by `ttdn migrate`, checked on start.
        case postgres(url: String)

        var isSQLite: Bool {
            if case .postgres = self { return false }
            return true
        }
    }

    var database: DatabaseChoice
    /// Mark cookies Secure. On when `PUBLIC_URL` is https or `TTDN_SECURE_COOKIES=1`.
    var secureCookies: Bool
    var loginThrottle: LoginThrottle
    /// Run the in-app schedulers (later issues); off in tests.
    var runSchedulers: Bool
    /// Bcrypt work factor. 12 in production; tests lower it so that creating users is quick.
    var bcryptCost: Int = 12
    /// PostgreSQL schema to work in (tests give nested apps their own); nil: the server's default.
    var postgresSchema: String?
    /// Connections per event loop to PostgreSQL (`TTDN_DB_CONNECTIONS`, default 4).
    var postgresConnectionsPerLoop: Int = 4
    /// The largest plan file the import screen accepts (stated on the form).
    var maxPlanUploadBytes: Int = 10 << 20

    /// Where evidence files go (`TTDN_EVIDENCE_DIR`); nil keeps them in the database.
    var evidenceDirectory: String?
    /// Where a report's files are written while its form streams in: inside the evidence directory (so the
    /// save renames them into place) or the system's temporary directory when the database keeps them.
    var uploadDirectory: URL {
        evidenceDirectory.map { URL(fileURLWithPath: $0).appendingPathComponent(".incoming") }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("ttdn-uploads")
    }
    /// The largest evidence file a report accepts (`TTDN_EVIDENCE_MAX_MB`, default 10).
    var maxEvidenceBytes: Int = 10 << 20

    /// The SMTP server for reminders (`SMTP_URL`); nil: reminders stay in the app's notification centre.
    var smtp: SMTPSettings?
    /// The site's public address (`PUBLIC_URL`, no trailing slash) for links that leave it; nil: the request's host.
    var publicURL: String?
    /// Days the app's clock runs ahead (or, negative, behind) the machine's (`TTDN_CLOCK_OFFSET_DAYS`): to
    /// rehearse a reporting cycle or show a demo as it will look on another day. Refused in production,
    /// where every date (deadlines, the audit trail) must be the real one.
    var clockOffsetDays = 0
    /// Whether public pages are kept rendered in memory (`TTDN_PUBLIC_PAGE_CACHE=0` switches it off, for
    /// `scripts/bench-public` to show what the cache gives).
    var publicPageCache = true
    /// `HOST` and `PORT` to listen on; `--hostname` and `--port` on the command line win.
    var host: String?
    var port: Int?

    static let defaultSQLitePath = "./data/ttdn.sqlite"

    /// `--database` (taken out of the arguments by `TTDNCommandLine`) wins over `DATABASE_URL`. Every
    /// setting comes from `variables` (the process's environment when the app runs; tests give their own, so
    /// a developer's `SMTP_URL` or `TTDN_EVIDENCE_DIR` never reaches them): nothing else reads the environment.
    static func load(
        databaseFlag: String?, environment: Environment,
        variables env: [String: String] = ProcessInfo.processInfo.environment
    ) -> AppSettings {
        let database: DatabaseChoice
        if let choice = databaseFlag ?? env["DATABASE_URL"], !choice.isEmpty {
            database = parse(database: choice)
        } else {
            database = .sqliteFile(path: env["TTDN_SQLITE_PATH"] ?? defaultSQLitePath)
        }
        let publicURL = env["PUBLIC_URL"] ?? ""
        let secure = publicURL.lowercased().hasPrefix("https://") || env["TTDN_SECURE_COOKIES"] == "1"
        var settings = AppSettings(
            database: database, secureCookies: secure, loginThrottle: LoginThrottle(),
            runSchedulers: environment != .testing)
        if let connections = env["TTDN_DB_CONNECTIONS"].flatMap(Int.init) {
            settings.postgresConnectionsPerLoop = connections
        }
        settings.evidenceDirectory = env["TTDN_EVIDENCE_DIR"].flatMap { $0.isEmpty ? nil : $0 }
        if let megabytes = env["TTDN_EVIDENCE_MAX_MB"].flatMap(Int.init) { settings.maxEvidenceBytes = megabytes << 20 }
        settings.smtp = env["SMTP_URL"].flatMap { SMTPSettings.parse($0, environment: env) }
        if !publicURL.isEmpty {
            settings.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        }
        settings.publicPageCache = env["TTDN_PUBLIC_PAGE_CACHE"] != "0"
        settings.host = env["HOST"].flatMap { $0.isEmpty ? nil : $0 }
        settings.port = env["PORT"].flatMap(Int.init)
        if environment != .production, let days = env["TTDN_CLOCK_OFFSET_DAYS"].flatMap(Int.init),
            abs(days) <= 36_500
        {
            settings.clockOffsetDays = days
        }
        return settings
    }

    /// `postgres://…` / `postgresql://…` for PostgreSQL, `:memory:` for a throwaway SQLite database,
    /// `sqlite:PATH` or a plain path for an SQLite file.
    static func parse(database text: String) -> DatabaseChoice {
        let lower = text.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") { return .postgres(url: text) }
        if text == ":memory:" { return .sqliteMemory }
        if lower.hasPrefix("sqlite:") { return .sqliteFile(path: String(text.dropFirst("sqlite:".count))) }
        return .sqliteFile(path: text)
    }
}

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = AppSettings }

    var settings: AppSettings {
        get {
            guard let settings = storage[SettingsKey.self] else { fatalError("configure(_:) sets the settings first") }
            return settings
        }
        set { storage[SettingsKey.self] = newValue }
    }
}
