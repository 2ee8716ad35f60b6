import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor

@testable import App

@Suite struct CommandTests {
    func run(_ command: some AsyncCommand, _ arguments: [String], on app: Application) async throws {
        var context = CommandContext(console: app.console, input: CommandInput(arguments: ["ttdn"] + arguments))
        context.application = app
        try await app.console.run(command, with: context)
    }

    @Test func userCreateAndResetPassword() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            try await run(
                UserCommand(),
                [
                    "create", "tran.thi.b", "--name", "Trần Thị B", "--role", "agency_officer,approver", "--agency",
                    "so-vhttdl", "--password", "mat-khau-ban-dau",
                ],
                on: app)
            let user = try #require(
                try await User.query(on: app.db).filter(\.$username == "tran.thi.b").with(\.$roleGrants).first())
            #expect(user.roles == [.agencyOfficer, .approver])
            #expect(user.$agency.id == fixture.agencies["so-vhttdl"])
            try await run(UserCommand(), ["reset-password", "tran.thi.b", "--password", "mat-khau-thu-hai"], on: app)
            var browser = Browser(app)
            try await browser.login("tran.thi.b", password: "mat-khau-thu-hai")
            let entries = try await AuditEntry.query(on: app.db).filter(\.$entityID == user.id!.uuidString).all()
            #expect(entries.allSatisfy { $0.actorName == "ttdn user" })
            #expect(entries.count == 2)
        }
    }

    @Test func userCreateRefusesBadInputWithAClearMessage() async throws {
        try await withApp { app in
            _ = try await Fixture.seed(app)
            await #expect {
                try await run(
                    UserCommand(), ["create", "x", "--role", "agency_officer", "--password", "short"], on: app)
            } throws: { error in
                let text = "\(error)"
                return text.contains("username") && text.contains("10 characters") && text.contains("agency")
            }
            await #expect(throws: CommandFailure.self) {
                try await run(
                    UserCommand(), ["create", "someone", "--role", "wizard", "--password", "long-enough-pass"], on: app)
            }
            #expect(try await User.query(on: app.db).filter(\.$username == "x").count() == 0)
        }
    }
}
