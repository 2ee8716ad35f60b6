import Fluent
import Foundation
import NIOCore
import TTDNKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// Every editor saves through the one versioned write: twenty saves sent at once, all carrying the
/// version the form was loaded at, succeed exactly once; the other nineteen are told of the conflict,
/// nothing is lost silently, and the audit trail has exactly one update with the winner's text.
@Suite("Versioned writes", .serialized)
struct VersionedWriteTests {
    static let racers = 20

    /// One request of a race: a form post or a multipart post.
    enum Post: Sendable {
        case form(String, [(String, String)])
        case multipart(String, [(String, String)])
    }

    /// Sends `racers` posts at once, each from its own copy of `browser` (same session), and returns
    /// the statuses in the order of `k`.
    static func race(_ browser: Browser, _ post: @escaping @Sendable (Int) -> Post) async throws
        -> [HTTPResponseStatus]
    {
        let app = browser.app
        let cookies = browser.cookies
        let csrf = browser.csrf
        return try await withThrowingTaskGroup(of: (Int, HTTPResponseStatus).self) { group in
            for k in 0..<racers {
                group.addTask {
                    var copy = Browser(app)
                    copy.cookies = cookies
                    copy.csrf = csrf
                    let response: TestingHTTPResponse
                    switch post(k) {
                    case .form(let path, let fields): response = try await copy.post(path, form: fields)
                    case .multipart(let path, let fields): response = try await copy.multipart(path, fields: fields)
                    }
                    return (k, response.status)
                }
            }
            var statuses = [HTTPResponseStatus](repeating: .internalServerError, count: racers)
            for try await (k, status) in group { statuses[k] = status }
            return statuses
        }
    }

    /// Exactly one save went through (`success`), the rest were conflicts; returns the winner's `k`.
    @discardableResult
    static func expectOneWinner(
        _ statuses: [HTTPResponseStatus], success: HTTPResponseStatus = .seeOther,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Int? {
        let winners = statuses.indices.filter { statuses[$0] == success }
        #expect(winners.count == 1, "winners: \(winners.count), statuses: \(statuses)", sourceLocation: sourceLocation)
        #expect(
            statuses.filter { $0 == .conflict }.count == racers - 1, "statuses: \(statuses)",
            sourceLocation: sourceLocation)
        return winners.first
    }

    static func updates(_ app: Application, type: String, id: UUID) async throws -> [AuditEntry] {
        try await AuditEntry.query(on: app.db).filter(\.$entityType == type).filter(\.$entityID == id.uuidString)
            .filter(\.$action == AuditEntry.Action.update.rawValue).all()
    }

    static func signedIn(_ app: Application, _ role: Role, _ fixture: Fixture) async throws -> Browser {
        var browser = Browser(app)
        try await browser.login(fixture.users[role]!)
        return browser
    }

