import Fluent
import Foundation
import SQLKit
import TTDNKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// Runs `body` against a freshly configured application on its own database: a private SQLite
/// database by default, or PostgreSQL when `TEST_DATABASE_URL` is set (then tests take turns,
/// each on an emptied schema; an app started inside another test's app gets a schema of its own).
func withApp(
    throttle: LoginThrottle = LoginThrottle(), _ body: (Application) async throws -> Void
) async throws {
    let postgresURL = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    let depth = TestAppDepth.current
    let takesTurn = postgresURL != nil && depth == 0
    if takesTurn { await PostgresTurn.shared.acquire() }
    let app = try await Application.make(.testing)
    do {
        // Sealed: settings come from what the test gives, never from the developer's environment.
        var settings = AppSettings.load(databaseFlag: postgresURL ?? ":memory:", environment: .testing, variables: [:])
        settings.bcryptCost = 4
        settings.maxPlanUploadBytes = 1 << 20
        settings.loginThrottle = throttle
        let schema = depth == 0 ? "public" : "nested_\(depth)"
        if postgresURL != nil { settings.postgresSchema = schema }
        try await configure(app, settings: settings)
        if postgresURL != nil, let sql = app.db as? any SQLDatabase {
            try await sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
            try await sql.raw("CREATE SCHEMA \(ident: schema)").run()
        }
        try await DatabaseSetup.prepareSQLite(app)
        try await app.autoMigrate()
        try await TestAppDepth.$current.withValue(depth + 1) { try await body(app) }
    } catch {
        try? await app.asyncShutdown()
        if takesTurn { await PostgresTurn.shared.release() }
        throw error
    }
    try await app.asyncShutdown()
    if takesTurn { await PostgresTurn.shared.release() }
}

/// How many test apps enclose the current task (a test may start a second app inside its first).
enum TestAppDepth {
    @TaskLocal static var current = 0
}

/// One PostgreSQL test at a time (they share one database); SQLite tests run in parallel.
actor PostgresTurn {
    static let shared = PostgresTurn()
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}

/// The password every test user has.
let testPassword = "correct-horse-battery"

/// A small directory and one user per role. The agency officer works for `so-ngoai-vu`.
struct Fixture {
    var agencies: [String: UUID] = [:]
    var users: [Role: String] = [:]

    static func seed(_ app: Application) async throws -> Fixture {
        var fixture = Fixture()
        let audit = AuditContext.system("test", clock: app.clock)
        let ubnd = Agency(
            code: "ubnd-tinh", officialName: "Ủy ban nhân dân tỉnh Lạng Sơn", shortName: "UBND tỉnh",
            kind: .provincialCommittee)
        try await ubnd.auditedCreate(on: app.db, by: audit)
        let ngoaiVu = Agency(
            code: "so-ngoai-vu", officialName: "Sở Ngoại vụ", kind: .department, parentID: ubnd.id,
            abbreviations: ["SNgV"])
        try await ngoaiVu.auditedCreate(on: app.db, by: audit)
        let vhttdl = Agency(
            code: "so-vhttdl", officialName: "Sở Văn hóa, Thể thao và Du lịch", kind: .department, parentID: ubnd.id)
        try await vhttdl.auditedCreate(on: app.db, by: audit)
        let tttt = Agency(
            code: "so-tttt", officialName: "Sở Thông tin và Truyền thông", kind: .department, parentID: ubnd.id,
            validTo: LocalDate(iso: "2025-02-28"))
        try await tttt.auditedCreate(on: app.db, by: audit)
        let khcn = Agency(
            code: "so-khcn", officialName: "Sở Khoa học và Công nghệ", kind: .department, parentID: ubnd.id)
        try await khcn.auditedCreate(on: app.db, by: audit)
        try await AgencySuccession(
            predecessorID: tttt.id!, successorID: khcn.id!, kind: "mergedInto", effective: LocalDate(iso: "2025-03-01")!
        )
        .auditedCreate(on: app.db, by: audit)
        let group = AgencyGroup(
            code: "cac-so-ban-nganh", name: "các sở, ban, ngành", aliases: ["các sở, ban, ngành tỉnh"])
        try await group.auditedCreate(on: app.db, by: audit)
        for member in [ngoaiVu, vhttdl, khcn] {
            try await AgencyGroupMember(groupID: group.id!, agencyID: member.id!).auditedCreate(on: app.db, by: audit)
        }
        for agency in [ubnd, ngoaiVu, vhttdl, tttt, khcn] { fixture.agencies[agency.code] = agency.id }
        fixture.agencies["group:cac-so-ban-nganh"] = group.id
        let service = UserService(db: app.db, hasher: app.password.async, audit: audit)
        for role in Role.allCases {
            let username = "u-" + role.rawValue.replacingOccurrences(of: "_", with: "-")
            _ = try await service.create(
                .init(
                    username: username, displayName: "Người dùng \(role.rawValue)", email: nil, password: testPassword,
                    agencyID: role == .agencyOfficer || role == .coordinator ? ngoaiVu.id : nil, roles: [role]))
            fixture.users[role] = username
        }
        return fixture
    }
}
