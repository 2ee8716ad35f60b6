import Fluent
import Foundation
import TTDNKit
import Vapor

/// The public site, per language: the home page (newest first), an article, a topic, a month's archive and
/// the search. No session, no database write: every page but the search is rendered once per change of
/// anything published and served from memory (`PublicPage`), with ETag, Last-Modified and 304s.
enum PublicSiteController {
    static let pageSize = 20

    struct Item: Encodable {
        let title: String
        let summary: String?
        let href: String
        let date: String
        let dateISO: String
        let snippet: [Snippet]?
    }

    struct Snippet: Encodable {
        let text: String
        let match: Bool
    }

    struct ListPage: Encodable {
        let frame: PublicFrame
        let heading: String
        /// The heading's language when it is not the page's (a topic named only in Vietnamese).
        let headingLang: String?
        let intro: String?
        let items: [Item]?
        let previousPage: String?
        let nextPage: String?
        let empty: String?
        let feedHref: String?
        let months: [MonthLink]?
    }

    struct MonthLink: Encodable {
        let label: String
        let href: String
    }

    /// `/`: the language asked for with `?lang=` (the interface's language links), else the one the visitor's
    /// browser asks for, among those the site publishes in.
    @Sendable static func root(req: Request) async throws -> Response {
        let languages = try await SiteLanguageRecord.query(on: req.db).filter(\.$enabled == true).sort(\.$position)
            .all().map(\.language)
        let asked = req.query[String.self, at: "lang"].flatMap { tag in languages.first { $0.tag == tag } }
        let chosen = asked ?? SiteLanguage.negotiate(req.headers.first(name: .acceptLanguage), among: languages)
        let response = req.redirect(to: SiteURL.siteHome(chosen.tag).path)
        response.headers.replaceOrAdd(name: .vary, value: "Accept-Language")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=0")
        return response
    }

    @Sendable static func home(req: Request) async throws -> Response {
        let lang = req.parameters.get("lang") ?? ""
        let page = pageNumber(req)
        return try await cached(req, key: "home|\(lang)|\(page)") {
            guard let site = try await PublicSite.load(req, lang: lang) else { return try await notFound(req) }
            return try await list(
                site, heading: req.t("site.home.heading"), headingLang: req.locale.rawValue, intro: nil,
                url: .siteHome(lang), page: page,
                alternates: { .siteHome($0) }, query: site.publicVersions(), feed: nil, months: true)
        }
    }

    @Sendable static func topic(req: Request) async throws -> Response {
        let lang = req.parameters.get("lang") ?? ""
        let slug = req.parameters.get("slug") ?? ""
        let page = pageNumber(req)
        return try await cached(req, key: "topic|\(lang)|\(slug)|\(page)") {
            guard let site = try await PublicSite.load(req, lang: lang),
                let topic = try await Topic.query(on: req.db).filter(\.$slug == slug).first()
            else { return try await notFound(req) }
            let ids = try await ArticleTopic.query(on: req.db).filter(\.$topic.$id == topic.requireID())
                .all(\.$article.$id)
            return try await list(
                site, heading: topic.named(in: lang, or: req.locale.rawValue).name,
                headingLang: topic.named(in: lang, or: req.locale.rawValue).lang,
                intro: req.t("site.topic.intro"), url: .siteTopic(lang, slug),
                page: page, alternates: { .siteTopic($0, slug) },
                query: site.publicVersions().filter(\.$article.$id ~~ ids),
                feed: SiteURL.siteTopicFeed(lang, slug, .rss).path, months: false)
        }
    }

    @Sendable static func archive(req: Request) async throws -> Response {
        let lang = req.parameters.get("lang") ?? ""
        guard let year = req.parameters.get("year").flatMap({ Int($0) }),
            let month = req.parameters.get("month").flatMap({ Int($0) }), (2000...2100).contains(year),
            (1...12).contains(month), let start = LocalDate(year: year, month: month, day: 1)
        else { throw Abort(.notFound) }
        let page = pageNumber(req)
        return try await cached(req, key: "archive|\(lang)|\(year)|\(month)|\(page)") {
            guard let site = try await PublicSite.load(req, lang: lang) else { return try await notFound(req) }
            let next =
                month == 12
                ? LocalDate(year: year + 1, month: 1, day: 1) : LocalDate(year: year, month: month + 1, day: 1)
            let from = start.startOfDay()
            let to = (next ?? start).startOfDay()
            let monthName = from.formatted(
                Date.FormatStyle(locale: Locale(identifier: lang), timeZone: LocalDate.vietnam).month(.wide).year())
            return try await list(
                site, heading: req.t("site.archive.heading", monthName), intro: nil,
                url: .siteArchive(lang, year, month),
                page: page, alternates: { .siteArchive($0, year, month) },
                query: site.publicVersions().filter(\.$firstPublishedAt >= from).filter(\.$firstPublishedAt < to),
                feed: nil, months: true)
        }
    }