    @Test("Agency: twenty saves of one version, one success, nineteen conflicts")
    func agency() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let browser = try await Self.signedIn(app, .coordinator, fixture)
            let id = fixture.agencies["so-ngoai-vu"]!
            let parent = fixture.agencies["ubnd-tinh"]!.uuidString
            let statuses = try await Self.race(browser) { k in
                .form(
                    SiteURL.agency(id).path,
                    [
                        ("version", "0"), ("code", "so-ngoai-vu"), ("official_name", "Sở Ngoại vụ — bản \(k)"),
                        ("kind", "department"), ("parent_id", parent),
                    ])
            }
            let winner = try #require(Self.expectOneWinner(statuses))
            let agency = try #require(try await Agency.find(id, on: app.db))
            #expect(agency.officialName == "Sở Ngoại vụ — bản \(winner)" && agency.version == 1)
            let entries = try await Self.updates(app, type: "agency", id: id)
            #expect(entries.count == 1)
            #expect(entries.first?.decodedChanges["official_name"] == ["Sở Ngoại vụ", "Sở Ngoại vụ — bản \(winner)"])
        }
    }

    @Test("Agency: the conflict answers 409 with the typed text and the newer version")
    func agencyConflictKeepsText() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var browser = try await Self.signedIn(app, .coordinator, fixture)
            let id = fixture.agencies["so-vhttdl"]!
            func fields(_ name: String) -> [(String, String)] {
                [
                    ("version", "0"), ("code", "so-vhttdl"), ("official_name", name), ("kind", "department"),
                    ("parent_id", fixture.agencies["ubnd-tinh"]!.uuidString),
                ]
            }
            #expect(try await browser.post(SiteURL.agency(id).path, form: fields("Tên thứ nhất")).status == .seeOther)
            let stale = try await browser.post(SiteURL.agency(id).path, form: fields("Tên tôi vừa gõ"))
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("Tên tôi vừa gõ") && stale.text.contains("Người khác vừa lưu"))
            #expect(AuditTests.hidden("version", in: stale.text) == "1")
            #expect(try await Agency.find(id, on: app.db)?.officialName == "Tên thứ nhất")
        }
    }

    @Test("Agency group: twenty saves of one version, one success")
    func agencyGroup() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let browser = try await Self.signedIn(app, .coordinator, fixture)
            let id = fixture.agencies["group:cac-so-ban-nganh"]!
            let members = [fixture.agencies["so-ngoai-vu"]!, fixture.agencies["so-khcn"]!]
            let statuses = try await Self.race(browser) { k in
                .form(
                    SiteURL.agencyGroup(id).path,
                    [("version", "0"), ("name", "các sở, ban, ngành — \(k)"), ("code", "cac-so-ban-nganh")]
                        + (k.isMultiple(of: 2) ? members : [members[0]]).map { ("members[]", $0.uuidString) })
            }
            let winner = try #require(Self.expectOneWinner(statuses))
            let group = try #require(try await AgencyGroup.find(id, on: app.db))
            #expect(group.name == "các sở, ban, ngành — \(winner)" && group.version == 1)
            let count = try await AgencyGroupMember.query(on: app.db).filter(\.$group.$id == id).count()
            #expect(count == (winner.isMultiple(of: 2) ? 2 : 1), "the members are the winner's")
            #expect(try await Self.updates(app, type: "agency_group", id: id).count == 1)
        }
    }

    @Test("Legal document: twenty saves of one version, one success")
    func legalDocument() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture)
            let browser = try await Self.signedIn(app, .coordinator, fixture)
            let id = plan.citedDocument
            let statuses = try await Self.race(browser) { k in
                .form(
                    SiteURL.legalDocument(id).path,
                    [("version", "0"), ("issuer", "Chính phủ"), ("title", "Về công tác thông tin đối ngoại — \(k)")])
            }
            let winner = try #require(Self.expectOneWinner(statuses))
            let document = try #require(try await LegalDocument.find(id, on: app.db))
            #expect(document.title == "Về công tác thông tin đối ngoại — \(winner)" && document.version == 1)
            #expect(try await Self.updates(app, type: "legal_document", id: id).count == 1)
        }
    }

    @Test("Reporting regime: twenty saves of one version, one success")
    func regime() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture)
            let browser = try await Self.signedIn(app, .coordinator, fixture)
            let record = try #require(
                try await RegimeRecord.query(on: app.db).filter(\.$plan.$id == plan.planID).first())
            let id = try record.requireID()
            let r = record.regime
            let version = String(record.version)
            let year = String(record.year)
            let statuses = try await Self.race(browser) { k in
                .form(
                    SiteURL.regime(id).path,
                    [
                        ("version", version), ("name", "Báo cáo quý — \(k)"), ("year", year),
                        ("frequency", r.frequency.rawValue), ("window", r.window.rawValue), ("due", r.due.description),
                        ("lock", r.lock.description), ("before", "3"), ("after", "1"), ("reporters", "plan-task-leads"),
                    ])
            }
            let winner = try #require(Self.expectOneWinner(statuses))
            let saved = try #require(try await RegimeRecord.find(id, on: app.db))
            #expect(saved.name == "Báo cáo quý — \(winner)" && saved.version == record.version + 1)
            #expect(try await Self.updates(app, type: "reporting_regime", id: id).count == 1)
        }
    }

    @Test("Consolidated report: twenty first saves and twenty later saves, one success each")
    func consolidated() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let year = app.clock.today.year
            let plan = try await PlanFixture.seed(app, fixture, year: year)
            let browser = try await Self.signedIn(app, .coordinator, fixture)
            let regime = try #require(
                try await RegimeRecord.query(on: app.db).filter(\.$plan.$id == plan.planID).first())
            let path = SiteURL.consolidated(regime.id!).with(["period": "\(year)-Q1"])
            for (round, version) in [(0, "0"), (1, "1")] {
                let statuses = try await Self.race(browser) { k in
                    .form(
                        path,
                        [
                            ("version", version), ("number", "\(round)-\(k)"),
                            ("parts[proposals]", "Đề nghị \(round)-\(k)"),
                        ])
                }
                let winner = try #require(Self.expectOneWinner(statuses))
                let draft = try #require(try await ConsolidatedDraft.query(on: app.db).first())
                #expect(draft.number == "\(round)-\(winner)" && draft.version == round + 1)
                #expect(draft.edits.contains("Đề nghị \(round)-\(winner)"))
            }
            let draft = try #require(try await ConsolidatedDraft.query(on: app.db).first())
            #expect(try await Self.updates(app, type: "consolidated_report", id: draft.id!).count == 1)
            // A stale save keeps what was typed.
            var coordinator = browser
            let stale = try await coordinator.post(
                path, form: [("version", "1"), ("number", "99"), ("parts[proposals]", "Đoạn tôi vừa viết")])
            #expect(stale.status == .conflict && stale.text.contains("Đoạn tôi vừa viết"))
        }
    }

    @Test("Plan status: twenty changes from one version, one recorded")
    func planStatus() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture)
            let browser = try await Self.signedIn(app, .coordinator, fixture)
            let statuses = try await Self.race(browser) { k in
                .form(
                    SiteURL.planStatus(plan.planID).path,
                    [("status", k.isMultiple(of: 2) ? "archived" : "superseded"), ("version", "1")])
            }
            #expect(statuses.allSatisfy { $0 == .seeOther }, "a status change answers with the plan page")
            let saved = try #require(try await Plan.find(plan.planID, on: app.db))
            #expect(saved.version == 2)
            #expect(try await Self.updates(app, type: "plan", id: plan.planID).count == 1)
        }
    }

    @Test("Task: twenty saves of one version, one success")
    func task() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture)
            let browser = try await Self.signedIn(app, .coordinator, fixture)
            let id = plan.tasks["II.2"]!
            let lead = fixture.agencies["so-ngoai-vu"]!.uuidString
            let statuses = try await Self.race(browser) { k in
                .form(
                    SiteURL.task(id).path,
                    [
                        ("version", "1"), ("ref", "II.2"), ("title", "Cập nhật Trang thông tin — \(k)"),
                        ("content", ""),
                        ("timeframe", "Thường xuyên"), ("lead_agency[]", "a:" + lead),
                        ("lead_wording[]", "Sở Ngoại vụ"),
                        ("status", "inProgress"), ("progress", "30"),
                    ])
            }
            let winner = try #require(Self.expectOneWinner(statuses))
            let task = try #require(try await PlanTask.find(id, on: app.db))
            #expect(task.title == "Cập nhật Trang thông tin — \(winner)" && task.version == 2)
            #expect(try await Self.updates(app, type: "plan_task", id: id).count == 1)
        }
    }

    @Test("Indicator: twenty saves of one version, one success")
    func indicator() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var browser = try await Self.signedIn(app, .coordinator, fixture)
            #expect(try await browser.post(SiteURL.indicators.path, form: [("defaults", "1")]).status == .seeOther)
            let row = try #require(try await Indicator.query(on: app.db).sort(\.$position).first())
            let id = try row.requireID()
            let statuses = try await Self.race(browser) { k in
                .form(
                    SiteURL.indicator(id).path,
                    [
                        ("version", "0"), ("name", "Chỉ tiêu — \(k)"), ("unit", "tin"), ("aggregation", "sum"),
                        ("active", "1"),
                    ])
            }
            let winner = try #require(Self.expectOneWinner(statuses))
            let saved = try #require(try await Indicator.find(id, on: app.db))
            #expect(saved.name == "Chỉ tiêu — \(winner)" && saved.version == 1)
            #expect(try await Self.updates(app, type: "indicator", id: id).count == 1)
            let stale = try await browser.post(
                SiteURL.indicator(id).path,
                form: [("version", "0"), ("name", "Tên tôi gõ"), ("unit", "tin"), ("aggregation", "sum")])
            #expect(stale.status == .conflict && stale.text.contains("Tên tôi gõ"))
        }
    }

    @Test("Plan targets: twenty saves of one version, one success")
    func targets() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture)
            var browser = try await Self.signedIn(app, .coordinator, fixture)
            #expect(try await browser.post(SiteURL.indicators.path, form: [("defaults", "1")]).status == .seeOther)
            let indicator = try #require(try await Indicator.query(on: app.db).sort(\.$position).first())
            let cell = "\(plan.tasks["II.1"]!.uuidString)][\(indicator.id!.uuidString)"
            let statuses = try await Self.race(browser) { k in
                .form(
                    SiteURL.planTargets(plan.planID).path,
                    [("version", "0"), ("link[\(cell)]", "1"), ("target[\(cell)]", String(k + 1))])
            }
            let winner = try #require(Self.expectOneWinner(statuses))
            let links = try await TaskIndicator.query(on: app.db).all()
            #expect(links.count == 1 && links.first?.target == Double(winner + 1))
            #expect(try await Plan.find(plan.planID, on: app.db)?.targetsVersion == 1)
        }
    }

    @Test("Report: twenty first saves and twenty later saves of one version, one success each")
    func report() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let year = app.clock.today.year + 1
            let plan = try await PlanFixture.seed(app, fixture, year: year)
            let browser = try await Self.signedIn(app, .agencyOfficer, fixture)
            let obligation = try await ReportingFlowTests.obligation(
                app, agency: fixture.agencies["so-ngoai-vu"]!, period: "\(year)-Q1")
            let path = SiteURL.report(obligation.id!).path
            for (round, version) in [(0, "0"), (1, "1")] {
                let statuses = try await Self.race(browser) { k in
                    .multipart(
                        path,
                        [("version", version), ("action", "save"), ("summary", "Bản \(round)-\(k)")]
                            + ReportingFlowTests.taskFields(plan, done: "Đã làm \(round)-\(k)"))
                }
                let winner = try #require(Self.expectOneWinner(statuses))
                let row = try #require(
                    try await Submission.query(on: app.db).filter(\.$obligation.$id == obligation.id!).first())
                #expect(row.report.summary == "Bản \(round)-\(winner)" && row.version == round + 1)
            }
        }
    }

    @Test("User: twenty saves of one version, one success, the conflict keeps the typed name")
    func user() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var browser = try await Self.signedIn(app, .admin, fixture)
            let viewer = try #require(
                try await User.query(on: app.db).filter(\.$username == fixture.users[.viewer]!).first())
            let id = try viewer.requireID()
            let version = try #require(
                AuditTests.hidden("version", in: try await browser.get(SiteURL.user(id).path).text))
            let statuses = try await Self.race(browser) { k in
                .form(
                    SiteURL.user(id).path,
                    [("version", version), ("display_name", "Người xem \(k)"), ("roles[]", "viewer"), ("active", "on")])
            }
            let winner = try #require(Self.expectOneWinner(statuses))
            #expect(try await User.find(id, on: app.db)?.displayName == "Người xem \(winner)")
            #expect(try await Self.updates(app, type: "user", id: id).count == 1)
            let stale = try await browser.post(
                SiteURL.user(id).path,
                form: [
                    ("version", version), ("display_name", "Tên tôi vừa gõ"), ("roles[]", "viewer"), ("active", "on"),
                ])
            #expect(stale.status == .conflict && stale.text.contains("Tên tôi vừa gõ"))
        }
    }

    /// Every model with a version column is `Versioned`, and no code moves a version by hand: the one
    /// versioned write is the only way a version changes.
    @Test func everyVersionedModelUsesTheOneWrite() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/App")
        var withColumn: Set<String> = []
        var conforming: Set<String> = []
        var byHand: [String] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            var current: String?
            for line in text.split(separator: "\n") {
                if let match = line.firstMatch(of: #/^final class (\w+): Model/#) { current = String(match.1) }
                if line.contains("(key: \"version\")"), let current { withColumn.insert(current) }
                if let match = line.firstMatch(of: #/^extension (\w+): Versioned/#) {
                    conforming.insert(String(match.1))
                }
                if line.contains("version += 1") || line.contains("version = version") {
                    byHand.append(url.lastPathComponent)
                }
            }
        }
        #expect(withColumn.count >= 9)
        #expect(withColumn.subtracting(["SubmissionEvent"]) == conforming)
        #expect(byHand.isEmpty, "versions moved by hand in \(byHand)")
    }
}
