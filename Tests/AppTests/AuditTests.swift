import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor

@testable import App

@Suite struct AuditTests {
    @Test func editsRecordWhoWhenWhatAndTheFieldsBeforeAndAfter() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var browser = Browser(app)
            try await browser.login(fixture.users[.coordinator]!)
            let id = fixture.agencies["so-ngoai-vu"]!
            let edit = try await browser.get(SiteURL.agencyEdit(id).path)
            let version = try #require(Self.hidden("version", in: edit.text))
            let response = try await browser.post(
                SiteURL.agency(id).path,
                form: [
                    ("version", version), ("code", "so-ngoai-vu"), ("official_name", "Sở Ngoại vụ tỉnh Lạng Sơn"),
                    ("kind", "department"), ("parent_id", fixture.agencies["ubnd-tinh"]!.uuidString),
                    ("abbreviations", "SNgV"),
                ])
            #expect(response.status == .seeOther)
            let entry = try #require(
                try await AuditEntry.query(on: app.db).filter(\.$entityID == id.uuidString).filter(
                    \.$action == "update"
                ).first())
            #expect(entry.entityType == "agency")
            #expect(entry.actorName.contains(fixture.users[.coordinator]!))
            #expect(entry.actorID != nil)
            #expect(entry.decodedChanges["official_name"] == ["Sở Ngoại vụ", "Sở Ngoại vụ tỉnh Lạng Sơn"])
            #expect(entry.decodedChanges["code"] == nil, "unchanged fields are not listed")
            #expect(abs(entry.at.timeIntervalSinceNow) < 60)

            // The trail in words: the field's label, before and after side by side, names not ids.
            var admin = Browser(app)
            try await admin.login(fixture.users[.admin]!)
            let page = try await admin.get(SiteURL.audit.with(["type": "agency", "action": "update"])).text
            #expect(
                page.contains(
                    "<th scope=\"row\">Tên chính thức</th><td><del>Sở Ngoại vụ</del></td><td><ins>Sở Ngoại vụ tỉnh Lạng Sơn</ins></td>"
                ))
            #expect(!page.contains(id.uuidString))
            let withIDs = try await admin.get(SiteURL.audit.with(["type": "agency", "action": "update", "ids": "1"]))
                .text
            #expect(withIDs.contains(id.uuidString) && withIDs.contains("<th scope=\"row\">official_name</th>"))
        }
    }

    @Test func passwordsNeverReachTheTrail() async throws {
        try await withApp { app in
            _ = try await Fixture.seed(app)
            for entry in try await AuditEntry.query(on: app.db).filter(\.$entityType == "user").all() {
                #expect(!entry.changes.contains("$2b$"), "a password hash was copied into the audit trail")
            }
        }
    }

    @Test func adminsCanFilterTheTrailAndNobodyCanChangeIt() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var browser = Browser(app)
            try await browser.login(fixture.users[.admin]!)
            let all = try await browser.get(SiteURL.audit.path)
            #expect(all.status == .ok)
            #expect(all.text.contains("Sở Khoa học và Công nghệ"))
            let users = try await browser.get(SiteURL.audit.with(["type": "user"]))
            #expect(users.text.contains("u-viewer"))
            #expect(!users.text.contains("Sở Khoa học và Công nghệ"))
            // No route of the application writes to the audit trail's path.
            let writers = app.routes.all.filter { $0.method != .GET && $0.path.string.hasPrefix("app/audit") }
            #expect(writers.isEmpty)
        }
    }

    /// Application code changes audited models only through the audited helpers.
    @Test func noPlainWritesOutsideTheAuditHelpers() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/App")
        let allowed = [
            "Audit/Auditable.swift", "Audit/Versioned.swift", "Audit/AuditEntry.swift", "Auth/LoginThrottleStore.swift",
            "Auth/ExpiringSessions.swift",
        ]
        var offenders: [String] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let url as URL in files where url.pathExtension == "swift" {
            let relative = url.path.replacingOccurrences(of: sources.path + "/", with: "")
            guard !allowed.contains(relative) else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            for pattern in [
                #"\.save\(on:"#, #"\.create\(on:"#, #"\.update\(on:"#, #"\.delete\(on:"#, #"\.delete\(force:"#,
            ] {
                if text.range(of: pattern, options: .regularExpression) != nil {
                    offenders.append("\(relative): \(pattern)")
                }
            }
        }
        #expect(offenders.isEmpty, "plain writes bypass the audit trail: \(offenders)")
    }

    /// Every audited record type can be filtered on and has a label in both languages.
    @Test func everyAuditedTypeIsNamedAndFilterable() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let translations = try Translations.load(from: sources.appendingPathComponent("Resources/Locales").path)
        var types = Set<String>()
        let files = FileManager.default.enumerator(
            at: sources.appendingPathComponent("Sources/App"), includingPropertiesForKeys: nil)!
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in text.matches(of: #/static let auditType = "([a-z_]+)"/#) { types.insert(String(match.1)) }
        }
        #expect(types.count >= 17)
        #expect(Set(AuditController.types) == types)
        for locale in AppLocale.allCases {
            #expect(types.filter { !translations.has("audit.type.\($0)", locale: locale) }.isEmpty)
        }
    }

    static func hidden(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"([^\"]*)\"", options: .regularExpression) else {
            return nil
        }
        return html[range].components(separatedBy: "value=\"").last.map { String($0.dropLast()) }
    }
}
