import Foundation
import TTDNKit
import Testing

/// The elements feed readers, search engines and validators look for, read back with `XMLParser` from
/// documents whose every text is hostile.
@Suite("Feeds, sitemaps and JSON-LD: required parts")
struct FeedConformanceTests {
    static let hostile = "Hữu Nghị </title> ]]> & <b>\u{1}\u{1B}\u{FFFF} 中越边境 ສະບາຍດີ \"q\" 'a' &amp;"
    static let clean = XMLText.removingForbidden(hostile)
    static let published = Date(timeIntervalSince1970: 1_796_286_600)  // 2026-12-03 08:30:00 UTC
    static let updated = Date(timeIntervalSince1970: 1_796_290_209.9)  // 09:30:09.9, shown as :09

    let channel = FeedChannel(
        title: hostile, subtitle: hostile, link: "https://site.example/lo/",
        selfLink: "https://site.example/lo/feed.xml",
        language: "lo", updated: updated)

    let entry = FeedEntry(
        id: "https://site.example/lo/articles/a?x=1&y=2", title: hostile,
        link: "https://site.example/lo/articles/a?x=1&y=2",
        summary: hostile, contentHTML: "<p>\(XMLText.text(hostile))</p><pre>]]></pre>", published: published,
        updated: updated, author: hostile, categories: [hostile, "ASEAN"])

    /// RFC 822 with a four-digit year, in GMT.
    func isRFC822(_ text: String) -> Bool {
        text.wholeMatch(of: /(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT/) != nil
    }

    /// RFC 3339 / W3C date-time in UTC.
    func isRFC3339(_ text: String) -> Bool {
        text.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/) != nil
    }

    @Test("RSS 2.0: channel and item elements, self link, permalink guid, dates in GMT")
    func rss() throws {
        let document = XMLTestDocument(RSSFeed.xml(channel, entries: [entry, entry]))
        #expect(document.error == nil)
        let root = try #require(document.elements.first)
        #expect(root.name == "rss" && root.attributes["version"] == "2.0")
        for name in ["title", "description"] { #expect(document.texts(name, in: "channel") == [Self.clean]) }
        #expect(document.texts("link", in: "channel") == ["https://site.example/lo/"])
        #expect(document.texts("language", in: "channel") == ["lo"])
        let built = try #require(document.texts("lastBuildDate", in: "channel").first)
        #expect(isRFC822(built) && built == "Thu, 03 Dec 2026 09:30:09 GMT")
        let selfLink = try #require(document.all("atom:link").first)
        #expect(
            selfLink.attributes["rel"] == "self" && selfLink.attributes["href"] == "https://site.example/lo/feed.xml")
        #expect(selfLink.attributes["type"] == "application/rss+xml")
        #expect(document.all("item").count == 2)
        #expect(document.texts("title", in: "item") == [Self.clean, Self.clean])
        #expect(document.texts("link", in: "item").first == "https://site.example/lo/articles/a?x=1&y=2")
        let guid = try #require(document.all("guid").first)
        #expect(guid.attributes["isPermaLink"] == "true" && guid.text == "https://site.example/lo/articles/a?x=1&y=2")
        #expect(document.texts("pubDate", in: "item").allSatisfy(isRFC822))
        #expect(document.texts("category", in: "item").prefix(2) == [Self.clean, "ASEAN"])
        #expect(document.texts("description", in: "item").first == Self.clean)
        #expect(document.texts("content:encoded", in: "item").first == XMLText.removingForbidden(entry.contentHTML!))
    }

