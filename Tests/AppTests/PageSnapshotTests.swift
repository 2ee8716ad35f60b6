import Foundation
import TTDNKit
import Testing
import Vapor

@testable import App

/// The main pages of the plan and reporting work, as HTML snapshots (see Support/Snapshot.swift). The plan
/// is for 2031 so that "next milestone" and report statuses stay put until then.
@Suite("Page snapshots")
struct PageSnapshotTests {
    static let year = 2031

    @Test("The plan page as the coordinator sees it, and filtered by agency")
    func planPage() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture, year: Self.year)
            var coordinator = Browser(app)
            try await coordinator.login(fixture.users[.coordinator]!)
            try Snapshot.check(
                try await coordinator.get(SiteURL.plan(plan.planID).path).text, named: "plan-coordinator")
            let filtered = SiteURL.plan(plan.planID).path + "?agency=" + fixture.agencies["so-vhttdl"]!.uuidString
            try Snapshot.check(try await coordinator.get(filtered).text, named: "plan-filtered")
        }
    }

    @Test("An officer's tasks and first-quarter report form")
    func officerPages() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            _ = try await PlanFixture.seed(app, fixture, year: Self.year)
            var officer = Browser(app)
            try await officer.login(fixture.users[.agencyOfficer]!)
            try Snapshot.check(try await officer.get(SiteURL.myTasks.path).text, named: "my-tasks-officer")
            let q1 = try await ReportingFlowTests.obligation(
                app, agency: fixture.agencies["so-ngoai-vu"]!, period: "\(Self.year)-Q1")
            try Snapshot.check(try await officer.get(SiteURL.report(q1.id!).path).text, named: "report-form-q1")
        }
    }

    @Test("The office's day in both languages: both home pages, the dashboard and the consolidated report")
    func officesDay() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let plan = try await PlanFixture.seed(app, fixture, year: Self.year)
            let regime = try #require(try await RegimeRecord.query(on: app.db).first())
            var coordinator = Browser(app)
            try await coordinator.login(fixture.users[.coordinator]!)
            var officer = Browser(app)
            try await officer.login(fixture.users[.agencyOfficer]!)
            for lang in ["vi", "en"] {
                try Snapshot.check(
                    try await coordinator.get(SiteURL.workspace.with(["lang": lang])).text, named: "home-office-\(lang)"
                )
                try Snapshot.check(
                    try await officer.get(SiteURL.workspace.with(["lang": lang])).text, named: "home-officer-\(lang)")
                try Snapshot.check(
                    try await coordinator.get(SiteURL.planReporting(plan.planID).with(["lang": lang])).text,
                    named: "dashboard-\(lang)")
                try Snapshot.check(
                    try await coordinator.get(
                        SiteURL.consolidated(regime.id!).with(["period": "\(Self.year)-Q1", "lang": lang])
                    ).text, named: "consolidated-\(lang)")
            }
        }
    }
}
