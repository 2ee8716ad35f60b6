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
            try await officer.auditedUpdate(on: app.db, by: .system("test", clock: app.clock)) {
                $0.email = "canbo@songoaivu.example"
            }
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

            guard Tools.require(Self.hasAiosmtpd, "python3 with aiosmtpd (ReminderTests)") else { return }
            let sink = try SMTPSink()
            defer { sink.stop() }
            app.settings.smtp = Self.smtp(sink)
            let first = try await ReminderService(app: app, db: app.db, claimant: "a").run(today: day, send: true)
            let second = try await ReminderService(app: app, db: app.db, claimant: "b").run(today: day, send: true)
            #expect(first.sent == 3 && second.sent == 0, "the second instance finds every reminder claimed")
            #expect(first.mailed == 1 && second.mailed == 0)
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
                    .init(from: "a@b", to: "c@d", subject: "x", body: "y"), date: Date(timeIntervalSince1970: 0))
            }
        }
    }

    static func smtp(_ sink: SMTPSink) -> SMTPSettings {
        SMTPSettings(
            host: "localhost", port: sink.port, username: "ttdn", password: "mật-khẩu", from: "ttdn@tinh.example",
            startTLS: true, caFile: sink.cert, publicBase: "https://ttdn.example")
    }

    /// The officer of Sở Ngoại vụ with an address, and the day three days before its Q1 report is due.
    static func officerAndDay(_ app: Application, email: String) async throws -> (User, LocalDate, Obligation) {
        let fixture = try await Fixture.seed(app)
        let plan = try await PlanFixture.seed(app, fixture)
        let officer = try #require(
            try await User.query(on: app.db).filter(\.$username == fixture.users[.agencyOfficer]!).first())
        try await officer.auditedUpdate(on: app.db, by: .system("test", clock: app.clock)) { $0.email = email }
        let q1 = try await ReportingFlowTests.obligation(
            app, agency: fixture.agencies["so-ngoai-vu"]!, period: "\(plan.year)-Q1")
        return (officer, try #require(q1.due).addingDays(-3), q1)
    }

    @Test("A failed e-mail is kept, tried again after its backoff (on a later day too) and sent exactly once")
    func failedMailIsRetriedWithBackoff() async throws {
        try await withApp { app in
            let (_, day, _) = try await Self.officerAndDay(app, email: "canbo@songoaivu.example")
            let start = day.startOfDay().addingTimeInterval(9 * 3600)
            app.clock = .fixed(start)
            // Nothing listens on port 1: the server is down.
            app.settings.smtp = SMTPSettings(
                host: "127.0.0.1", port: 1, username: nil, password: nil, from: "ttdn@tinh.example", startTLS: false,
                caFile: nil, publicBase: "https://ttdn.example")
            let down = try await ReminderService(app: app, db: app.db, claimant: "a").run(send: true)
            #expect(down.sent == 3 && down.mailed == 0 && down.mailFailures == 1)
            let pending = try await ReminderService(app: app, db: app.db).unfinished()
            #expect(pending.count == 1)
            let job = try #require(pending.first)
            #expect(job.attempts == 1 && !job.gaveUp)
            #expect(job.next_attempt_at == start.addingTimeInterval(5 * 60), "first retry after 5 minutes")
            #expect((job.last_error ?? "").isEmpty == false)
            #expect(RemindCommand.line(job).hasPrefix("retry "))
            // Coordinators see it in their notification centre; officers do not.
            var coordinator = Browser(app)
            try await coordinator.login("u-coordinator")
            let centre = try await coordinator.get(SiteURL.notifications.path)
            #expect(
                centre.text.contains("Thư nhắc hạn gửi không thành công: 1 thư đang chờ gửi lại, 0 thư đã ngừng gửi"))
            var officer = Browser(app)
            try await officer.login("u-agency-officer")
            #expect(!(try await officer.get(SiteURL.notifications.path)).text.contains("Thư nhắc hạn"))

            guard Tools.require(Self.hasAiosmtpd, "python3 with aiosmtpd (ReminderTests)") else { return }
            let sink = try SMTPSink()
            defer { sink.stop() }
            app.settings.smtp = Self.smtp(sink)
            // Before the backoff has passed, nobody tries again, and the day's reminders are not planned twice.
            app.clock = .fixed(start.addingTimeInterval(60))
            let early = try await ReminderService(app: app, db: app.db, claimant: "b").run(send: true)
            #expect(early.sent == 0 && early.mailed == 0 && early.mailFailures == 0)
            #expect(try sink.messages().isEmpty)

            // The next morning: two instances at once; one of them sends it.
            app.clock = .fixed(start.addingTimeInterval(86400))
            async let a = ReminderService(app: app, db: app.db, claimant: "a").deliverMail()
            async let b = ReminderService(app: app, db: app.db, claimant: "b").deliverMail()
            let (ra, rb) = try await (a, b)
            #expect(ra.sent + rb.sent == 1 && ra.failed + rb.failed == 0)
            _ = try await ReminderService(app: app, db: app.db, claimant: "c").run(send: true)
            let mails = try sink.messages()
            #expect(mails.count == 1, "sent once")
            #expect(mails.first?.contains("X-Envelope-To: canbo@songoaivu.example") == true)
            #expect(try await ReminderService(app: app, db: app.db).unfinished().isEmpty)
        }
    }

    @Test("A job that keeps failing is given up after its last attempt and listed as such")
    func jobsAreGivenUp() async throws {
        try await withApp { app in
            let store = try JobStore(db: app.db, claimant: "t", policy: RetryPolicy(delays: [60], lease: 600))
            let t0 = Date(timeIntervalSince1970: 1_780_000_000)
            try await store.enqueue("mail|x", payload: "{}", at: t0)
            try await store.enqueue("mail|x", payload: "other", at: t0)  // a second plan is a no-op
            let first = try #require(try await store.take("mail|x", at: t0))
            #expect(first.payload == "{}" && first.number == 1)
            // Held: nobody else takes it during the attempt.
            #expect(try await store.take("mail|x", at: t0) == nil)
            try await store.fail(first, error: "421 try later", at: t0)
            #expect(try await store.due(prefix: "mail|", at: t0.addingTimeInterval(59)).isEmpty)
            #expect(try await store.due(prefix: "mail|", at: t0.addingTimeInterval(60)) == ["mail|x"])
            let second = try #require(try await store.take("mail|x", at: t0.addingTimeInterval(60)))
            #expect(second.number == 2)
            try await store.fail(second, error: "421 still down", at: t0.addingTimeInterval(60))
            #expect(try await store.take("mail|x", at: t0.addingTimeInterval(3600)) == nil)
            let rows = try await store.unfinished(at: t0.addingTimeInterval(3600))
            #expect(rows.count == 1 && rows.first?.gaveUp == true && rows.first?.last_error == "421 still down")
            #expect(
                rows.first.map(RemindCommand.line)?.hasPrefix("gave up  attempts 2  mail|x  421 still down") == true)

            // An attempt whose process died is taken again once its lease has run out.
            try await store.enqueue("mail|y", payload: "{}", at: t0)
            _ = try #require(try await store.take("mail|y", at: t0))
            #expect(try await store.take("mail|y", at: t0.addingTimeInterval(599)) == nil)
            let again = try #require(try await store.take("mail|y", at: t0.addingTimeInterval(600)))
            #expect(again.number == 2)
            try await store.finish(again, outcome: "sent", at: t0.addingTimeInterval(600))
            #expect(try await store.take("mail|y", at: t0.addingTimeInterval(9999)) == nil)
        }
    }

    @Test("An address with CR/LF never reaches the SMTP conversation: the job is given up, nothing is sent")
    func lineBreaksInAddressesAreRefused() async throws {
        try await withApp { app in
            // Stored before addresses were checked (or around the forms).
            let (_, day, _) = try await Self.officerAndDay(
                app, email: "canbo@songoaivu.example>\r\nRCPT TO:<ai-do@evil.example")
            app.clock = .fixed(day.startOfDay().addingTimeInterval(9 * 3600))
            guard Tools.require(Self.hasAiosmtpd, "python3 with aiosmtpd (ReminderTests)") else { return }
            let sink = try SMTPSink()
            defer { sink.stop() }
            app.settings.smtp = Self.smtp(sink)
            let outcome = try await ReminderService(app: app, db: app.db).run(send: true)
            #expect(outcome.sent == 3 && outcome.mailed == 0 && outcome.mailFailures == 1)
            #expect(try sink.messages().isEmpty)
            let job = try #require(try await ReminderService(app: app, db: app.db).unfinished().first)
            #expect(job.gaveUp && job.attempts == 1, "refused at once, not retried")
            #expect(job.last_error?.contains("controlCharacter") == true)

            // The client itself refuses, before it connects, whatever the caller checked.
            for (from, to, subject) in [
                ("ttdn@tinh.example", "a@b.example\r\nRCPT TO:<x@evil.example>", "x"),
                ("ttdn@tinh.example\nBcc: x@evil.example", "a@b.example", "x"),
                ("ttdn@tinh.example", "a@b.example", "x\r\nBcc: x@evil.example"),
            ] {
                await #expect {
                    try await SMTPClient(settings: Self.smtp(sink)).send(
                        .init(from: from, to: to, subject: subject, body: "y"), date: Date(timeIntervalSince1970: 0))
                } throws: { error in
                    (error as? SMTPClient.Failure)?.permanent == true
                }
            }
            #expect(try sink.messages().isEmpty)
        }
    }

    /// A developer's `SMTP_URL` (or evidence directory, or public address) never reaches a test's app.
    @Test("Tests are sealed: settings come from what the test gives, not from the environment")
    func settingsIgnoreTheEnvironment() async throws {
        setenv("SMTP_URL", "smtp://leak@127.0.0.1:1?from=leak@example.invalid", 1)
        setenv("TTDN_EVIDENCE_DIR", "/nonexistent/ttdn-leak", 1)
        setenv("PUBLIC_URL", "https://leak.example.invalid", 1)
        try await withApp { app in
            #expect(app.settings.smtp == nil)
            #expect(app.settings.evidenceDirectory == nil)
            #expect(app.settings.publicURL == nil)
            #expect(app.settings.maxEvidenceBytes == 10 << 20)
        }
        // The same variables, given on purpose, are read.
        let given = AppSettings.load(
            databaseFlag: ":memory:", environment: .testing,
            variables: [
                "SMTP_URL": "smtp://u:p@mail.example:2525?from=ttdn@tinh.example", "TTDN_EVIDENCE_DIR": "/srv/evidence",
                "PUBLIC_URL": "https://ttdn.example/", "TTDN_EVIDENCE_MAX_MB": "3",
            ])
        #expect(
            given.smtp?.host == "mail.example" && given.smtp?.port == 2525
                && given.smtp?.publicBase == "https://ttdn.example")
        #expect(given.evidenceDirectory == "/srv/evidence" && given.maxEvidenceBytes == 3 << 20)
        #expect(given.publicURL == "https://ttdn.example" && given.secureCookies)
    }
}
