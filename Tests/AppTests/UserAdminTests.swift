import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor

@testable import App

@Suite struct UserAdminTests {
    @Test func adminCreatesAnOfficerWhoCanThenSignIn() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var admin = Browser(app)
            try await admin.login(fixture.users[.admin]!)
            let agency = fixture.agencies["so-vhttdl"]!.uuidString
            let created = try await admin.post(
                SiteURL.users.path,
                form: [
                    ("username", "nguyen.van.a"), ("display_name", "Nguyễn Văn A"), ("password", "mat-khau-rat-dai"),
                    ("agency_id", agency), ("roles[]", "agency_officer"),
                ])
            #expect(created.status == .seeOther)
            var officer = Browser(app)
            try await officer.login("nguyen.van.a", password: "mat-khau-rat-dai")
            let home = try await officer.get(SiteURL.workspace.path)
            #expect(home.text.contains("Sở Văn hóa, Thể thao và Du lịch"))
            #expect(home.text.contains("Cán bộ đơn vị"))
            let grants = try await AuditEntry.query(on: app.db).filter(\.$entityType == "user_role").filter(
                \.$action == "create"
            ).all()
            #expect(grants.contains { $0.changes.contains("agency_officer") && $0.actorName.contains("u-admin") })
        }
    }

    @Test func badInputIsReportedFieldByFieldAndNothingIsSaved() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var admin = Browser(app)
            try await admin.login(fixture.users[.admin]!)
            let before = try await User.query(on: app.db).count()
            let response = try await admin.post(
                SiteURL.users.path,
                form: [
                    ("username", "u-viewer"), ("display_name", " "), ("password", "short"),
                    ("roles[]", "agency_officer"),
                ])
            #expect(response.status == .badRequest)
            #expect(response.text.contains("Tên đăng nhập này đã có người dùng."))
            #expect(response.text.contains("Vui lòng nhập họ và tên."))
            #expect(response.text.contains("Mật khẩu cần ít nhất 10 ký tự."))
            #expect(response.text.contains("Cán bộ đơn vị phải thuộc một đơn vị."))
            #expect(response.text.contains("aria-invalid=\"true\""))
            #expect(try await User.query(on: app.db).count() == before)
        }
    }

    /// An address with a line break would go into the mail's envelope and headers as new commands and headers.
    @Test func addressesWithLineBreaksAreRefusedInTheUsersLanguage() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var admin = Browser(app)
            try await admin.login(fixture.users[.admin]!)
            let before = try await User.query(on: app.db).count()
            let created = try await admin.post(
                SiteURL.users.path,
                form: [
                    ("username", "nguyen.van.b"), ("display_name", "Nguyễn Văn B"), ("password", "mat-khau-rat-dai"),
                    ("email", "b@so.example\r\nBcc: ai-do@evil.example"), ("roles[]", "viewer"),
                ])
            #expect(created.status == .badRequest)
            #expect(created.text.contains("Địa chỉ thư điện tử không được chứa dấu xuống dòng hay ký tự điều khiển."))
            #expect(created.text.contains("aria-describedby=\"email-error\""))
            #expect(try await User.query(on: app.db).count() == before)

            let viewer = try #require(
                try await User.query(on: app.db).filter(\.$username == fixture.users[.viewer]!).with(\.$roleGrants)
                    .first())
            let editPage = try await admin.get(SiteURL.user(viewer.requireID()).path + "?lang=en")
            let version = try #require(AuditTests.hidden("version", in: editPage.text))
            let edited = try await admin.post(
                SiteURL.user(viewer.requireID()).path,
                form: [
                    ("version", version), ("display_name", viewer.displayName),
                    ("email", "v@so.example\nRCPT TO:<x@evil.example>"),
                    ("roles[]", "viewer"), ("active", "on"),
                ])
            #expect(edited.status == .badRequest)
            #expect(edited.text.contains("An e-mail address cannot contain a line break or a control character."))
            #expect(try await User.find(viewer.id, on: app.db)?.email == nil)

            // `ttdn user create` goes through the same check.
            let service = UserService(db: app.db, hasher: app.password.async, audit: .system("test", clock: app.clock))
            let problems = try await service.problems(
                with: .init(
                    username: "tran.c", displayName: "Trần C", email: "c@so.example\r", password: "mat-khau-rat-dai",
                    agencyID: nil, roles: [.viewer]))
            #expect(problems == [.emailInvalid(.controlCharacter)])
            // Every refusal has its text in both languages.
            for problem in MailAddress.Problem.allCases {
                for locale in [AppLocale.vi, .en] {
                    #expect(app.translations.has(UserService.Problem.emailInvalid(problem).key, locale: locale))
                }
            }
        }
    }

    @Test func adminsCannotLockThemselvesOut() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let adminUser = try #require(
                try await User.query(on: app.db).filter(\.$username == fixture.users[.admin]!).first())
            var admin = Browser(app)
            try await admin.login(adminUser.username)
            let edit = try await admin.get(SiteURL.user(adminUser.id!).path)
            let version = try #require(AuditTests.hidden("version", in: edit.text))
            let response = try await admin.post(
                SiteURL.user(adminUser.id!).path,
                form: [("version", version), ("display_name", "Admin"), ("roles[]", "viewer"), ("active", "on")])
            #expect(response.status == .badRequest)
            let reloaded = try #require(
                try await User.query(on: app.db).filter(\.$id == adminUser.id!).with(\.$roleGrants).first())
            #expect(reloaded.roles == [.admin])
        }
    }

    @Test func changingOwnPasswordNeedsTheCurrentOne() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var browser = Browser(app)
            try await browser.login(fixture.users[.editor]!)
            let wrong = try await browser.post(
                SiteURL.accountPassword.path,
                form: [("current", "not-my-password"), ("new", "mot-mat-khau-moi"), ("confirm", "mot-mat-khau-moi")])
            #expect(wrong.status == .badRequest)
            #expect(wrong.text.contains("Mật khẩu hiện tại không đúng."))
            let right = try await browser.post(
                SiteURL.accountPassword.path,
                form: [("current", testPassword), ("new", "mot-mat-khau-moi"), ("confirm", "mot-mat-khau-moi")])
            #expect(right.status == .seeOther)
            var again = Browser(app)
            try await again.login(fixture.users[.editor]!, password: "mot-mat-khau-moi")
        }
    }

    @Test func adminResetsAPassword() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            let viewer = try #require(
                try await User.query(on: app.db).filter(\.$username == fixture.users[.viewer]!).first())
            var admin = Browser(app)
            try await admin.login(fixture.users[.admin]!)
            let response = try await admin.post(
                SiteURL.userResetPassword(viewer.id!).path, form: [("password", "mat-khau-dat-lai")])
            #expect(response.status == .seeOther)
            var browser = Browser(app)
            try await browser.login(viewer.username, password: "mat-khau-dat-lai")
        }
    }
}
