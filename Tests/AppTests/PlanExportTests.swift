import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// DOCX and CSV downloads, `ttdn export`, and each agency's calendar feed.
@Suite("Plan exports and calendar feeds")
struct PlanExportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("The DOCX download reads back as the same plan: tasks, agencies, timeframes")
    func docx() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture)
            var browser = Browser(app)
            try await browser.login(fixture.users[.viewer]!)
            let response = try await browser.get(SiteURL.planExportDocx(plan.planID).path)
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .contentType) == PlanExportController.docxType)
            #expect(
                response.headers.first(name: .contentDisposition)?.contains("filename=\"ke-hoach-18-kh-sngv.docx\"")
                    == true)
            let data = Data(buffer: response.body)
            #expect(data.prefix(2) == Data("PK".utf8))
            let read = try PlanReader.read(data: data, filename: "export.docx").plan
            let original = PlanFixture.document(year: plan.year)
            #expect(read.tasks.map(\.ref) == original.tasks.map(\.ref))
            #expect(read.tasks.map(\.title) == original.tasks.map(\.title))
            #expect(read.tasks.map { $0.timeframe?.kind } == original.tasks.map { $0.timeframe?.kind })
            // As written: the names the document used, even for agencies merged since.
            let famtrip = try #require(read.tasks.first { $0.ref == "II.3.1" })
            #expect(famtrip.lead == ["Sở Văn hóa, Thể thao và Du lịch"])
            let bulletin = try #require(read.tasks.first { $0.ref == "II.1" })
            #expect(bulletin.support == ["Sở Thông tin và Truyền thông", "Báo Lạng Sơn"])
            // On request, linked agencies under today's names; unlinked wordings as written.
            let today = try await browser.get(SiteURL.planExportDocx(plan.planID).with(["names": "today"]))
            let readToday = try PlanReader.read(data: Data(buffer: today.body), filename: "export.docx").plan
            #expect(
                readToday.tasks.first { $0.ref == "II.1" }?.support == ["Sở Khoa học và Công nghệ", "Báo Lạng Sơn"])
            #expect(read.number == "18")
            #expect(read.symbol == "KH-SNgV")
            #expect(try await browser.get(SiteURL.planExportDocx(UUID()).path).status == .notFound)
        }
    }

    @Test("The CSV download lists every task with agencies, timeframe, next milestone, status and progress")
    func csv() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture)
            var browser = Browser(app)
            try await browser.login(fixture.users[.agencyOfficer]!)
            let response = try await browser.get(SiteURL.planTasksCSV(plan.planID).path)
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .contentType) == "text/csv; charset=utf-8")
            let data = Data(buffer: response.body)
            #expect(data.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
            let text = String(decoding: data.dropFirst(3), as: UTF8.self)
            let parsed = CSVTable.parse(text)
            #expect(parsed.errors.isEmpty)
            let table = parsed.records.map(\.fields)
            #expect(table.count == 1 + 7)
            #expect(table[0] == PlanTaskCSV.vietnameseHeader)
            let famtrip = try #require(table.first { $0.first == "II.3.1" })
            #expect(famtrip[2] == "Sở Văn hóa, Thể thao và Du lịch")
            #expect(famtrip[5] == "quarters")
            #expect(famtrip[6] == "\(plan.year)-06-30")
            #expect(famtrip[7] == "Chưa thực hiện")
            #expect(famtrip[8] == "0")
        }
    }

    @Test("ttdn export writes the DOCX and the CSV; a wrong id or format is a clear error")
    func command() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "ttdn-export-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            func run(_ arguments: [String]) async throws {
                var context = CommandContext(console: app.console, input: CommandInput(arguments: ["ttdn"] + arguments))
                context.application = app
                try await app.console.run(ExportCommand(), with: context)
            }
            let docx = folder.appendingPathComponent("plan.docx").path
            try await run([plan.planID.uuidString.lowercased(), "--format", "docx", "--output", docx])
            let written = try #require(FileManager.default.contents(atPath: docx))
            #expect(try PlanReader.read(data: written, filename: "plan.docx").plan.tasks.count == 7)
            let csv = folder.appendingPathComponent("tasks.csv").path
            try await run([plan.planID.uuidString, "--format", "csv", "--output", csv])
            let csvText = String(
                decoding: try #require(FileManager.default.contents(atPath: csv)).dropFirst(3), as: UTF8.self)
            #expect(csvText.contains("II.3.2"))
            #expect(csvText.contains("Chưa thực hiện"))
            await #expect(throws: CommandFailure.self) { try await run([UUID().uuidString, "--output", docx]) }
            await #expect(throws: CommandFailure.self) { try await run([plan.planID.uuidString, "--format", "pdf"]) }
            await #expect(throws: CommandFailure.self) { try await run(["not-an-id"]) }
        }
    }

    /// Creates the agency's feed as `browser` and returns its token.
    static func createFeed(_ browser: inout Browser, agency: UUID) async throws -> (TestingHTTPResponse, String?) {
        let response = try await browser.post(SiteURL.myTasksCalendar.path, form: [("agency", agency.uuidString)])
        let page = try await browser.get(SiteURL.myTasks.with(["agency": agency.uuidString]))
        let token = page.text.firstMatch(of: #/calendar/([A-Za-z0-9_-]{43})/#).map { String($0.1) }
        return (response, token)
    }

    @Test("An agency's calendar feed: created by its officer, milestones as all-day events, revoked and replaced")
    func calendarFeed() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture)
            let ngoaiVu = fixture.agencies["so-ngoai-vu"]!
            var officer = Browser(app)
            try await officer.login(fixture.users[.agencyOfficer]!)
            let before = try await officer.get(SiteURL.myTasks.path)
            #expect(before.text.contains("id=\"calendar\""))
            #expect(before.text.contains("Tạo địa chỉ lịch"))
            let (created, token) = try await Self.createFeed(&officer, agency: ngoaiVu)
            #expect(created.status == .seeOther)
            let first = try #require(token)
            #expect(first.count == 43)

            var anonymous = Browser(app)
            let feed = try await anonymous.get(SiteURL.calendarFeed(first).path)
            #expect(feed.status == .ok)
            #expect(feed.headers.first(name: .contentType) == "text/calendar; charset=utf-8")
            let ics = feed.text
            #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\n"))
            // Sở Ngoại vụ: 4 issues of II.1, quarters II and III of II.3.1, the year end of II.4 (through its group);
            // II.2 (ongoing) and II.5 (external) have no dates. Plus the four quarterly report deadlines.
            #expect(ics.components(separatedBy: "BEGIN:VEVENT").count - 1 == 4 + 2 + 1 + 4)
            #expect(ics.contains("[Báo cáo] Báo cáo hằng quý · Quý I/\(plan.year) — hạn gửi"))
            #expect(ics.contains("DTSTART;VALUE=DATE:\(plan.year)0630"))
            #expect(ics.contains("[Chủ trì] II.1"))
            #expect(ics.contains("[Phối hợp] II.3.1"))
            #expect(try await anonymous.get(SiteURL.calendarFeed(first).path + ".ics").status == .ok)

            // Checked with Python's icalendar where it is installed.
            if Tools.require(Self.pythonHasICalendar(), "python3 with icalendar (PlanExportTests)") {
                let file = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "ttdn-\(UUID().uuidString).ics")
                try Data(buffer: feed.body).write(to: file)
                defer { try? FileManager.default.removeItem(at: file) }
                let (status, output) = try Self.python([
                    Self.root.appendingPathComponent("Tests/python/check_ics.py").path, file.path,
                ])
                #expect(status == 0, "check_ics.py: \(output)")
            }

            // Revoke and replace: the old address stops at once, the new one works.
            let (replaced, second) = try await Self.createFeed(&officer, agency: ngoaiVu)
            #expect(replaced.status == .seeOther)
            let next = try #require(second)
            #expect(next != first)
            #expect(try await anonymous.get(SiteURL.calendarFeed(first).path).status == .notFound)
            #expect(try await anonymous.get(SiteURL.calendarFeed(next).path).status == .ok)
            #expect(
                try await anonymous.get(SiteURL.calendarFeed(String(repeating: "A", count: 43)).path).status
                    == .notFound)
            let tokens = try await CalendarToken.query(on: app.db).filter(\.$agency.$id == ngoaiVu).all()
            #expect(tokens.count == 2 && tokens.filter { $0.revokedAt == nil }.count == 1)
            let trail = try await AuditEntry.query(on: app.db).filter(\.$entityType == "calendar_token").all()
            #expect(trail.count == 3)
            #expect(trail.allSatisfy { !$0.changes.contains(first) && !$0.changes.contains(next) })
        }
    }

    @Test("Only the agency's own officers, coordinators and admins manage an agency's feed")
    func calendarFeedAccess() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            try await PlanFixture.seed(app, fixture)
            let vhttdl = fixture.agencies["so-vhttdl"]!
            var officer = Browser(app)
            try await officer.login(fixture.users[.agencyOfficer]!)
            #expect(
                try await officer.post(SiteURL.myTasksCalendar.path, form: [("agency", vhttdl.uuidString)]).status
                    == .forbidden)
            var viewer = Browser(app)
            try await viewer.login(fixture.users[.viewer]!)
            #expect(
                try await viewer.post(SiteURL.myTasksCalendar.path, form: [("agency", vhttdl.uuidString)]).status
                    == .forbidden)
            #expect(try await viewer.post(SiteURL.myTasksCalendar.path, form: []).status == .badRequest)
            #expect(try await CalendarToken.query(on: app.db).count() == 0)
            var coordinator = Browser(app)
            try await coordinator.login(fixture.users[.coordinator]!)
            let (response, token) = try await Self.createFeed(&coordinator, agency: vhttdl)
            #expect(response.status == .seeOther)
            #expect(token != nil)
            // The feed's address is shown only to those who may manage it.
            let seen = try await officer.get(SiteURL.myTasks.path)
            #expect(!seen.text.contains(token!))
        }
    }

    static func pythonHasICalendar() -> Bool {
        (try? python(["-c", "import icalendar"]).0) == 0
    }

    static func python(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