    @Test("Atom 1.0 (RFC 4287): feed id, title, updated, self and alternate links; entries complete")
    func atom() throws {
        let document = XMLTestDocument(AtomFeed.xml(channel, entries: [entry]))
        #expect(document.error == nil)
        let root = try #require(document.elements.first)
        #expect(root.name == "feed" && root.attributes["xmlns"] == "http://www.w3.org/2005/Atom")
        #expect(root.attributes["xml:lang"] == "lo")
        #expect(document.texts("id", in: "feed") == ["https://site.example/lo/feed.xml"])
        #expect(document.texts("title", in: "feed") == [Self.clean])
        #expect(document.texts("updated", in: "feed") == ["2026-12-03T09:30:09Z"])
        let links = document.elements.filter { $0.name == "link" && $0.path.last == "feed" }
        #expect(
            links.first { $0.attributes["rel"] == "self" }?.attributes["href"] == "https://site.example/lo/feed.xml")
        #expect(links.first { $0.attributes["rel"] == "alternate" }?.attributes["href"] == "https://site.example/lo/")
        #expect(document.texts("id", in: "entry") == ["https://site.example/lo/articles/a?x=1&y=2"])
        #expect(document.texts("title", in: "entry") == [Self.clean])
        let link = try #require(document.elements.first { $0.name == "link" && $0.path.last == "entry" })
        #expect(link.attributes["href"] == "https://site.example/lo/articles/a?x=1&y=2")
        for name in ["published", "updated"] {
            #expect(document.texts(name, in: "entry").allSatisfy(isRFC3339))
        }
        #expect(document.texts("name", in: "author") == [Self.clean])
        #expect(document.all("category").compactMap { $0.attributes["term"] } == [Self.clean, "ASEAN"])
        #expect(document.texts("summary", in: "entry") == [Self.clean])
        let content = try #require(document.all("content").first)
        #expect(content.attributes["type"] == "html" && content.text == XMLText.removingForbidden(entry.contentHTML!))
    }

    @Test("Sitemaps: an index of absolute addresses; each address with its lastmod and every language version")
    func sitemaps() throws {
        let index = XMLTestDocument(
            Sitemap.index([
                .init(location: "https://site.example/sitemaps/vi.xml", lastModified: Self.updated),
                .init(location: "https://site.example/sitemaps/lo.xml?a=1&b=2", lastModified: nil),
            ]))
        #expect(index.error == nil)
        #expect(index.elements.first?.attributes["xmlns"] == "http://www.sitemaps.org/schemas/sitemap/0.9")
        #expect(
            index.texts("loc", in: "sitemap") == [
                "https://site.example/sitemaps/vi.xml", "https://site.example/sitemaps/lo.xml?a=1&b=2",
            ])
        #expect(index.texts("lastmod", in: "sitemap") == ["2026-12-03T09:30:09Z"])

        let versions = ["vi": "https://site.example/vi/bai-viet/cho-ky-lua", "lo": "https://site.example/lo/a?x=1&y=2"]
        let alternates =
            versions.sorted { $0.key < $1.key }.map { Sitemap.Alternate(hreflang: $0.key, href: $0.value) }
            + [Sitemap.Alternate(hreflang: "x-default", href: versions["vi"]!)]
        let urlset = XMLTestDocument(
            Sitemap.urlset(
                versions.sorted { $0.key < $1.key }.map {
                    .init(location: $0.value, lastModified: Self.published, alternates: alternates)
                }))
        #expect(urlset.error == nil)
        let root = try #require(urlset.elements.first)
        #expect(root.attributes["xmlns:xhtml"] == "http://www.w3.org/1999/xhtml")
        #expect(urlset.texts("loc", in: "url") == [versions["lo"]!, versions["vi"]!])
        #expect(urlset.texts("lastmod", in: "url").allSatisfy(isRFC3339))
        let links = urlset.all("xhtml:link")
        #expect(links.count == 6 && links.allSatisfy { $0.attributes["rel"] == "alternate" })
        let first = Dictionary(
            links.prefix(3).map { ($0.attributes["hreflang"] ?? "", $0.attributes["href"] ?? "") },
            uniquingKeysWith: { a, _ in a })
        #expect(first == ["lo": versions["lo"]!, "vi": versions["vi"]!, "x-default": versions["vi"]!])
    }

    @Test("JSON-LD: a NewsArticle with its dates, publisher and keywords; line separators escaped")
    func jsonLD() throws {
        let script = NewsArticleJSONLD(
            headline: "A\u{2028}B\u{2029}C </SCRIPT >", description: Self.hostile, inLanguage: "zh-Hans",
            datePublished: Self.published, dateModified: Self.updated, url: "https://site.example/zh-Hans/a",
            images: ["https://site.example/media/1"], publisherName: "Sở Ngoại vụ", keywords: ["Biên giới", "ASEAN"]
        ).script
        #expect(!script.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "<" || $0 == ">" })
        #expect(script.contains("\\u2028") && script.contains("\\u2029"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(script.utf8)) as? [String: Any])
        #expect(object["@context"] as? String == "https://schema.org")
        #expect(object["headline"] as? String == "A\u{2028}B\u{2029}C </SCRIPT >")
        #expect(object["description"] as? String == Self.hostile)
        #expect(object["inLanguage"] as? String == "zh-Hans")
        #expect(object["datePublished"] as? String == "2026-12-03T08:30:00Z")
        #expect(object["dateModified"] as? String == "2026-12-03T09:30:09Z")
        #expect(object["image"] as? [String] == ["https://site.example/media/1"])
        #expect((object["publisher"] as? [String: Any])?["@type"] as? String == "Organization")
        #expect((object["author"] as? [String: Any])?["name"] as? String == "Sở Ngoại vụ")
        #expect((object["mainEntityOfPage"] as? [String: Any])?["@id"] as? String == "https://site.example/zh-Hans/a")
        #expect(object["keywords"] as? String == "Biên giới, ASEAN")
    }
}
