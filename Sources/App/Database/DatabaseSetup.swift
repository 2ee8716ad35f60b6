import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

/// Chooses the database and prepares it. The only file that knows which driver is in use.
enum DatabaseSetup {
    static func configure(_ app: Application) throws {
        switch app.settings.database {
        case .sqliteFile(let path):
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            app.databases.use(.sqlite(.file(path)), as: .sqlite)
        case .sqliteMemory:
            app.databases.use(.sqlite(.memory), as: .sqlite)
        case .postgres(let url):
            var configuration = try SQLPostgresConfiguration(url: url)
            if let schema = app.settings.postgresSchema { configuration.searchPath = [schema] }
            app.databases.use(
                .postgres(
                    configuration: configuration, maxConnectionsPerEventLoop: app.settings.postgresConnectionsPerLoop),
                as: .psql)
        }
    }

    /// WAL lets readers go on while one writer writes; it is a property of the file, set once. `synchronous`
    /// and `busy_timeout` belong to a connection, and each event loop keeps one SQLite connection, so they
    /// are set through each loop. The timeout replaces sqlite-nio's busy handler, which retries at once and
    /// for ever: a write waits up to 10 s for another process's lock (a command importing the directory),
    /// sleeping, then fails with an error instead of spinning.
    static func prepareSQLite(_ app: Application) async throws {
        guard app.settings.database.isSQLite, let sql = app.db as? any SQLDatabase else { return }
        // The tests' private databases (`:memory:`, a temporary file shared by the pool's connections) need the
        // timeout as much: with sqlite-nio's handler two connections waiting on each other spin for ever.
        if case .sqliteFile = app.settings.database { try await sql.raw("PRAGMA journal_mode=WAL").run() }
        for eventLoop in app.eventLoopGroup.makeIterator() {
            guard let connection = app.databases.database(logger: app.logger, on: eventLoop) as? any SQLDatabase
            else { continue }
            try await connection.raw("PRAGMA synchronous=NORMAL").run()
            try await connection.raw("PRAGMA busy_timeout=10000").run()
        }
    }

    /// Migrations that have not run yet on this database.
    static func pendingMigrations(_ app: Application) async throws -> [String] {
        try await app.migrator.setupIfNeeded().get()
        return try await app.migrator.previewPrepareBatch().get().map { migration, _ in migration.name }
    }

    /// On SQLite the app migrates itself on start. On PostgreSQL, with several instances sharing one
    /// database, migrating is an explicit step (`ttdn migrate`), and an instance refuses to serve an
    /// outdated schema rather than fail later on a missing column.
    static func ensureSchema(_ app: Application) async throws {
        if app.settings.database.isSQLite {
            try await prepareSQLite(app)
            try await app.autoMigrate()
            return
        }
        let pending = try await pendingMigrations(app)
        guard pending.isEmpty else { throw OutdatedSchemaError(pending: pending) }
    }
}

struct OutdatedSchemaError: Error, CustomStringConvertible {
    var pending: [String]
    var description: String {
        "The database schema is out of date (\(pending.count) migration(s) not run: "
            + pending.joined(separator: ", ") + "). Run `ttdn migrate` first, then start the server again."
    }
}
