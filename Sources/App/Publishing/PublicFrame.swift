import Fluent
import Foundation
import TTDNKit
import Vapor

/// What every public page carries around its content: the language of the page and of its chrome (the site's
/// interface is written in Vietnamese and English; a page in Chinese or Lao has its chrome marked `lang="en"`),
/// the canonical address and its alternates in other languages (`hreflang`, with `x-default`), OpenGraph,
/// the language switcher (each language in its own script), the topics and the feeds.
struct PublicFrame: Encodable {
    struct Alternate: Encodable {
        let hreflang: String
        let href: String
    }

    struct Switch: Encodable {
        let lang: String
        let name: String
        let href: String
        let current: Bool
    }

    struct NavTopic: Encodable {
        let name: String
        let lang: String
        let href: String
    }

    let lang: String
    /// The language the chrome is written in, when it is not the page's.
    let chromeLang: String?
    let siteName: String
    let title: String
    let description: String
    let canonical: String
    let alternates: [Alternate]
    let switcher: [Switch]
    let topics: [NavTopic]
    let homeHref: String
    let searchHref: String
    let rssHref: String
    let atomHref: String
    let ogType: String
    let ogImage: String?
    let ogLocale: String
    let jsonLD: String?
    let query: String
    /// The search page has its own search box: the header's is left out.
    let isSearchPage: Bool
}

/// The public site's shared look-ups: its languages, the chrome language, absolute addresses.
struct PublicSite {
    let req: Request
    let languages: [SiteLanguageRecord]
    let base: String
    let language: SiteLanguageRecord
    /// The languages the switcher offers: Vietnamese and those with something published.
    let offered: Set<String>

    /// The site in the language of the address, or nil when the site does not publish in it.
    static func load(_ req: Request, lang: String) async throws -> PublicSite? {
        let languages = try await SiteLanguageRecord.query(on: req.db).filter(\.$enabled == true).sort(\.$position)
            .all()
        guard let language = languages.first(where: { $0.tag == lang }) else { return nil }
        // The chrome: in the page's language when the interface has it, else in English.
        req.locale = AppLocale(rawValue: lang) ?? .en
        let published = try await MemoryCaches.of(req.application).publishedLanguages(on: req.db)
        return PublicSite(
            req: req, languages: languages, base: Self.base(req), language: language,
            offered: published.union([SiteLanguage.source.tag]))
    }

    /// The site's address for links that leave it (pages' canonical addresses, feeds, sitemaps, calendars):
    /// `PUBLIC_URL`, else the request's host when it looks like one (a forged Host header must not reach a
    /// cached page's links), with the proxy's `X-Forwarded-Proto` when it is http or https, else localhost.
    static func base(_ req: Request) -> String {
        if let configured = req.application.settings.publicURL { return configured }
        let forwarded = req.headers.first(name: "X-Forwarded-Proto")?.lowercased()
        let scheme = forwarded == "https" ? "https" : "http"
        let host = req.headers.first(name: .host) ?? ""
        let fits =
            !host.isEmpty && host.count <= 255
            && host.unicodeScalars.allSatisfy {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || ".-:[]".unicodeScalars.contains($0))
            }
        return scheme + "://" + (fits ? host : "localhost")
    }

    var lang: String { language.tag }

    func absolute(_ url: SiteURL) -> String { base + url.path }

    /// The frame of a page. `alternates`: the page in other languages (language → address), itself included.
    func frame(
        title: String, description: String, canonical: SiteURL, alternates: [String: SiteURL], topics: [Topic],
        ogType: String = "website", ogImage: String? = nil, jsonLD: String? = nil, query: String = "",
        defaultURL: SiteURL? = nil
    ) -> PublicFrame {
        var links = languages.compactMap { language in
            alternates[language.tag].map { PublicFrame.Alternate(hreflang: language.tag, href: absolute($0)) }
        }
        if !links.isEmpty {
            links.append(.init(hreflang: "x-default", href: base + (defaultURL ?? alternates["vi"] ?? .home).path))
        }
        let switcher = languages.filter { offered.contains($0.tag) || $0.tag == lang }.map { language in
            PublicFrame.Switch(
                lang: language.tag, name: language.nativeName,
                href: (alternates[language.tag] ?? fallback(for: canonical, in: language.tag)).path,
                current: language.tag == lang)
        }
        let siteName = req.t("site.name")
        return PublicFrame(
            lang: lang, chromeLang: AppLocale(rawValue: lang) == nil ? req.locale.rawValue : nil, siteName: siteName,
            title: title, description: description, canonical: absolute(canonical), alternates: links,
            switcher: switcher,
            topics: topics.map { topic in
                let named = topic.named(in: lang, or: req.locale.rawValue)
                return .init(name: named.name, lang: named.lang, href: SiteURL.siteTopic(lang, topic.slug).path)
            },
            homeHref: SiteURL.siteHome(lang).path, searchHref: SiteURL.siteSearch(lang).path,
            rssHref: SiteURL.siteFeed(lang, .rss).path, atomHref: SiteURL.siteFeed(lang, .atom).path, ogType: ogType,
            ogImage: ogImage, ogLocale: lang.replacingOccurrences(of: "-", with: "_"), jsonLD: jsonLD, query: query,
            isSearchPage: { if case .siteSearch = canonical { true } else { false } }())
    }

    /// Where the switcher sends a reader of a page that has no version in `tag`: for an article, its address
    /// in that language (which explains that the translation is missing and links those that exist); for the
    /// other pages, the same page in that language.
    private func fallback(for url: SiteURL, in tag: String) -> SiteURL {
        switch url {
        case .siteArticle(_, let slug): .siteArticle(tag, slug)
        case .siteTopic(_, let slug): .siteTopic(tag, slug)
        case .siteArchive(_, let year, let month): .siteArchive(tag, year, month)
        case .siteSearch: .siteSearch(tag)
        default: .siteHome(tag)
        }
    }

    /// The topics of the site, for the navigation.
    func topics() async throws -> [Topic] {
        try await Topic.query(on: req.db).sort(\.$position).all()
    }

    /// The public versions in this language, newest first.
    func publicVersions() -> QueryBuilder<ArticleVersion> {
        ArticleVersion.query(on: req.db).filter(\.$language == lang).filter(\.$liveRevision != nil)
            .filter(\.$classified == false)
    }
}
