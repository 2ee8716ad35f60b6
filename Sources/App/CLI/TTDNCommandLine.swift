import Foundation
import Vapor

/// The `ttdn` executable's entry point.
///
/// Commands that only read files and print (`extract`, `periods`, `holidays`) run without
/// booting the Vapor application: no database, no logging on stdout, so `--json` output stays clean
/// and a call takes milliseconds. Everything else (`serve`, `migrate`, `demo`, `user`, …) runs
/// inside the application.
public enum TTDNCommandLine {
    public static func main(_ arguments: [String]) async -> Int32 {
        if arguments.count > 1, let command = OfflineCommands.all[arguments[1]] {
            return await runOffline(command, arguments: arguments)
        }
        return await runApplication(arguments)
    }

    static func runOffline(_ command: any AnyAsyncCommand, arguments: [String]) async -> Int32 {
        let console = Terminal()
        let input = CommandInput(arguments: Array(arguments.dropFirst()))
        do {
            try await console.run(command, input: input)
            return 0
        } catch let error as OfflineCommandError {
            FileHandle.standardError.write(Data("ttdn: \(error.message)\n".utf8))
            return error.exitCode
        } catch {
            FileHandle.standardError.write(Data("ttdn: \(error)\n".utf8))
            return 1
        }
    }

    static func runApplication(_ arguments: [String]) async -> Int32 {
        do {
            var (databaseFlag, rest) = extractDatabaseFlag(arguments)
            // The demo keeps its own database, so trying it never touches real data.
            if rest.dropFirst().first == "demo", databaseFlag == nil,
                ProcessInfo.processInfo.environment["DATABASE_URL"] == nil
            {
                databaseFlag = DemoCommand.defaultDatabase
            }
            var env = try Environment.detect(arguments: rest)
            try LoggingSystem.bootstrap(from: &env) { level in
                { label in JSONLogHandler(label: label, level: level) }
            }
            let home = try ProjectDirectory.locate()
            let app = try await Application.make(env)
            app.directory = DirectoryConfiguration(workingDirectory: home)
            do {
                try await configure(app, settings: AppSettings.load(databaseFlag: databaseFlag, environment: env))
                // `Application.execute()` would log a command's failure as well; say it once, plainly.
                try await app.startup()
                try await app.running?.onStop.get()
            } catch {
                FileHandle.standardError.write(Data("ttdn: \(error)\n".utf8))
                try? await app.asyncShutdown()
                return 1
            }
            try await app.asyncShutdown()
            return 0
        } catch {
            FileHandle.standardError.write(Data("ttdn: \(error)\n".utf8))
            return 1
        }
    }
}

/// Takes `--database VALUE` (or `--database=VALUE`) out of the arguments: it applies to every
/// command that opens the database, and Vapor's own commands do not know it.
func extractDatabaseFlag(_ arguments: [String]) -> (String?, [String]) {
    var rest: [String] = []
    var value: String?
    var index = 0
    while index < arguments.count {
        let argument = arguments[index]
        if argument == "--database", index + 1 < arguments.count {
            value = arguments[index + 1]
            index += 2
            continue
        }
        if argument.hasPrefix("--database=") {
            value = String(argument.dropFirst("--database=".count))
        } else {
            rest.append(argument)
        }
        index += 1
    }
    return (value, rest)
}

/// An error an offline command reports as one line on stderr, with its exit status.
public struct OfflineCommandError: Error, Sendable {
    public var message: String
    public var exitCode: Int32
    public init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }
}
