import Fluent
import TTDNKit
import Vapor

/// `ttdn user create USERNAME --name "…" --role admin [--role …] [--agency CODE] [--password …]`
/// `ttdn user reset-password USERNAME [--password …]`
/// `ttdn user unlock USERNAME` lifts a sign-in lock (for when the administrators themselves are locked out).
/// Without `--password`, the password is asked for on the terminal (not echoed).
struct UserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create, reset-password or unlock") var action: String
        @Argument(name: "username") var username: String
        @Option(name: "name", help: "Display name (create)") var name: String?
        @Option(
            name: "role",
            help: "Roles, comma-separated: admin, coordinator, agency_officer, editor, translator, approver, viewer")
        var role: String?
        @Option(name: "agency", help: "Agency code (required for agency_officer)") var agency: String?
        @Option(name: "email") var email: String?
        @Option(name: "password", help: "Otherwise asked for on the terminal") var password: String?
    }

    var help: String { "Creates a user, resets a user's password or lifts a user's sign-in lock." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await DatabaseSetup.ensureSchema(app)
        if signature.action == "unlock" {
            try await unlock(signature.username, app: app, context: context)
            return
        }
        let password = signature.password ?? context.console.ask("Password:", isSecure: true)
        let service = UserService(db: app.db, hasher: app.password.async, audit: .system("ttdn user", clock: app.clock))
        switch signature.action {
        case "create":
            var roles = Set<Role>()
            for name in (signature.role ?? "viewer").split(separator: ",") {
                guard let role = Role(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                    throw CommandFailure(
                        "unknown role \(name); roles are " + Role.allCases.map(\.rawValue).joined(separator: ", "))
                }
                roles.insert(role)
            }
            var agencyID: UUID?
            if let code = signature.agency {
                guard let agency = try await Agency.query(on: app.db).filter(\.$code == code).first() else {
                    throw CommandFailure("no agency with code \(code)")
                }
                agencyID = agency.id
            }
            let draft = UserService.Draft(
                username: signature.username, displayName: signature.name ?? signature.username, email: signature.email,
                password: password, agencyID: agencyID, roles: roles)
            let problems = try await service.problems(with: draft)
            guard problems.isEmpty else {
                throw CommandFailure(
                    problems.map {
                        app.translations.text(
                            $0.key, locale: .en, arguments: [String(AccountController.minimumPasswordLength)])
                    }.joined(separator: "; "))
            }
            let user = try await service.create(draft)
            context.console.print(
                "created user \(user.username) (\(roles.sorted().map(\.rawValue).joined(separator: ", ")))")
        case "reset-password":
            guard
                let user = try await User.query(on: app.db).filter(\.$username == signature.username.lowercased())
                    .first()
            else {
                throw CommandFailure("no user \(signature.username)")
            }
            do {
                try await service.resetPassword(of: user, to: password)
            } catch let problem as UserService.Problem {
                throw CommandFailure(
                    app.translations.text(
                        problem.key, locale: .en, arguments: [String(AccountController.minimumPasswordLength)]))
            }
            context.console.print("password reset for \(user.username)")
        default:
            throw CommandFailure("unknown action \(signature.action); use create, reset-password or unlock")
        }
    }

    private func unlock(_ username: String, app: Application, context: CommandContext) async throws {
        guard let user = try await User.query(on: app.db).filter(\.$username == username.lowercased()).first() else {
            throw CommandFailure("no user \(username)")
        }
        let throttle = LoginThrottleStore(db: app.db, rules: app.settings.loginThrottle)
        if try await throttle.unlock(user, by: .system("ttdn user", clock: app.clock), now: app.authClock.now()) {
            context.console.print("sign-in unlocked for \(user.username)")
        } else {
            context.console.print("sign-in for \(user.username) was not locked")
        }
    }
}

/// A command's failure, said in one line.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
