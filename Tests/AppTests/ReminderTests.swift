import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor

@testable import App

/// Reminders: what is due on a day, claimed once across runs, in the notification centre and by e-mail
/// through a real SMTP server (Python's aiosmtpd with STARTTLS and a login) started for the test.
@Suite("Reminders")
struct ReminderTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A local SMTP server and its certificate; `stop()` ends it.
    final class SMTPSink {
        let dir: URL
        let process = Process()
        let input = Pipe()
        var port = 0

        init() throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("ttdn-smtp-\(UUID().uuidString)")
            try FileManager.default.createDirectory(
                at: dir.appendingPathComponent("out"), withIntermediateDirectories: true)
            let openssl = Process()
            openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            openssl.arguments = [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                dir.appendingPathComponent("key.pem").path,
                "-out", dir.appendingPathComponent("cert.pem").path, "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            ]
            openssl.standardError = FileHandle.nullDevice
            try openssl.run()
            openssl.waitUntilExit()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [
                "python3", ReminderTests.root.appendingPathComponent("Tests/python/smtp_sink.py").path,
                dir.appendingPathComponent("cert.pem").path,
                dir.appendingPathComponent("key.pem").path, dir.appendingPathComponent("out").path, "ttdn", "mật-khẩu",
            ]
            let output = Pipe()
            process.standardOutput = output
            process.standardInput = input
            try process.run()
            var line = Data()
            while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8)
            { line.append(byte) }
            let text = String(decoding: line, as: UTF8.self)
            guard text.hasPrefix("ready "), let port = Int(text.dropFirst(6)) else {
                throw Abort(.internalServerError, reason: "smtp_sink: \(text)")
            }
            self.port = port
        }

        var cert: String { dir.appendingPathComponent("cert.pem").path }

        func messages() throws -> [String] {
            let out = dir.appendingPathComponent("out")
            return try FileManager.default.contentsOfDirectory(atPath: out.path).sorted().map {
                try String(contentsOf: out.appendingPathComponent($0), encoding: .utf8)
            }
        }

        func stop() {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: dir)
        }
    }

    static var hasAiosmtpd: Bool {
        (try? PlanExportTests.python(["-c", "import aiosmtpd"]).0) == 0
    }

    @Test(
        "Three days before the due date: officers reminded once in the app and by e-mail over STARTTLS, coordinators summarised"
    )
    func remindersAreSentOnce() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture)
            let officer = try #require(
                try await User.query(on: app.db).filter(\.$username == fixture.users[.agencyOfficer]!).first())
            try await officer.auditedUpdate(on: app.db, by: .system("test")) { $0.email = "canbo@songoaivu.example" }
            let q1 = try await ReportingFlowTests.obligation(
                app, agency: fixture.agencies["so-ngoai-vu"]!, period: "\(plan.year)-Q1")
            let day = try #require(q1.due).addingDays(-3)

            let dry = try await ReminderService(app: app, db: app.db).run(today: day, send: false)
            // Every lead agency's Q1 report (three agencies), nothing sent by a dry run.
            #expect(dry.reminders.count == 3 && dry.sent == 0)
            #expect(try await Notifications.unreadCount(for: officer.requireID(), on: app.db) == 0)
            #expect(
                try await ReminderService(app: app, db: app.db).run(today: day.addingDays(1), send: false).reminders
                    .isEmpty)

            guard Self.hasAiosmtpd else {
                print("ReminderTests: python3 with aiosmtpd not found; e-mail was not checked")
                return
            }
            let sink = try SMTPSink()
            defer { sink.stop() }
            app.settings.smtp = SMTPSettings(
                host: "localhost", port: sink.port, username: "ttdn", password: "mật-khẩu", from: "ttdn@tinh.example",
                startTLS: true,
                caFile: sink.cert, publicBase: "https://ttdn.example")
            let first = try await ReminderService(app: app, db: app.db, claimant: "a").run(today: day, send: true)
            let second = try await ReminderService(app: app, db: app.db, claimant: "b").run(today: day, send: true)
            #expect(first.sent == 3 && second.sent == 0, "the second instance finds every reminder claimed")
            #expect(try await Notifications.unreadCount(for: officer.requireID(), on: app.db) == 1)
            let mails = try sink.messages()
            #expect(mails.count == 1, "only the officer has an address")
            let mail = try #require(mails.first)
            #expect(mail.contains("X-Envelope-To: canbo@songoaivu.example") && mail.contains("X-TLS: yes"))
            #expect(mail.contains("Subject: =?UTF-8?B?"))
            let body = mail.components(separatedBy: "\r\n\r\n").dropFirst().joined().replacingOccurrences(
                of: "\r\n", with: "")
            let decoded = String(decoding: Data(base64Encoded: body) ?? Data(), as: UTF8.self)
            #expect(decoded.contains("Báo cáo hằng quý · Quý I/\(plan.year): hạn gửi báo cáo là"))
            #expect(decoded.contains("https://ttdn.example/app/reports/\(q1.id!.uuidString.lowercased())"))

            // The server's certificate is checked: without its CA the send fails (fast, at the handshake).
            app.settings.smtp?.caFile = nil
            await #expect(throws: (any Error).self) {
                try await SMTPClient(settings: app.settings.smtp!).send(
                    .init(from: "a@b", to: "c@d", subject: "x", body: "y"))
            }
        }
    }
}
