import Foundation
import TTDNKit
import Testing
import Vapor

@testable import App

/// `TTDN_CLOCK_OFFSET_DAYS` moves the app's clock for a rehearsal or a demo, never in production.
@Suite("Clock offset")
struct ClockOffsetTests {
    @Test("Read outside production only, within a century, and whole days")
    func setting() {
        func offset(_ value: String, _ environment: Environment = .development) -> Int {
            AppSettings.load(
                databaseFlag: ":memory:", environment: environment, variables: ["TTDN_CLOCK_OFFSET_DAYS": value]
            ).clockOffsetDays
        }
        #expect(offset("-541") == -541)
        #expect(offset("14") == 14)
        #expect(offset("14", .production) == 0)
        #expect(offset("two weeks") == 0)
        #expect(offset("99999999") == 0)
        #expect(
            AppSettings.load(databaseFlag: ":memory:", environment: .development, variables: [:]).clockOffsetDays == 0)
    }

    @Test("The app's clock, and so its today, runs the offset ahead")
    func clock() async throws {
        let app = try await Application.make(.testing)
        do {
            var settings = AppSettings.load(
                databaseFlag: ":memory:", environment: .development, variables: ["TTDN_CLOCK_OFFSET_DAYS": "-30"])
            settings.bcryptCost = 4
            try await configure(app, settings: settings)
            let expected = Date().addingTimeInterval(-30 * 86_400)
            #expect(abs(app.clock.now().timeIntervalSince(expected)) < 60)
            #expect(app.clock.today == LocalDate(expected))
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
