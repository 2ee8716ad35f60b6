import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor

@testable import App

/// Walks every registered route with every role and an anonymous visitor, and checks each answer
/// against `Policy`. A route registered without a permission fails here, and so does a route whose `:id` has no
/// real record in `RouteRecords` (a random id would answer 404 and prove nothing).
@Suite struct RouteAccessTests {
    @Test func everyRouteNamesAPermission() async throws {
        try await withApp { app in
            let missing = app.routes.all.filter { $0.permission == nil }.map { "\($0.method) /\($0.path.string)" }
            #expect(missing.isEmpty, "routes without a permission: \(missing)")
            #expect(app.routes.all.count > 20)
        }
    }

    @Test func everyRouteAnswersEveryRoleAsThePolicySays() async throws {
        try await withApp { app in
            let records = try await RouteRecords.seed(app)
            let fixture = records.fixture
            let routes = RouteRecords.walkOrder(app)
            let visitors = RouteRecords.visitors
            for role in visitors {
                var browser = Browser(app)
                let actor: Actor?
                if let role {
                    try await browser.login(fixture.users[role]!)
                    let user = try #require(
                        try await User.query(on: app.db).filter(\.$username == fixture.users[role]!).with(\.$roleGrants)
                            .first())
                    actor = user.actor
                } else {
                    try await browser.get(SiteURL.login.path)
                    actor = nil
                }
                for route in routes {
                    let permission = try #require(route.permission)
                    let path = records.fill(route)
                    let label = "\(role?.rawValue ?? "anonymous") \(route.method) \(path)"
                    let response =
                        route.method == .GET
                        ? try await browser.get(path) : try await browser.post(path, form: [])
                    #expect(response.status.code < 500, "\(label) → \(response.status)")
                    let allowed = Policy.allows(actor, permission) && records.recordRule(route, actor) != false
                    if allowed {
                        #expect(
                            ![401, 403].contains(response.status.code),
                            "\(label) should be allowed, got \(response.status)")
                        #expect(
                            response.location?.hasPrefix(SiteURL.login.path + "?next") != true, "\(label) sent to login"
                        )
                    } else if actor == nil {
                        if route.method == .GET {
                            #expect(response.status == .seeOther, "\(label) → \(response.status)")
                            #expect(
                                response.location?.hasPrefix(SiteURL.login.path) == true, "\(label) not sent to login")
                        } else {
                            #expect(response.status == .unauthorized, "\(label) → \(response.status)")
                        }
                    } else if Policy.allows(actor, permission) {
                        // The route is theirs, the record is not: refused, or not shown to exist.
                        #expect(
                            [403, 404].contains(response.status.code),
                            "\(label) should be refused for this record, got \(response.status)")
                    } else {
                        #expect(response.status == .forbidden, "\(label) should be refused, got \(response.status)")
                    }
                }
            }
        }
    }

    @Test func aForbiddenPageIsFriendlyInBothLanguages() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var browser = Browser(app)
            try await browser.login(fixture.users[.viewer]!)
            let vi = try await browser.get(SiteURL.users.path)
            #expect(vi.status == .forbidden)
            #expect(vi.text.contains("Không có quyền truy cập"))
            let en = try await browser.get(SiteURL.users.path + "?lang=en")
            #expect(en.text.contains("Access denied"))
            #expect(!en.text.contains("Abort"))
        }
    }

    /// Leaf treats an empty list as true, so pages pass absent lists instead: no empty headings,
    /// no empty navigation bar.
    @Test func emptyListsLeaveNoEmptySections() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var anonymous = Browser(app)
            #expect(!(try await anonymous.get(SiteURL.login.path).text.contains("main-nav")))
            var browser = Browser(app)
            try await browser.login(fixture.users[.viewer]!)
            let ngoaiVu = try await browser.get(SiteURL.agency(fixture.agencies["so-ngoai-vu"]!).path).text
            #expect(!ngoaiVu.contains("Cơ quan kế thừa"))
            #expect(!ngoaiVu.contains("Tiền thân"))
            #expect(ngoaiVu.contains("Thuộc nhóm"))
            let tttt = try await browser.get(SiteURL.agency(fixture.agencies["so-tttt"]!).path).text
            #expect(tttt.contains("Cơ quan kế thừa"))
            #expect(tttt.contains("Sở Khoa học và Công nghệ"))
        }
    }
}