    /// A list page: the versions `query` finds, twenty to a page, newest first.
    static func list(
        _ site: PublicSite, heading: String, headingLang: String? = nil, intro: String?, url: SiteURL, page: Int,
        alternates: (String) -> SiteURL, query: QueryBuilder<ArticleVersion>, feed: String?, months: Bool
    ) async throws -> PublicPage {
        let req = site.req
        let total = try await query.copy().count()
        let versions = try await query.sort(\.$firstPublishedAt, .descending)
            .range((page - 1) * pageSize..<page * pageSize).all()
        let items = versions.map { item($0, site: site) }
        let pageURL = { (n: Int) -> String in n == 1 ? url.path : url.with(["page": String(n)]) }
        var monthLinks: [MonthLink]?
        if months {
            monthLinks = try await archiveMonths(site)
        }
        let frame = site.frame(
            title: page == 1 ? heading : req.t("site.page_n", heading, String(page)),
            description: intro ?? req.t("site.description"), canonical: url,
            alternates: Dictionary(uniqueKeysWithValues: site.languages.map { ($0.tag, alternates($0.tag)) }),
            topics: try await site.topics(), defaultURL: .home)
        let view = try await req.view.render(
            "site/list",
            ListPage(
                frame: frame, heading: heading, headingLang: headingLang == site.lang ? nil : headingLang,
                intro: intro, items: items.nonEmpty,
                previousPage: page > 1 ? pageURL(page - 1) : nil,
                nextPage: page * pageSize < total ? pageURL(page + 1) : nil,
                empty: items.isEmpty ? req.t("site.empty") : nil, feedHref: feed, months: monthLinks))
        return PublicPage(
            body: String(buffer: view.data), contentType: "text/html; charset=utf-8",
            lastModified: versions.compactMap(\.liveAt).max())
    }

    /// The months that have articles in this language, newest first (the archive's index).
    static func archiveMonths(_ site: PublicSite) async throws -> [MonthLink] {
        let dates = try await site.publicVersions().all(\.$firstPublishedAt).compactMap { $0 }
        var seen = Set<String>()
        var links: [MonthLink] = []
        for date in dates.sorted(by: >) {
            let day = LocalDate(date)
            let key = "\(day.year)-\(day.month)"
            guard seen.insert(key).inserted else { continue }
            links.append(
                MonthLink(
                    label: date.formatted(
                        Date.FormatStyle(locale: Locale(identifier: site.lang), timeZone: LocalDate.vietnam).month(
                            .wide
                        )
                        .year()),
                    href: SiteURL.siteArchive(site.lang, day.year, day.month).path))
            if links.count == 24 { break }
        }
        return links
    }

    static func item(_ version: ArticleVersion, site: PublicSite) -> Item {
        item(
            title: version.liveTitle, summary: version.liveSummary, language: version.language, slug: version.slug,
            published: version.publishedDate, site: site)
    }

    static func item(
        title: String, summary: String, language: String, slug: String, published: Date, site: PublicSite,
        snippet: [Snippet]? = nil
    ) -> Item {
        Item(
            title: title, summary: summary.isEmpty ? nil : summary,
            href: SiteURL.siteArticle(language, slug).path, date: site.date(published),
            dateISO: InternetTime.string(published), snippet: snippet)
    }

    /// The page number asked for (1 when absent or not a number; at most 10,000).
    static func pageNumber(_ req: Request) -> Int {
        max(1, min(req.query[Int.self, at: "page"] ?? 1, 10_000))
    }

    /// Serves the page under `key` from memory, rendering it when anything published changed.
    static func cached(_ req: Request, key: String, render: () async throws -> PublicPage) async throws -> Response {
        guard req.application.settings.publicPageCache else { return try await render().response(for: req) }
        let page = try await MemoryCaches.of(req.application).publicPage(PublicSite.base(req) + "|" + key, on: req.db) {
            try await render()
        }
        return page.response(for: req)
    }

    /// A page that does not exist, as a cacheable public 404.
    static func notFound(_ req: Request) async throws -> PublicPage {
        throw Abort(.notFound)
    }
}

extension PublicSite {
    /// A date as the page's language writes it, in Vietnam.
    func date(_ date: Date) -> String {
        if lang == SiteLanguage.source.tag {
            let day = LocalDate(date)
            return "\(day.day) tháng \(day.month) năm \(day.year)"
        }
        return date.formatted(
            Date.FormatStyle(date: .long, time: .omitted, locale: Locale(identifier: lang), timeZone: LocalDate.vietnam)
        )
    }
}
