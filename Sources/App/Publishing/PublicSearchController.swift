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
        let page = min(PublicSiteController.pageNumber(req), 500)
        let size = PublicSiteController.pageSize
        let found = try await SiteSearch.search(
            query, language: lang, limit: size, offset: (page - 1) * size, on: req.db)
        let versions = try await ArticleVersion.query(on: req.db).filter(\.$id ~~ found.ids).all()
        let byID = Dictionary(versions.compactMap { v in v.id.map { ($0, v) } }, uniquingKeysWith: { a, _ in a })
        let items = found.ids.compactMap { byID[$0] }.filter(\.isPublic).map { version in
            // The passage where the words are: the summary and the text together, the densest window shown.
            // The first few thousand characters: a quote needs no more, and it bounds the work per result.
            let text = String([version.liveSummary, version.liveText].joined(separator: "\n\n").prefix(4_000))
            let snippet = joined(SearchHighlight.snippet(of: text, query: query, maxLength: 240))
            return PublicSiteController.item(version, site: site, snippet: snippet)
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
                ? req.t("site.search.count_more", String(SiteSearch.countLimit))
                : (found.total > 0 ? req.t("site.search.count", String(found.total)) : nil),
            empty: typed.isEmpty
                ? nil
                : (query.terms.isEmpty
                    ? req.t("site.search.nothing_to_search") : (items.isEmpty ? req.t("site.search.none") : nil)),
            previousPage: page > 1 ? pageURL(page - 1) : nil,
            nextPage: page * size < found.total ? pageURL(page + 1) : nil)
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
