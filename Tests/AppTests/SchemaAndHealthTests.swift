import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

@Suite struct SchemaAndHealthTests {
    @Test func healthAnswers200WithTheDatabase() async throws {
        try await withApp { app in
            let response = try await app.testing().sendRequest(.GET, SiteURL.healthz.path)
            #expect(response.status == .ok)
        }
    }

    @Test func healthAnswers503WithoutTheDatabase() async throws {
        let app = try await Application.make(.testing)
        do {
            // Nothing listens on port 1: the database is unreachable.
            var settings = AppSettings.load(
                databaseFlag: "postgres://ttdn@127.0.0.1:1/ttdn", environment: .testing, variables: [:])
            settings.bcryptCost = 4
            try await configure(app, settings: settings)
            let response = try await app.testing().sendRequest(.GET, SiteURL.healthz.path)
            #expect(response.status == .serviceUnavailable)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    @Test func migrationsRevertAndRunAgain() async throws {
        try await withApp { app in
            try await app.autoRevert()
            #expect(try await DatabaseSetup.pendingMigrations(app).count == 18)
            try await app.autoMigrate()
            #expect(try await DatabaseSetup.pendingMigrations(app).isEmpty)
        }
    }

    /// SQLite migrates itself on start; PostgreSQL refuses to serve an outdated schema.
    @Test func schemaGateDependsOnTheDatabase() async throws {
        try await withApp { app in
            try await app.autoRevert()
            if app.settings.database.isSQLite {
                try await DatabaseSetup.ensureSchema(app)
                #expect(try await DatabaseSetup.pendingMigrations(app).isEmpty)
            } else {
                await #expect(throws: OutdatedSchemaError.self) { try await DatabaseSetup.ensureSchema(app) }
                try await app.autoMigrate()
                try await DatabaseSetup.ensureSchema(app)
            }
        }
    }

    @Test func sqliteFilesUseWriteAheadLogging() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ttdn-wal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let app = try await Application.make(.testing)
        do {
            var settings = AppSettings.load(
                databaseFlag: directory.appendingPathComponent("t.sqlite").path, environment: .testing, variables: [:])
            settings.bcryptCost = 4
            try await configure(app, settings: settings)
            try await DatabaseSetup.ensureSchema(app)
            let sql = try #require(app.db as? any SQLDatabase)
            let mode = try await sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
            #expect(mode == "wal")
            // Each event loop's connection waits (sleeping) for a lock, and syncs at checkpoints only.
            for eventLoop in app.eventLoopGroup.makeIterator() {
                let connection = try #require(
                    app.databases.database(logger: app.logger, on: eventLoop) as? any SQLDatabase)
                let timeout = try await connection.raw("PRAGMA busy_timeout").first()?.decode(
                    column: "timeout", as: Int.self)
                #expect(timeout == 10000)
                let sync = try await connection.raw("PRAGMA synchronous").first()?.decode(
                    column: "synchronous", as: Int.self)
                #expect(sync == 1)
            }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    @Test func databaseChoiceFromFlagOrEnvironment() {
        #expect(AppSettings.parse(database: "postgres://u@h/db") == .postgres(url: "postgres://u@h/db"))
        #expect(AppSettings.parse(database: "postgresql://u@h/db") == .postgres(url: "postgresql://u@h/db"))
        #expect(AppSettings.parse(database: "sqlite:/tmp/x.sqlite") == .sqliteFile(path: "/tmp/x.sqlite"))
        #expect(AppSettings.parse(database: "./data/x.sqlite") == .sqliteFile(path: "./data/x.sqlite"))
        #expect(AppSettings.parse(database: ":memory:") == .sqliteMemory)
        let (flag, rest) = extractDatabaseFlag(["ttdn", "serve", "--database", "/tmp/a.sqlite", "--port", "9"])
        #expect(flag == "/tmp/a.sqlite")
        #expect(rest == ["ttdn", "serve", "--port", "9"])
        #expect(extractDatabaseFlag(["ttdn", "migrate", "--database=postgres://x"]).0 == "postgres://x")
    }
}
