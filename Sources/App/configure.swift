import Fluent
import Leaf
import Vapor

/// Builds the application: settings, database, sessions, views, the middleware stack, routes
/// and commands. Tests call this too, so they run the real thing.
func configure(_ app: Application, settings: AppSettings) async throws {
    app.settings = settings
    if settings.clockOffsetDays != 0 {
        let offset = TimeInterval(settings.clockOffsetDays) * 86_400
        app.clock = AppClock { Date().addingTimeInterval(offset) }
        app.logger.warning("The clock runs \(settings.clockOffsetDays) days off the machine's (TTDN_CLOCK_OFFSET_DAYS)")
    }

    try DatabaseSetup.configure(app)
    Migrations.register(on: app)
    MemoryCaches.register(on: app)
    app.passwords.use(.bcrypt(cost: settings.bcryptCost))

    // Sessions live in the database so that several app instances can share them, and expire on the server
    // (see ExpiringSessions); an unchanged session is not written back (see UnchangedSessionSkipping).
    app.sessions.use { _ in UnchangedSessionSkipping(base: ExpiringSessions()) }
    let secure = app.settings.secureCookies
    app.sessions.configuration.cookieName = "ttdn_session"
    app.sessions.configuration.cookieFactory = { sessionID in
        HTTPCookies.Value(
            string: sessionID.string, expires: Date().addingTimeInterval(60 * 60 * 12), maxAge: nil,
            domain: nil, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    let resources = app.directory.resourcesDirectory
    app.translations = try Translations.load(from: resources + "Locales")
    app.leaf.tags["t"] = TranslateTag()
    // Vapor's `.leaf` switches the template cache off in the development environment, which `serve` runs in
    // unless told otherwise: a release build would read, lex and parse a page's templates on every request
    // (4 ms of a plan page). Only a debug build, where templates are being edited, reads them afresh.
    #if DEBUG
        app.views.use(.leaf)
    #else
        app.views.use { app in app.leaf.cachingRenderer }
    #endif

    // The global middleware stack, outermost first. Route-level middleware (CSRF and permissions)
    // is in routes.swift, because it needs to know which route matched.
    // `Public/` comes first: a stylesheet needs no log line, error page or session, and answers from memory.
    app.middleware = .init()
    #if DEBUG
        app.middleware.use(PublicFiles(publicDirectory: app.directory.publicDirectory, reloads: true))
    #else
        app.middleware.use(PublicFiles(publicDirectory: app.directory.publicDirectory))
    #endif
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(RequestLogMiddleware())
    app.middleware.use(ErrorPageMiddleware())
    app.middleware.use(SessionsReady())
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(UserSessionAuthenticator())
    app.middleware.use(LocaleMiddleware())
    app.middleware.use(UnreadCountMiddleware())

    // `HOST` and `PORT` from the environment; `--hostname` and `--port` on the command line win.
    if let host = settings.host { app.http.server.configuration.hostname = host }
    if let port = settings.port { app.http.server.configuration.port = port }
    app.routes.defaultMaxBodySize = "2mb"
    try routes(app)
    Commands.register(on: app)
}
