import Foundation
import TTDNKit
import Vapor

/// `ttdn seed-reporting --agencies 40 --tasks 80 [--year Y] [--directory] [--no-reports]`: a synthetic plan with a
/// monthly regime and submissions for the periods due, for `scripts/bench-reporting` and for trying the
/// dashboard at scale. Prints `plan ID` and `regime ID`.
struct SeedReportingCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "agencies", help: "How many agencies (default 40)") var agencies: Int?
        @Option(name: "tasks", help: "How many tasks (default 80)") var tasks: Int?
        @Option(name: "year", help: "The plan's year (default: last year, so every month is due)") var year: Int?
        @Flag(name: "directory", help: "Use the directory's agencies in force instead of creating new ones")
        var directory: Bool
        @Flag(name: "no-reports", help: "Create the plan and its obligations without any submission")
        var noReports: Bool
        @Flag(name: "no-regime", help: "Create the plan and its tasks only (no reporting regime)")
        var noRegime: Bool
    }

    var help: String { "Creates a synthetic plan with reports, to try or measure the reporting screens at scale." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await DatabaseSetup.ensureSchema(app)
        let agencies = signature.agencies ?? 40
        let tasks = signature.tasks ?? 80
        guard (1...500).contains(agencies), (1...2000).contains(tasks) else {
            throw CommandFailure("--agencies 1…500, --tasks 1…2000")
        }
        let year = signature.year ?? app.clock.today.year - 1
        let seeder = ReportSeeder(db: app.db, audit: .system("ttdn demo", clock: app.clock))
        var directory: [UUID]?
        if signature.directory {
            let today = app.clock.today
            directory = try await Agency.query(on: app.db).all().filter { $0.isCurrent(on: today) }.compactMap(\.id)
                .sorted { $0.uuidString < $1.uuidString }
            guard directory?.isEmpty == false else { throw CommandFailure("--directory: the directory is empty") }
        }
        let (plan, regime) = try await seeder.syntheticPlan(
            agencies: agencies, tasks: tasks, year: year, directory: directory, regime: !signature.noRegime)
        let filled =
            signature.noReports || regime == nil ? 0 : try await seeder.fill(planID: plan, today: app.clock.today)
        context.console.print("plan \(plan.uuidString.lowercased())")
        if let regime { context.console.print("regime \(regime.uuidString.lowercased())") }
        context.console.print("\(filled) submissions")
    }
}
