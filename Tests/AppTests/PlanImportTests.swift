import Fluent
import Foundation
import NIOCore
import TTDNKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// Upload → review beside the outline → correct → save, all or nothing; and `ttdn import`.
@Suite struct PlanImportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static var demoPlan: Data {
        FileManager.default.contents(atPath: root.appendingPathComponent("Resources/Demo/ke-hoach-ttdn-2025.txt").path)!
    }

    /// The demo province's directory, through the same importer the demo uses.
    static func seedDirectory(_ app: Application) async throws -> Fixture {
        let csv = try String(contentsOf: root.appendingPathComponent("Resources/Demo/agencies.csv"), encoding: .utf8)
        try await DirectoryImporter(db: app.db, audit: .system("test", clock: app.clock)).importCSV(csv)
        var fixture = Fixture()
        let service = UserService(db: app.db, hasher: app.password.async, audit: .system("test", clock: app.clock))
        let ngoaiVu = try await Agency.query(on: app.db).filter(\.$code == "so-ngoai-vu").first()
        for role in [Role.coordinator, .viewer, .agencyOfficer] {
            let username = "u-" + role.rawValue.replacingOccurrences(of: "_", with: "-")
            _ = try await service.create(
                .init(
                    username: username, displayName: username, email: nil, password: testPassword,
                    agencyID: role == .viewer ? nil : ngoaiVu?.id, roles: [role]))
            fixture.users[role] = username
        }
        return fixture
    }

    static func upload(_ browser: inout Browser, filename: String, data: Data) async throws -> TestingHTTPResponse {
        if browser.csrf == nil { try await browser.get(SiteURL.planImport.path) }
        let boundary = "ttdn-test-boundary"
        var body = ByteBuffer()
        body.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(browser.csrf ?? "")\r\n")
        body.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        body.writeBytes(data)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await browser.send(.POST, SiteURL.planImport.path, headers: headers, body: body)
    }

    /// Every named field of the review form as the browser would send it (first option selected
    /// where none is), so a test can change a few values and post the rest unchanged.
    static func formFields(_ html: String) -> [(String, String)] {
        var fields: [(String, String)] = []
        for match in html.matches(of: #/<input[^>]*>/#) {
            let tag = String(match.0)
            guard let name = attribute("name", tag) else { continue }
            let type = attribute("type", tag) ?? "text"
            if type == "checkbox" || type == "radio", !tag.contains(" checked") { continue }
            if type == "file" || type == "submit" { continue }
            fields.append((name, decode(attribute("value", tag) ?? "")))
        }
        for match in html.matches(of: #/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>/#) {
            fields.append((String(match.1), decode(String(match.2))))
        }
        for match in html.matches(of: #/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)</select>/#) {
            let options = String(match.2)
            let selected =
                options.firstMatch(of: #/<option value="([^"]*)" selected>/#).map { String($0.1) }
                ?? options.firstMatch(of: #/<option value="([^"]*)"/#).map { String($0.1) } ?? ""
            fields.append((String(match.1), decode(selected)))
        }
        return fields
    }

    static func attribute(_ name: String, _ tag: String) -> String? {
        let pattern = try! Regex(" \(name)=\"([^\"]*)\"", as: (Substring, Substring).self)
        guard let match = tag.firstMatch(of: pattern) else { return nil }
        return String(match.1)
    }

    static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func set(_ fields: inout [(String, String)], _ name: String, _ value: String) {
        fields.removeAll { $0.0 == name }
        fields.append((name, value))
    }

    @Test func uploadReviewFixAndSave() async throws {
        try await withApp { app in
            let fixture = try await Self.seedDirectory(app)
            var browser = Browser(app)
            try await browser.login(fixture.users[.coordinator]!)
            let uploaded = try await Self.upload(&browser, filename: "ke-hoach.txt", data: Self.demoPlan)
            #expect(uploaded.status == .seeOther)
            let reviewPath = try #require(uploaded.location)
            let review = try await browser.get(reviewPath)
            #expect(review.status == .ok)
            // The outline beside the plan, an old name shown as its successor, the unknown name highlighted.
            #expect(review.text.contains("Bố cục văn bản"))
            #expect(review.text.contains("Sở Thông tin và Truyền thông"))
            #expect(review.text.contains("nay là Sở Khoa học và Công nghệ"))
            #expect(review.text.contains("Hội Hữu nghị Việt Nam - Trung Quốc tỉnh"))
            #expect(review.text.contains("state-unresolved"))

            var fields = Self.formFields(review.text)
            // Fix the unresolved name by creating the agency, and keep the wording for next time.
            let index = try #require(
                fields.first { $0.0.hasSuffix("[wording]") && $0.1 == "Hội Hữu nghị Việt Nam - Trung Quốc tỉnh" }?.0
            )
            .replacingOccurrences(of: "[wording]", with: "")
            Self.set(&fields, index + "[choice]", "new")
            Self.set(&fields, index + "[new_name]", "Hội Hữu nghị Việt Nam - Trung Quốc tỉnh Lạng Sơn")
            Self.set(&fields, index + "[new_kind]", "massOrganisation")
            let saved = try await browser.post(reviewPath, form: fields)
            #expect(saved.status == .seeOther, "\(saved.text.prefix(400))")

            let plan = try #require(try await Plan.query(on: app.db).first())
            #expect(plan.number == "18")
            #expect(plan.symbol == "KH-SNgV")
            #expect(plan.documentDate == "2025-01-15")
            #expect(plan.year == 2025)
            let tasks = try await PlanTask.query(on: app.db).filter(\.$plan.$id == plan.id!).sort(\.$position).all()
            #expect(tasks.map(\.ref).prefix(4) == ["II.1", "II.2", "II.3", "II.3.1"])
            let sub = try #require(tasks.first { $0.ref == "II.3.1" })
            #expect(sub.$parent.id == tasks.first { $0.ref == "II.3" }?.id)
            #expect(sub.timeframe?.quarters == [2, 3])
            #expect(tasks.first { $0.ref == "II.1" }?.timeframe?.kind == .recurring)
            // "phát hành 04 số (01 số/quý)" gives an expected output with its target.
            let bulletin = try await TaskOutput.query(on: app.db).filter(
                \.$task.$id == tasks.first { $0.ref == "II.1" }!.id!
            ).all()
            #expect(bulletin.contains { $0.target == 4 && $0.unit == "số" })
            // The old name is linked to today's agency and its wording kept.
            let khcn = try #require(
                try await Agency.query(on: app.db).filter(\.$code == "so-khoa-hoc-cong-nghe").first())
            let oldName = try #require(
                try await TaskAgency.query(on: app.db).filter(\.$wording == "Sở Thông tin và Truyền thông").first())
            #expect(oldName.$agency.id == khcn.id)
            // The new agency exists, remembers the wording, and the task links to it.
            let created = try #require(
                try await Agency.query(on: app.db).filter(
                    \.$officialName == "Hội Hữu nghị Việt Nam - Trung Quốc tỉnh Lạng Sơn"
                ).first())
            #expect(created.kind == "massOrganisation")
            #expect(created.aliases.contains("Hội Hữu nghị Việt Nam - Trung Quốc tỉnh"))
            #expect(try await TaskAgency.query(on: app.db).filter(\.$agency.$id == created.id!).count() == 1)
            // Citations in the registry, reporting duties, responsibilities, the original file; draft gone.
            #expect(try await PlanCitation.query(on: app.db).filter(\.$plan.$id == plan.id!).count() == 3)
            let duties = try await PlanReportingDuty.query(on: app.db).filter(\.$plan.$id == plan.id!).sort(\.$position)
                .all()
            #expect(duties.map(\.frequency) == ["quarterly", "yearly"])
            #expect(duties.last?.beforeDay == 15 && duties.last?.dueMonth == "11")
            #expect(try await PlanResponsibility.query(on: app.db).filter(\.$plan.$id == plan.id!).count() >= 2)
            let file = try #require(try await PlanFile.query(on: app.db).first())
            #expect(file.data == Self.demoPlan)
            #expect(try await ImportDraft.query(on: app.db).count() == 0)
            // A second press of Save does not make a second plan.
            let again = try await browser.post(reviewPath, form: fields)
            #expect(again.status == .seeOther)
            #expect(try await Plan.query(on: app.db).count() == 1)
        }
    }

    @Test func correctionsWithErrorsSaveNothingAndComeBackAsTyped() async throws {
        try await withApp { app in
            let fixture = try await Self.seedDirectory(app)
            var browser = Browser(app)
            try await browser.login(fixture.users[.coordinator]!)
            let reviewPath = try #require(
                try await Self.upload(&browser, filename: "plan.txt", data: Self.demoPlan).location)
            var fields = Self.formFields(try await browser.get(reviewPath).text)
            Self.set(&fields, "tasks[1][ref]", "II.1")  // a duplicate ref
            Self.set(&fields, "title", "")
            Self.set(&fields, "date", "2025-13-45")
            Self.set(&fields, "tasks[0][title]", "Bản tin đã sửa tay")
            let response = try await browser.post(reviewPath, form: fields)
            #expect(response.status == .badRequest)
            #expect(response.text.contains("Mục này trùng với một nhiệm vụ khác."))
            #expect(response.text.contains("Vui lòng nhập trích yếu của kế hoạch."))
            #expect(response.text.contains("Ngày không hợp lệ"))
            #expect(response.text.contains("Bản tin đã sửa tay"))
            #expect(try await Plan.query(on: app.db).count() == 0)
            #expect(try await PlanTask.query(on: app.db).count() == 0)
            #expect(try await ImportDraft.query(on: app.db).count() == 1)
        }
    }

    @Test func badFilesGetAClearMessageAndNothingIsKept() async throws {
        try await withApp { app in
            let fixture = try await Self.seedDirectory(app)
            var browser = Browser(app)
            try await browser.login(fixture.users[.coordinator]!)
            let exe = try await Self.upload(&browser, filename: "virus.exe", data: Data([0x4D, 0x5A, 0x90]))
            #expect(exe.status == .unsupportedMediaType)
            #expect(exe.text.contains("Không đọc được tệp .exe"))
            let empty = try await Self.upload(&browser, filename: "plan.txt", data: Data())
            #expect(empty.status == .badRequest)
            #expect(empty.text.contains("Vui lòng chọn tệp kế hoạch."))
            let fakeDocx = try await Self.upload(
                &browser, filename: "plan.docx", data: Data((0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 31) }))
            #expect(fakeDocx.status == .unprocessableEntity)
            #expect(fakeDocx.text.contains("form-error"))
            let big = try await Self.upload(
                &browser, filename: "plan.txt", data: Data(repeating: 0x41, count: app.settings.maxPlanUploadBytes + 1))
            #expect(big.status == .payloadTooLarge)
            #expect(big.text.contains("1 MB"))
            #expect(try await ImportDraft.query(on: app.db).count() == 0)
            #expect(try await Plan.query(on: app.db).count() == 0)
        }
    }

    @Test func onlyTheCoordinatingOfficeImports() async throws {
        try await withApp { app in
            let fixture = try await Self.seedDirectory(app)
            var viewer = Browser(app)
            try await viewer.login(fixture.users[.viewer]!)
            #expect(try await viewer.get(SiteURL.planImport.path).status == .forbidden)
            #expect(try await Self.upload(&viewer, filename: "plan.txt", data: Self.demoPlan).status == .forbidden)
        }
    }

    @Test func importCommandLinksWhatResolvesAndReportsTheRest() async throws {
        try await withApp { app in
            _ = try await Self.seedDirectory(app)
            let summary = try await PlanImportService(db: app.db, audit: .system("ttdn import", clock: app.clock))
                .importWithoutReview(data: Self.demoPlan, filename: "ke-hoach.txt", status: .issued)
            #expect(summary.tasks >= 6)
            #expect(summary.unlinked == ["Hội Hữu nghị Việt Nam - Trung Quốc tỉnh"])
            let unlinked = try #require(
                try await TaskAgency.query(on: app.db).filter(\.$wording == "Hội Hữu nghị Việt Nam - Trung Quốc tỉnh")
                    .first())
            #expect(unlinked.$agency.id == nil && unlinked.$group.id == nil)
            let plan = try #require(try await Plan.find(summary.planID, on: app.db))
            let issuer = try #require(try await Agency.query(on: app.db).filter(\.$code == "so-ngoai-vu").first())
            #expect(plan.$issuingAgency.id == issuer.id)
            // Every row went into the audit trail under the command's name.
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$actorName == "ttdn import").filter(
                    \.$entityType == "plan_task"
                ).count() == summary.tasks)
        }
    }
}
