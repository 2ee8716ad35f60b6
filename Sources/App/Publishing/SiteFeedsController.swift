import Fluent
import Foundation
import TTDNKit
import Vapor

/// The site's feeds (RSS 2.0 and Atom, per language and per topic), its sitemaps (an index and one per
/// language, each address with its `xhtml:link` alternates) and `robots.txt`. Only public versions appear;
/// every document is kept rendered like the pages (`PublicPage`).
enum SiteFeedsController {
    static let feedSize = 30

    @Sendable static func feed(req: Request) async throws -> Response {
        let lang = req.parameters.get("lang") ?? ""
        let format: SiteURL.FeedFormat = req.url.path.hasSuffix(SiteURL.FeedFormat.atom.rawValue) ? .atom : .rss
        return try await PublicSiteController.cached(req, key: "feed|\(lang)|\(format.rawValue)") {
            guard let site = try await PublicSite.load(req, lang: lang) else {
                return try await PublicSiteController.notFound(req)
            }
            let versions = try await site.publicVersions().sort(\.$firstPublishedAt, .descending).limit(feedSize).all()
            return try await document(
                site, format: format, title: req.t("site.name"), page: .siteHome(lang),
                selfURL: .siteFeed(lang, format), versions: versions)
        }
    }

    @Sendable static func topicFeed(req: Request) async throws -> Response {
        let lang = req.parameters.get("lang") ?? ""
        let slug = req.parameters.get("slug") ?? ""
        let format: SiteURL.FeedFormat = req.url.path.hasSuffix(SiteURL.FeedFormat.atom.rawValue) ? .atom : .rss
        return try await PublicSiteController.cached(req, key: "topic-feed|\(lang)|\(slug)|\(format.rawValue)") {
            guard let site = try await PublicSite.load(req, lang: lang),
                let topic = try await Topic.query(on: req.db).filter(\.$slug == slug).first()
            else { return try await PublicSiteController.notFound(req) }
            let ids = try await ArticleTopic.query(on: req.db).filter(\.$topic.$id == topic.requireID())
                .all(\.$article.$id)
            let versions = try await site.publicVersions().filter(\.$article.$id ~~ ids)
                .sort(\.$firstPublishedAt, .descending).limit(feedSize).all()
            return try await document(
                site, format: format, title: req.t("site.feed.topic", req.t("site.name"), topic.name(in: lang)),
                page: .siteTopic(lang, slug), selfURL: .siteTopicFeed(lang, slug, format), versions: versions)
        }
    }

    static func document(
        _ site: PublicSite, format: SiteURL.FeedFormat, title: String, page: SiteURL, selfURL: SiteURL,
        versions: [ArticleVersion]
    ) async throws -> PublicPage {
        let req = site.req
        let publisher = req.t("site.name")
        let entries = versions.map { version in
            let published = version.publishedDate
            let body = ArticleBody.render(version.liveBody)
            return FeedEntry(
                id: site.absolute(.siteArticle(version.language, version.slug)), title: version.liveTitle,
                link: site.absolute(.siteArticle(version.language, version.slug)),
                summary: version.liveSummary.isEmpty ? String(body.plainText.prefix(400)) : version.liveSummary,
                contentHTML: body.html, published: published, updated: version.liveAt ?? published,
                author: publisher, categories: [])
        }
        let updated = versions.compactMap(\.liveAt).max() ?? Date(timeIntervalSince1970: 0)
        let channel = FeedChannel(
            title: title, subtitle: req.t("site.description"), link: site.absolute(page),
            selfLink: site.absolute(selfURL), language: site.lang, updated: updated)
        switch format {
        case .rss:
            return PublicPage(
                body: RSSFeed.xml(channel, entries: entries), contentType: "application/rss+xml; charset=utf-8",
                lastModified: updated, maxAge: 300)
        case .atom:
            return PublicPage(
                body: AtomFeed.xml(channel, entries: entries), contentType: "application/atom+xml; charset=utf-8",
                lastModified: updated, maxAge: 300)
        }
    }

    @Sendable static func sitemapIndex(req: Request) async throws -> Response {
        try await PublicSiteController.cached(req, key: "sitemap-index") {
            let languages = try await SiteLanguageRecord.query(on: req.db).filter(\.$enabled == true)
                .sort(\.$position).all()
            let base = PublicSite.base(req)
            let latest = try await ArticleVersion.query(on: req.db).filter(\.$liveRevision != nil)
                .filter(\.$classified == false).all(\.$liveAt).compactMap { $0 }.max()
            let xml = Sitemap.index(
                languages.map {
                    Sitemap.IndexEntry(location: base + SiteURL.sitemap($0.tag).path, lastModified: latest)
                })
            return PublicPage(
                body: xml, contentType: "application/xml; charset=utf-8", lastModified: latest, maxAge: 3600)
        }
    }

    @Sendable static func sitemap(req: Request) async throws -> Response {
        let file = req.parameters.get("file") ?? ""
        guard file.hasSuffix(".xml") else { throw Abort(.notFound) }
        let lang = String(file.dropLast(4))
        return try await PublicSiteController.cached(req, key: "sitemap|\(lang)") {
            guard let site = try await PublicSite.load(req, lang: lang) else {
                return try await PublicSiteController.notFound(req)
            }
            let enabled = Set(site.languages.map(\.tag))
            let versions = try await site.publicVersions().sort(\.$firstPublishedAt, .descending).all()
            let articleIDs = versions.map(\.$article.id)
            let siblings = Dictionary(
                grouping: try await ArticleVersion.query(on: req.db).filter(\.$article.$id ~~ articleIDs)
                    .filter(\.$liveRevision != nil).filter(\.$classified == false).all()
                    .filter { enabled.contains($0.language) }, by: { $0.$article.id })
            // The home page in every language, then each public article with its other languages.
            var homeAlternates = site.languages.map {
                Sitemap.Alternate(hreflang: $0.tag, href: site.absolute(.siteHome($0.tag)))
            }
            homeAlternates.append(Sitemap.Alternate(hreflang: "x-default", href: site.base + SiteURL.home.path))
            var entries = [
                Sitemap.URLEntry(
                    location: site.absolute(.siteHome(lang)), lastModified: nil, alternates: homeAlternates)
            ]
            for version in versions {
                let others = siblings[version.$article.id] ?? [version]
                var alternates = others.map {
                    Sitemap.Alternate(hreflang: $0.language, href: site.absolute(.siteArticle($0.language, $0.slug)))
                }
                if let vi = others.first(where: { $0.isSource }) {
                    alternates.append(
                        .init(hreflang: "x-default", href: site.absolute(.siteArticle(vi.language, vi.slug))))
                }
                entries.append(
                    Sitemap.URLEntry(
                        location: site.absolute(.siteArticle(version.language, version.slug)),
                        lastModified: version.liveAt, alternates: alternates))
            }
            return PublicPage(
                body: Sitemap.urlset(entries), contentType: "application/xml; charset=utf-8",
                lastModified: versions.compactMap(\.liveAt).max(), maxAge: 3600)
        }
    }

    @Sendable static func robots(req: Request) async throws -> Response {
        let text = """
            User-agent: *
            Allow: /
            Disallow: /app/
            Disallow: /login
            Disallow: /*/search

            Sitemap: \(PublicSite.base(req) + SiteURL.sitemapIndex.path)

            """
        let page = PublicPage(body: text, contentType: "text/plain; charset=utf-8", lastModified: nil, maxAge: 3600)
        return page.response(for: req)
    }
}
