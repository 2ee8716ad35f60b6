import Vapor

/// The application's commands (`ttdn <command>`), besides Vapor's own `migrate` and `routes`.
enum Commands {
    static func register(on app: Application) {
        app.asyncCommands.use(CheckedServeCommand(), as: "serve", isDefault: true)
        app.asyncCommands.use(DemoCommand(), as: "demo")
        app.asyncCommands.use(UserCommand(), as: "user")
        app.asyncCommands.use(ImportCommand(), as: "import")
        app.asyncCommands.use(ExportCommand(), as: "export")
        app.asyncCommands.use(AgenciesCommand(), as: "agencies")
        app.asyncCommands.use(RemindCommand(), as: "remind")
        app.asyncCommands.use(SeedReportingCommand(), as: "seed-reporting")
        app.asyncCommands.use(SeedSiteCommand(), as: "seed-site")
    }
}

/// `ttdn serve`: migrates an SQLite database on start; refuses an outdated PostgreSQL schema.
struct CheckedServeCommand: AsyncCommand {
    typealias Signature = ServeCommand.Signature
    var help: String { "Serves the application (SQLite: migrates first; PostgreSQL: checks the schema)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        do {
            try await DatabaseSetup.ensureSchema(app)
        } catch let error as OutdatedSchemaError {
            context.console.error(error.description)
            throw error
        }
        // Reminders run inside the server (claims keep several instances from sending twice).
        if app.settings.runSchedulers { ReminderScheduler.start(app) }
        // Scheduled publishing and unpublishing, once a minute (claims again).
        if app.settings.runSchedulers { SiteScheduler.start(app) }
        // Expired sessions are deleted hourly.
        if app.settings.runSchedulers { SessionSweeper.start(app) }
        try await app.servers.asyncCommand.run(using: context, signature: signature)
    }
}
