import Fluent
import Foundation
import TTDNKit
import Vapor

/// The public search, per language: without regard to diacritics (`ha noi` finds `Hà Nội`, `dong dang` finds
/// `Đồng Đăng`), ranked (the title weighs more, then the newest), with the matching words highlighted in a
/// passage of the text. Not cached: every query is its own; the index answers it (`SiteSearch`).
enum PublicSearchController {
    struct Page: Encodable {
        let frame: PublicFrame
        let query: String
        let heading: String
        let items: [PublicSiteController.Item]?
        let summary: String?
        let empty: String?
        let previousPage: String?
        let nextPage: String?
    }

    @Sendable static func search(req: Request) async throws -> Response {
        let lang = req.parameters.get("lang") ?? ""
        guard let site = try await PublicSite.load(req, lang: lang) else { throw Abort(.notFound) }
        let typed = String((req.query[String.self, at: "q"] ?? "").prefix(200))
        let query = SearchQuery(typed)
        // Five hundred pages of results are as far as anyone reads.
        let maxPage = 500
        let page = min(PublicSiteController.pageNumber(req), maxPage)
        let size = PublicSiteController.pageSize
        let found = try await SiteSearch.search(
            query, language: lang, limit: size, offset: (page - 1) * size, on: req.db)
        let items = try await SiteSearch.listings(found.ids, on: req.db).map { listing in
            // The passage where the words are: the summary and the text together, the densest window shown.
            // The first few thousand characters: a quote needs no more, and it bounds the work per result.
            let text = listing.summary.isEmpty ? listing.text : listing.summary + "\n\n" + listing.text
            let snippet = joined(SearchHighlight.snippet(of: text, query: query, maxLength: 240, scanning: 4_000))
            return PublicSiteController.item(
                title: listing.title, summary: listing.summary, language: listing.language, slug: listing.slug,
                published: listing.published, site: site, snippet: snippet)
        }
        let url = SiteURL.siteSearch(lang)
        func pageURL(_ n: Int) -> String { url.with(["q": typed, "page": String(n)]) }
        let heading = typed.isEmpty ? req.t("site.search.heading") : req.t("site.search.results", typed)
        let frame = site.frame(
            title: heading, description: req.t("site.description"), canonical: url,
            alternates: Dictionary(uniqueKeysWithValues: site.languages.map { ($0.tag, SiteURL.siteSearch($0.tag)) }),
            topics: try await site.topics(), query: typed)
        let page_ = Page(
            frame: frame, query: typed, heading: heading, items: items.nonEmpty,
            summary: found.total > SiteSearch.countLimit
                ? req.t("site.search.count_more", Formatting.number(SiteSearch.countLimit, req.locale))
                : (found.total > 0 ? req.t("site.search.count", Formatting.number(found.total, req.locale)) : nil),
            empty: typed.isEmpty
                ? nil
                : (query.terms.isEmpty
                    ? req.t("site.search.nothing_to_search") : (items.isEmpty ? req.t("site.search.none") : nil)),
            previousPage: page > 1 ? pageURL(page - 1) : nil,
            nextPage: found.hasNext && page < maxPage ? pageURL(page + 1) : nil)
        let response = try await req.view.render("site/search", page_).encodeResponse(for: req)
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=60")
        // Result pages are not for search engines' indexes.
        response.headers.replaceOrAdd(name: "X-Robots-Tag", value: "noindex")
        return response
    }

    /// The passage's parts, with matches separated only by spaces made one (`<mark>Đồng Đăng</mark>`, not
    /// two marks), as a reader sees the words they typed together.
    static func joined(_ segments: [SearchHighlight.Segment]) -> [PublicSiteController.Snippet] {
        var out: [PublicSiteController.Snippet] = []
        var index = 0
        while index < segments.count {
            let segment = segments[index]
            if segment.isMatch, let last = out.last, last.match {
                out[out.count - 1] = .init(text: last.text + segment.text, match: true)
            } else if !segment.isMatch, index + 1 < segments.count, segments[index + 1].isMatch, let last = out.last,
                last.match, segment.text.allSatisfy(\.isWhitespace), !segment.text.contains("\n")
            {
                out[out.count - 1] = .init(text: last.text + segment.text, match: true)
            } else {
                out.append(.init(text: segment.text, match: segment.isMatch))
            }
            index += 1
        }
        return out
    }
}
