import Fluent
import Foundation
import NIOCore
import TTDNKit
import Testing
import Vapor
import VaporTesting

@testable import App

// MARK: Helpers shared by the Directory*Tests files

/// A CSV file in the directory layout: the header, then one line per row (columns by name, others empty).
func directoryCSV(_ rows: [[String: String]]) -> String {
    func field(_ value: String) -> String {
        value.contains(where: { ",\"\r\n".contains($0) })
            ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }
    let lines =
        [AgencyCSV.columns.joined(separator: ",")]
        + rows.map { row in AgencyCSV.columns.map { field(row[$0] ?? "") }.joined(separator: ",") }
    return lines.joined(separator: "\n") + "\n"
}

func agency(_ code: String, on db: any Database) async throws -> Agency {
    try #require(try await Agency.query(on: db).filter(\.$code == code).first(), "no agency \(code)")
}

func auditEntries(by actor: String, on db: any Database) async throws -> [AuditEntry] {
    try await AuditEntry.query(on: db).filter(\.$actorName == actor).all()
}

extension Browser {
    /// Posts a multipart form (fields and one file), with the CSRF token.
    mutating func upload(
        _ path: String, fields: [(String, String)] = [], file: (name: String, filename: String, data: Data)
    )
        async throws -> TestingHTTPResponse
    {
        try await multipart(path, fields: fields, files: [file])
    }
}

// MARK: Import and export

@Suite("Directory CSV import and export")
struct DirectoryImportTests {
    static let actor = "csv-test"

    @Test("One bad row: nothing is saved, and every bad row is reported with its line")
    func badRowsImportNothing() async throws {
        try await withApp { app in
            _ = try await Fixture.seed(app)
            let agenciesBefore = try await Agency.query(on: app.db).count()
            let auditBefore = try await AuditEntry.query(on: app.db).count()
            let csv = directoryCSV([
                // line 2
                ["code": "so-moi", "kind": "department", "official_name": "Sở Mới", "parent_code": "ubnd-tinh"],
                ["code": "sai-loai", "kind": "khong-co", "official_name": "Cơ quan sai loại"],  // line 3
                ["code": "so-ngoai-vu", "kind": "department", "official_name": "Sở Ngoại vụ (đã sửa)"],  // line 4
                // line 5
                ["code": "phong-a", "kind": "unit", "official_name": "Phòng A", "parent_code": "khong-ton-tai"],
            ])
            let importer = DirectoryImporter(db: app.db, audit: .system(Self.actor, clock: app.clock))
            let refused = await #expect(throws: AgencyCSVErrors.self) { try await importer.importCSV(csv) }
            #expect(refused?.errors.map(\.line) == [3, 5])
            #expect(refused?.errors.map(\.code) == ["unknownKind", "unknownParent"])

            #expect(try await Agency.query(on: app.db).count() == agenciesBefore)
            #expect(try await agency("so-ngoai-vu", on: app.db).officialName == "Sở Ngoại vụ")
            #expect(try await Agency.query(on: app.db).filter(\.$code == "so-moi").first() == nil)
            #expect(try await AuditEntry.query(on: app.db).count() == auditBefore)
        }
    }

