import Fluent
import Foundation
import TTDNKit
import Vapor

/// The demo province: the directory from `Resources/Demo/agencies.csv` and one fictional person
/// per role. Seeding goes through the same importer and user service as real data.
struct DemoSeed {
    let app: Application

    struct Person {
        let username: String
        let name: String
        let roles: [Role]
        /// Code of the agency the person works for.
        let agency: String?
    }

    /// Fictional people; the agencies are real.
    static let people: [Person] = [
        Person(username: "admin", name: "Hoàng Minh Quân", roles: [.admin], agency: nil),
        Person(username: "dieuphoi", name: "Lương Thị Thu Hà", roles: [.coordinator], agency: "so-ngoai-vu"),
        Person(username: "canbo", name: "Nông Văn Đức", roles: [.agencyOfficer], agency: "so-van-hoa-the-thao-du-lich"),
        Person(username: "bientap", name: "Vi Thị Lan", roles: [.editor], agency: "so-ngoai-vu"),
        Person(username: "bientich", name: "Triệu Quốc Bảo", roles: [.translator], agency: "so-ngoai-vu"),
        Person(username: "lanhdao", name: "Hà Văn Thành", roles: [.approver], agency: "ubnd-tinh"),
        Person(username: "xem", name: "Lục Thị Mai", roles: [.viewer], agency: nil),
    ]

    /// Seeds an empty database; returns false (and changes nothing) if it already has users.
    func seedIfEmpty() async throws -> Bool {
        guard try await User.query(on: app.db).count() == 0 else { return false }
        let csvPath = app.directory.resourcesDirectory + "Demo/agencies.csv"
        let csv = try String(contentsOfFile: csvPath, encoding: .utf8)
        let audit = AuditContext.system("ttdn demo", clock: app.clock)
        // All or nothing: a demo that fails half-way leaves an empty database to try again with.
        try await app.db.transaction { db in
            try await DirectoryImporter(db: db, audit: audit).importCSV(csv)
            let service = UserService(db: db, hasher: app.password.async, audit: audit)
            for person in Self.people {
                var agencyID: UUID?
                if let code = person.agency {
                    guard let agency = try await Agency.query(on: db).filter(\.$code == code).first() else {
                        throw CommandFailure("the demo directory has no agency \(code) for \(person.username)")
                    }
                    agencyID = agency.id
                }
                _ = try await service.create(
                    .init(
                        username: person.username, displayName: person.name, email: nil,
                        password: DemoCommand.password, agencyID: agencyID, roles: Set(person.roles)))
            }
        }
        // A plan of the demo province, read by the same reader as an upload: a few of its names
        // are old (resolved to their 2025 successors) and one is not in the directory at all.
        let plan = app.directory.resourcesDirectory + "Demo/ke-hoach-ttdn-2025.txt"
        if let data = FileManager.default.contents(atPath: plan) {
            let summary = try await PlanImportService(db: app.db, audit: audit)
                .importWithoutReview(data: data, filename: "ke-hoach-ttdn-2025.txt", status: .issued)
            // Its year is over: the agencies' reports, most accepted, some late, returned or missing.
            try await ReportSeeder(db: app.db, audit: .system("ttdn demo", clock: app.clock)).fill(
                planID: summary.planID, today: app.clock.today)
        }
        // The foreign-information site: a dozen articles in several languages, in every state.
        try await ArticleSeeder(db: app.db, now: app.clock.now()).fill(
            from: app.directory.resourcesDirectory + "Demo/articles.json")
        return true
    }
}
