import Foundation
import Testing

@testable import TTDNKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Feeds, sitemaps and JSON-LD stay well-formed whatever an article's title holds.
@Suite("Feeds, sitemaps, JSON-LD")
struct FeedWritersTests {
    static let hostile = "Hữu Nghị </title> ]]> & <b>\u{1}\u{7} 中越边境 ສະບາຍດີ \"quoted\" 'single'"
    let date = Date(timeIntervalSince1970: 1_796_286_600)

    /// Parses `xml`; returns the text of every element named `name`.
    func texts(_ xml: String, _ name: String) throws -> [String] {
        final class Collector: NSObject, XMLParserDelegate {
            let name: String
            var found: [String] = []
            var current: String?
            init(_ name: String) { self.name = name }
            func parser(
                _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) { if element == name { current = "" } }
            func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }
            func parser(
                _ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?
            ) {
                if element == name, let text = current {
                    found.append(text)
                    current = nil
                }
            }
        }
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = Collector(name)
        parser.delegate = collector
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        return collector.found
    }

    func entry() -> FeedEntry {
        FeedEntry(
            id: "https://site.example/vi/articles/a", title: Self.hostile, link: "https://site.example/vi/articles/a",
            summary: Self.hostile, contentHTML: "<p>\(Self.hostile)</p>", published: date, updated: date,
            author: "Sở Ngoại vụ", categories: ["Biên giới & hợp tác"])
    }

    let channel = FeedChannel(
        title: "Trang <TTĐN>", subtitle: "Tin", link: "https://site.example/vi",
        selfLink: "https://site.example/vi/feed.xml",
        language: "vi", updated: Date(timeIntervalSince1970: 1_796_286_600))

    @Test("RSS and Atom parse back with the title intact, control characters dropped")
    func feeds() throws {
        let clean = XMLText.removingForbidden(Self.hostile)
        let rss = RSSFeed.xml(channel, entries: [entry()])
        #expect(try texts(rss, "title") == ["Trang <TTĐN>", clean])
        #expect(rss.contains("<pubDate>Thu, 03 Dec 2026 08:30:00 GMT</pubDate>"))
        let atom = AtomFeed.xml(channel, entries: [entry()])
        #expect(try texts(atom, "title") == ["Trang <TTĐN>", clean])
        #expect(try texts(atom, "updated").first == "2026-12-03T08:30:00Z")
    }

    @Test("A sitemap lists every language of an address")
    func sitemap() throws {
        let xml = Sitemap.urlset([
            .init(
                location: "https://site.example/vi/articles/a?x=1&y=2", lastModified: date,
                alternates: [
                    .init(hreflang: "vi", href: "https://site.example/vi/articles/a"),
                    .init(hreflang: "x-default", href: "https://site.example/vi/articles/a"),
                ])
        ])
        #expect(try texts(xml, "loc") == ["https://site.example/vi/articles/a?x=1&y=2"])
        #expect(xml.contains(#"<xhtml:link rel="alternate" hreflang="x-default""#))
        let index = Sitemap.index([.init(location: "https://site.example/sitemaps/vi.xml", lastModified: nil)])
        #expect(try texts(index, "loc") == ["https://site.example/sitemaps/vi.xml"])
    }

    @Test("JSON-LD cannot end its script element and reads back the same")
    func jsonLD() throws {
        let title = "</script><script>alert(1)</script> & \u{2028}"
        let script = NewsArticleJSONLD(
            headline: title, description: "x", inLanguage: "vi", datePublished: date, dateModified: date,
            url: "https://site.example/vi/articles/a", images: [], publisherName: "Sở", keywords: ["ASEAN"]
        ).script
        #expect(!script.lowercased().contains("</script"))
        #expect(!script.contains("<") && !script.contains("&"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(script.utf8)) as? [String: Any])
        #expect(object["headline"] as? String == title)
        #expect(object["@type"] as? String == "NewsArticle")
    }
}
