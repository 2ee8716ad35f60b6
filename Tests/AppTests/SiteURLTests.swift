import Foundation
import Testing
import Vapor

@testable import App

/// Every address the app builds is one its router answers, with the parameters it was built from.
@Suite("SiteURL")
struct SiteURLTests {
    static let id = UUID(uuidString: "0A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9")!

    /// One of each case, Lao and Vietnamese slugs among them.
    static let samples: [SiteURL] = [
        .home, .healthz, .login, .logout, .workspace, .accountPassword, .accountLocale, .agencies, .agencyNew,
        .agenciesImport, .agenciesExport, .agency(id), .agencyEdit(id), .agencyMerge(id), .agencyGroups,
        .agencyGroupNew, .agencyGroup(id), .agencyGroupEdit(id), .resolveName, .users, .userNew, .user(id),
        .userResetPassword(id), .userUnlock(id), .audit, .plans, .plan(id), .planStatus(id), .planFile(id),
        .planExportDocx(id), .planReissue(id), .planTasksCSV(id), .planTasks(id), .planTaskNew(id), .task(id),
        .taskEdit(id), .taskMove(id), .taskRemove(id), .myTasks, .myTasksCalendar, .legalDocuments,
        .legalDocument(id), .legalDocumentEdit(id), .calendarFeed("abc.ics"), .planImport, .planImportDraft(id),
        .planImportDiscard(id), .reports, .report(id), .reportReview(id), .reportRecall(id), .evidence(id),
        .planReporting(id), .planReportingCSV(id), .planRegimes(id), .planFollowUp(id), .regime(id),
        .consolidated(id), .consolidatedDocx(id), .consolidatedPrint(id), .notifications, .notificationsRead,
        .dashboards, .remindNow(id), .holidays, .regimeRequests(id), .indicators, .indicator(id), .planTargets(id),
        .articles, .articleNew, .articleFiling(id), .articleTranslate(id), .articleImages(id), .translations,
        .translationsCSV, .articleVersion(id), .articleVersionEdit(id), .articleVersionMove(id),
        .articleVersionCheck(id), .articleVersionDiff(id), .siteSettings, .siteLanguages, .siteTopics, .siteTerms,
        .siteHome("zh-Hans"), .siteArticle("lo", "ສະບາຍດີ-lạng-sơn"), .siteArticle("vi", "le-hoi-ky-lua"),
        .siteTopic("en", "bien-gioi"), .siteArchive("vi", 2026, 3), .siteSearch("ko"), .siteFeed("vi", .rss),
        .siteFeed("en", .atom), .siteTopicFeed("zh-Hans", "asean", .rss), .siteTopicFeed("vi", "du-lich", .atom),
        .sitemapIndex, .sitemap("en"), .robots, .media(id),
    ]

    @Test("Each path matches one registered route, and its parameters read back as built")
    func roundTrip() async throws {
        try await withApp { app in
            let routes = app.routes.all.map { $0.path.map(\.description) }
            for url in Self.samples {
                let path = url.path
                let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
                let matches = routes.filter { pattern in
                    pattern.count == segments.count
                        && zip(pattern, segments).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
                }
                #expect(!matches.isEmpty, "\(path) matches no route")
                // The most specific pattern (most constants) is the one the router takes.
                guard
                    let pattern = matches.max(by: { a, b in
                        a.filter { !$0.hasPrefix(":") }.count < b.filter { !$0.hasPrefix(":") }.count
                    })
                else { continue }
                #expect(
                    pattern == url.pathComponents.map(\.description),
                    "\(path) is routed to /\(pattern.joined(separator: "/"))")
                var values: [String: String] = [:]
                for (part, segment) in zip(pattern, segments) where part.hasPrefix(":") {
                    values[String(part.dropFirst())] = segment.removingPercentEncoding
                }
                switch url {
                case .siteArticle(let lang, let slug), .siteTopic(let lang, let slug),
                    .siteTopicFeed(let lang, let slug, _):
                    #expect(values["lang"] == lang && values["slug"] == slug, "\(path)")
                case .siteArchive(let lang, let year, let month):
                    #expect(
                        values["lang"] == lang && Int(values["year"] ?? "") == year
                            && Int(values["month"] ?? "") == month)
                case .siteHome(let lang), .siteSearch(let lang), .siteFeed(let lang, _):
                    #expect(values["lang"] == lang)
                case .sitemap(let lang):
                    #expect(values["file"] == lang + ".xml")
                case .calendarFeed(let token):
                    #expect(values["token"] == token)
                default:
                    if let value = values["id"] { #expect(UUID(uuidString: value) == Self.id, "\(path)") }
                }
            }
        }
    }

    @Test("The router hands a percent-encoded Lao slug to the handler as written")
    func encodedSlug() async throws {
        try await withApp { app in
            let article = try await PublishedArticle.make(app, title: "ສະບາຍດີ ລາວ")
            var reader = Browser(app)
            let page = try await reader.get(SiteURL.siteArticle("vi", article.slug).path)
            #expect(page.status == .ok && page.text.contains("ສະບາຍດີ ລາວ"))
        }
    }
}