    @Test("A good file creates and updates agencies, successions, groups and members, each change audited")
    func goodImportCreatesAndUpdates() async throws {
        try await withApp { app in
            _ = try await Fixture.seed(app)
            let csv = directoryCSV([
                // A unit before its (new) parent: the importer writes parents first.
                ["code": "phong-a", "kind": "unit", "official_name": "Phòng A", "parent_code": "so-moi"],
                [
                    "code": "so-ngoai-vu", "kind": "department", "official_name": "Sở Ngoại vụ",
                    "parent_code": "ubnd-tinh",
                    "aliases": "Sở Ngoại vụ tỉnh Lạng Sơn", "abbreviations": "SNgV",
                ],
                ["code": "so-moi", "kind": "department", "official_name": "Sở Mới", "parent_code": "ubnd-tinh"],
                [
                    "code": "so-cu", "kind": "department", "official_name": "Sở Cũ", "parent_code": "ubnd-tinh",
                    "successor_code": "so-moi", "succession_kind": "mergedInto", "succession_date": "2025-07-01",
                ],
                [
                    "code": "nhom-moi", "kind": "group", "official_name": "các sở mới, cũ",
                    "members": "so-moi|so-ngoai-vu",
                ],
            ])
            let summary = try await DirectoryImporter(db: app.db, audit: .system(Self.actor, clock: app.clock))
                .importCSV(csv)
            #expect(summary.agenciesCreated == 3)
            #expect(summary.agenciesUpdated == 1)
            #expect(summary.groupsCreated == 1)

            let soMoi = try await agency("so-moi", on: app.db)
            #expect(try await agency("phong-a", on: app.db).$parent.id == soMoi.id)
            #expect(try await agency("so-ngoai-vu", on: app.db).aliases == ["Sở Ngoại vụ tỉnh Lạng Sơn"])
            // A successor without valid_to: the agency ends the day before.
            let soCu = try await agency("so-cu", on: app.db)
            #expect(soCu.validTo == "2025-06-30")
            let links = try await AgencySuccession.query(on: app.db).filter(\.$predecessor.$id == soCu.id!).all()
            #expect(links.map(\.$successor.id) == [soMoi.id!])
            let group = try #require(try await AgencyGroup.query(on: app.db).filter(\.$code == "nhom-moi").first())
            let members = try await AgencyGroupMember.query(on: app.db).filter(\.$group.$id == group.id!).all()
            #expect(
                Set(members.map(\.$agency.id)) == Set([soMoi.id!, try await agency("so-ngoai-vu", on: app.db).id!]))

            let entries = try await auditEntries(by: "csv-test", on: app.db)
            func count(_ type: String, _ action: AuditEntry.Action) -> Int {
                entries.filter { $0.entityType == type && $0.action == action.rawValue }.count
            }
            #expect(count("agency", .create) == 3)
            #expect(count("agency", .update) == 1)
            #expect(count("agency_succession", .create) == 1)
            #expect(count("agency_group", .create) == 1)
            #expect(count("agency_group_member", .create) == 2)
            #expect(entries.count == 8)
            let update = try #require(entries.first { $0.entityType == "agency" && $0.action == "update" })
            #expect(update.decodedChanges["aliases"] == ["", "Sở Ngoại vụ tỉnh Lạng Sơn"])

            // The same file again changes nothing and writes no audit entry.
            let again = try await DirectoryImporter(db: app.db, audit: .system("csv-test-2", clock: app.clock))
                .importCSV(csv)
            #expect(again.agenciesUnchanged == 4 && again.agenciesCreated == 0 && again.agenciesUpdated == 0)
            #expect(again.groupsUnchanged == 1)
            #expect(try await auditEntries(by: "csv-test-2", on: app.db).isEmpty)
        }
    }

    @Test("A row's member list replaces the group's members")
    func groupMembersReplaced() async throws {
        try await withApp { app in
            _ = try await Fixture.seed(app)
            let csv = directoryCSV([
                [
                    "code": "cac-so-ban-nganh", "kind": "group", "official_name": "các sở, ban, ngành",
                    "members": "so-khcn",
                ]
            ])
            let summary = try await DirectoryImporter(db: app.db, audit: .system(Self.actor, clock: app.clock))
                .importCSV(csv)
            #expect(summary.groupsUpdated == 1)
            let group = try #require(
                try await AgencyGroup.query(on: app.db).filter(\.$code == "cac-so-ban-nganh").first())
            let members = try await AgencyGroupMember.query(on: app.db).filter(\.$group.$id == group.id!).all()
            #expect(members.map(\.$agency.id) == [try await agency("so-khcn", on: app.db).id!])
            let deleted = try await auditEntries(by: Self.actor, on: app.db).filter {
                $0.entityType == "agency_group_member" && $0.action == "delete"
            }
            #expect(deleted.count == 2)
        }
    }

    @Test("A loop through stored records is refused on the row's line")
    func loopThroughStoredRecords() async throws {
        try await withApp { app in
            _ = try await Fixture.seed(app)
            // so-ngoai-vu (stored) sits under ubnd-tinh; putting ubnd-tinh under so-ngoai-vu closes a loop.
            let csv = directoryCSV([
                ["code": "so-moi", "kind": "department", "official_name": "Sở Mới"],
                [
                    "code": "ubnd-tinh", "kind": "provincialCommittee",
                    "official_name": "Ủy ban nhân dân tỉnh Lạng Sơn", "parent_code": "so-ngoai-vu",
                ],
            ])
            let refused = await #expect(throws: AgencyCSVErrors.self) {
                try await DirectoryImporter(db: app.db, audit: .system(Self.actor, clock: app.clock)).importCSV(csv)
            }
            #expect(refused?.errors.map(\.code) == ["parentCycle"])
            #expect(refused?.errors.first?.line == 3)
            #expect(refused?.errors.first?.args["codes"] == "ubnd-tinh → so-ngoai-vu → ubnd-tinh")
            #expect(try await Agency.query(on: app.db).filter(\.$code == "so-moi").first() == nil)
        }
    }

    @Test("Export then import gives the same directory")
    func roundTrip() async throws {
        try await withApp { app in
            _ = try await Fixture.seed(app)
            let first = try await DirectoryExporter(db: app.db).export()
            #expect(first.agencies == 5 && first.groups == 1)
            #expect(first.csv.hasPrefix(AgencyCSV.columns.joined(separator: ",")))

            // Into the same database: nothing changes.
            let same = try await DirectoryImporter(db: app.db, audit: .system(Self.actor, clock: app.clock)).importCSV(
                first.csv)
            #expect(same.agenciesUnchanged == 5 && same.groupsUnchanged == 1 && same.successionsChanged == 0)
            #expect(try await auditEntries(by: Self.actor, on: app.db).isEmpty)

            // Into an empty database: the same file comes out again.
            try await withApp { other in
                let summary = try await DirectoryImporter(db: other.db, audit: .system(Self.actor, clock: app.clock))
                    .importCSV(first.csv)
                #expect(summary.agenciesCreated == 5 && summary.groupsCreated == 1)
                let second = try await DirectoryExporter(db: other.db).export()
                #expect(second.csv == first.csv)
                let resolved = try await DirectoryLoader(db: other.db).directory()
                    .resolve("Sở Thông tin và Truyền thông", on: LocalDate(iso: "2024-01-10")!)
                let target = try #require(resolved.match?.target)
                #expect(target == .agency(try await agency("so-khcn", on: other.db).id!))
            }
        }
    }

    @Test("The import page: a file with a byte-order mark, each bad row listed with its reason; then a good file")
    func uploadPage() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var browser = Browser(app)
            try await browser.login(fixture.users[.coordinator]!)
            let form = try await browser.get(SiteURL.agenciesImport.path)
            #expect(form.status == .ok)
            #expect(form.text.contains("enctype=\"multipart/form-data\""))
            #expect(form.text.contains("5 MB"))
            #expect(!form.text.contains("import-problems"))

            let bad = directoryCSV([
                ["code": "so-moi", "kind": "department", "official_name": "Sở Mới"],
                ["code": "sai-loai", "kind": "khong-co", "official_name": "Cơ quan sai loại"],
                ["code": "khong-ten", "kind": "department", "official_name": ""],
            ])
            let refused = try await browser.upload(
                SiteURL.agenciesImport.path, file: ("file", "danh-ba.csv", Data(("\u{FEFF}" + bad).utf8)))
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("Loại “khong-co” không hợp lệ."))
            #expect(refused.text.contains("<td>3</td>"))
            #expect(refused.text.contains("<td>4</td>"))
            #expect(refused.text.contains("Tên chính thức bị bỏ trống."))
            #expect(try await Agency.query(on: app.db).filter(\.$code == "so-moi").first() == nil)

            let good = directoryCSV([
                ["code": "so-moi", "kind": "department", "official_name": "Sở Mới", "parent_code": "ubnd-tinh"]
            ])
            let done = try await browser.upload(
                SiteURL.agenciesImport.path, file: ("file", "danh-ba.csv", Data(("\u{FEFF}" + good).utf8)))
            #expect(done.status == .seeOther)
            #expect(done.location == SiteURL.agencies.path)
            let list = try await browser.get(SiteURL.agencies.path)
            #expect(list.text.contains("Đã nhập danh bạ"))
            let created = try await agency("so-moi", on: app.db)
            let entries = try await AuditEntry.query(on: app.db).filter(\.$entityID == created.id!.uuidString).all()
            #expect(entries.map(\.action) == ["create"])
            #expect(entries.first?.actorName.contains(fixture.users[.coordinator]!) == true)
        }
    }

    @Test("Pasted text works too, and reasons follow the interface language")
    func pastedTextInEnglish() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var browser = Browser(app)
            try await browser.login(fixture.users[.admin]!)
            try await browser.get(SiteURL.agenciesImport.with(["lang": "en"]))
            let bad = directoryCSV([["code": "Bad Code", "kind": "department", "official_name": "X"]])
            let refused = try await browser.post(SiteURL.agenciesImport.path, form: [("text", bad)])
            #expect(refused.status == .badRequest)
            #expect(
                refused.text.contains(
                    "The code “Bad Code” must be lowercase ASCII letters and digits joined by hyphens."))
            let empty = try await browser.post(SiteURL.agenciesImport.path, form: [("text", "  ")])
            #expect(empty.status == .badRequest)
            #expect(empty.text.contains("aria-invalid=\"true\""))
            let good = directoryCSV([
                ["code": "so-dan-toc-ton-giao", "kind": "department", "official_name": "Sở Dân tộc và Tôn giáo"]
            ])
            #expect(try await browser.post(SiteURL.agenciesImport.path, form: [("text", good)]).status == .seeOther)
            #expect(try await agency("so-dan-toc-ton-giao", on: app.db).officialName == "Sở Dân tộc và Tôn giáo")
        }
    }

    @Test("Export is a CSV download that a viewer may take")
    func exportDownload() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var browser = Browser(app)
            try await browser.login(fixture.users[.viewer]!)
            let response = try await browser.get(SiteURL.agenciesExport.path)
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .contentType) == "text/csv; charset=utf-8")
            let disposition = response.headers.first(name: .contentDisposition) ?? ""
            #expect(disposition.contains("attachment"))
            #expect(disposition.contains("danh-ba-co-quan-"))
            let text = response.body.string
            #expect(text.hasPrefix("\u{FEFF}code,kind,official_name"))
            #expect(
                text.contains(
                    "so-tttt,department,Sở Thông tin và Truyền thông,,ubnd-tinh,,,,2025-02-28,so-khcn,mergedInto,2025-03-01,"
                ))
            #expect(text.contains("\"các sở, ban, ngành\""))
        }
    }
}
