import Fluent
import TTDNKit
import Vapor

/// `ttdn demo`: creates (or reuses) a demo database with a believable province — its agencies
/// after the 2025 reorganisation, their predecessors, and one user per role — prints the address
/// and the logins, then serves.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "hostname", short: "H", help: "Address to listen on (default 127.0.0.1)") var hostname: String?
        @Option(name: "port", short: "p", help: "Port (default 8080)") var port: Int?
        @Flag(name: "no-serve", help: "Prepare the database and exit") var noServe: Bool
    }

    static let defaultDatabase = "./data/demo.sqlite"
    static let password = "ttdn-demo-2026"

    var help: String { "Prepares a demo province and serves it." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await DatabaseSetup.ensureSchema(app)
        let seeded = try await DemoSeed(app: app).seedIfEmpty()
        let host = signature.hostname ?? Environment.get("HOST") ?? "127.0.0.1"
        let port = signature.port ?? Environment.get("PORT").flatMap(Int.init) ?? 8080
        context.console.print(seeded ? "Demo province created." : "Demo province found; reusing it.")
        context.console.print("")
        context.console.print("  Open http://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(port)/login")
        context.console.print("  Every demo user's password: \(Self.password)")
        for (username, role) in DemoSeed.people.map({ ($0.username, $0.roles.map(\.rawValue).joined(separator: ", ")) })
        {
            context.console.print("    \(username.padding(toLength: 12, withPad: " ", startingAt: 0)) \(role)")
        }
        context.console.print("")
        guard !signature.noServe else { return }
        var serveInput = CommandInput(arguments: ["ttdn", "--hostname", host, "--port", String(port)])
        let serve = try ServeCommand.Signature(from: &serveInput)
        try await app.servers.asyncCommand.run(using: context, signature: serve)
    }
}
