import Fluent
import Foundation
import TTDNKit
import Vapor

/// An article's public page in one language, and the page that says a translation does not exist (with the
/// languages that do): no silent fallback to another language.
enum PublicArticleController {
    struct Image: Encodable {
        let src: String
        let alt: String
        let caption: String
        let width: Int
        let height: Int
    }

    struct Other: Encodable {
        let lang: String
        let name: String
        let href: String
    }

    struct TopicLink: Encodable {
        let name: String
        let lang: String
        let href: String
    }

    struct Page: Encodable {
        let frame: PublicFrame
        let title: String
        let summary: String?
        let rowsHTML: String
        let date: String
        let dateISO: String
        let updated: String?
        let updatedISO: String?
        let image: Image?
        let topics: [TopicLink]?
        let others: [Other]?
    }

    struct MissingPage: Encodable {
        let frame: PublicFrame
        let message: String
        let others: [Other]
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let lang = req.parameters.get("lang") ?? ""
        let slug = req.parameters.get("slug") ?? ""
        return try await PublicSiteController.cached(req, key: "article|\(lang)|\(slug)") {
            guard let site = try await PublicSite.load(req, lang: lang) else {
                return try await PublicSiteController.notFound(req)
            }
            if let version = try await site.publicVersions().filter(\.$slug == slug).first() {
                return try await page(version, site: site)
            }
            return try await missing(slug: slug, site: site)
        }
    }

    static func page(_ version: ArticleVersion, site: PublicSite) async throws -> PublicPage {
        let req = site.req
        let db = req.db
        let articleID = version.$article.id
        let article = try await Article.find(articleID, on: db)
        let siblings = try await ArticleVersion.query(on: db).filter(\.$article.$id == articleID)
            .filter(\.$liveRevision != nil).filter(\.$classified == false).all()
        let enabled = Set(site.languages.map(\.tag))
        let published = siblings.filter { enabled.contains($0.language) }
        var alternates: [String: SiteURL] = [:]
        for sibling in published { alternates[sibling.language] = .siteArticle(sibling.language, sibling.slug) }
        let topicIDs = try await ArticleTopic.query(on: db).filter(\.$article.$id == articleID).all(\.$topic.$id)
        let topics = try await site.topics()
        let mine = topics.filter { $0.id.map(topicIDs.contains) ?? false }
        var image: Image?
        if let imageID = article?.leadImageID, let stored = try await ArticleImage.find(imageID, on: db) {
            image = Image(
                src: SiteURL.media(imageID).path, alt: version.liveImageAlt, caption: version.liveImageCaption,
                width: stored.width, height: stored.height)
        }
        let body = ArticleBody.render(version.liveBody, imageSize: try await imageSizes(articleID, on: db))
        let published_ = version.publishedDate
        let modified = version.liveAt ?? published_
        let canonical = SiteURL.siteArticle(version.language, version.slug)
        let jsonLD = NewsArticleJSONLD(
            headline: version.liveTitle, description: version.liveSummary, inLanguage: version.language,
            datePublished: published_, dateModified: modified, url: site.absolute(canonical),
            images: image.map { [site.base + $0.src] } ?? [], publisherName: req.t("site.name"),
            keywords: mine.map { $0.name(in: version.language) }
        ).script
        let frame = site.frame(
            title: version.liveTitle, description: version.liveSummary, canonical: canonical, alternates: alternates,
            topics: topics, ogType: "article", ogImage: image.map { site.base + $0.src }, jsonLD: jsonLD,
            defaultURL: alternates["vi"] ?? canonical)
        let others = published.filter { $0.language != version.language }.compactMap { other -> Other? in
            guard let language = site.languages.first(where: { $0.tag == other.language }) else { return nil }
            return Other(
                lang: other.language, name: language.nativeName,
                href: SiteURL.siteArticle(other.language, other.slug).path)
        }
        let view = try await req.view.render(
            "site/article",
            Page(
                frame: frame, title: version.liveTitle,
                summary: version.liveSummary.isEmpty ? nil : version.liveSummary, rowsHTML: body.html,
                date: site.date(published_), dateISO: InternetTime.string(published_),
                updated: modified.timeIntervalSince(published_) > 3600 ? site.date(modified) : nil,
                updatedISO: InternetTime.string(modified), image: image,
                topics: mine.nonEmpty?.map { topic in
                    let named = topic.named(in: version.language, or: req.locale.rawValue)
                    return .init(
                        name: named.name, lang: named.lang, href: SiteURL.siteTopic(version.language, topic.slug).path)
                },
                others: others.nonEmpty))
        return PublicPage(
            body: String(buffer: view.data), contentType: "text/html; charset=utf-8", lastModified: modified)
    }

    /// The widths and heights of an article's images, by their addresses, for the body's `<img>` tags.
    static func imageSizes(_ articleID: UUID, on db: any Database) async throws
        -> @Sendable (String) -> (width: Int, height: Int)?
    {
        let images = try await ArticleImage.query(on: db).filter(\.$article.$id == articleID).all()
        var sizes: [String: (Int, Int)] = [:]
        for image in images {
            if let id = image.id { sizes[SiteURL.media(id).path] = (image.width, image.height) }
        }
        let known = sizes
        return { target in known[target].map { (width: $0.0, height: $0.1) } }
    }

    /// The address names an article that is public in other languages but not in this one: a 404 that says so
    /// and links the languages it exists in.
    static func missing(slug: String, site: PublicSite) async throws -> PublicPage {
        let req = site.req
        guard
            let any = try await ArticleVersion.query(on: req.db).filter(\.$slug == slug).filter(\.$liveRevision != nil)
                .filter(\.$classified == false).first()
        else { return try await PublicSiteController.notFound(req) }
        let siblings = try await ArticleVersion.query(on: req.db).filter(\.$article.$id == any.$article.id)
            .filter(\.$liveRevision != nil).filter(\.$classified == false).all()
        let others = siblings.compactMap { other -> Other? in
            guard let language = site.languages.first(where: { $0.tag == other.language }) else { return nil }
            return Other(
                lang: other.language, name: language.nativeName,
                href: SiteURL.siteArticle(other.language, other.slug).path)
        }
        guard !others.isEmpty else { return try await PublicSiteController.notFound(req) }
        var alternates: [String: SiteURL] = [:]
        for other in siblings { alternates[other.language] = .siteArticle(other.language, other.slug) }
        let frame = site.frame(
            title: req.t("site.missing.title"), description: req.t("site.description"),
            canonical: .siteArticle(site.lang, slug), alternates: [:], topics: try await site.topics())
        let view = try await req.view.render(
            "site/missing",
            MissingPage(
                frame: frame, message: req.t("site.missing.message", site.language.nativeName), others: others))
        return PublicPage(
            body: String(buffer: view.data), contentType: "text/html; charset=utf-8", lastModified: nil,
            status: .notFound)
    }
}
