import Foundation

/// Sitemaps (sitemaps.org): an index of per-language sitemaps, and a `urlset` whose every address lists its
/// versions in other languages as `xhtml:link` alternates (itself and `x-default` included), which search
/// engines treat like `hreflang` in the page.
public enum Sitemap {
    public struct IndexEntry: Sendable, Equatable {
        public var location: String
        public var lastModified: Date?

        public init(location: String, lastModified: Date?) {
            self.location = location
            self.lastModified = lastModified
        }
    }

    public struct Alternate: Sendable, Equatable {
        public var hreflang: String
        public var href: String

        public init(hreflang: String, href: String) {
            self.hreflang = hreflang
            self.href = href
        }
    }

    public struct URLEntry: Sendable, Equatable {
        public var location: String
        public var lastModified: Date?
        public var alternates: [Alternate]

        public init(location: String, lastModified: Date?, alternates: [Alternate]) {
            self.location = location
            self.lastModified = lastModified
            self.alternates = alternates
        }
    }

    public static func index(_ entries: [IndexEntry]) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        for entry in entries {
            out += "<sitemap><loc>\(XMLText.text(entry.location))</loc>"
            if let date = entry.lastModified { out += "<lastmod>\(AtomFeed.rfc3339(date))</lastmod>" }
            out += "</sitemap>\n"
        }
        return out + "</sitemapindex>\n"
    }

    public static func urlset(_ entries: [URLEntry]) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """
        for entry in entries {
            out += "<url><loc>\(XMLText.text(entry.location))</loc>"
            if let date = entry.lastModified { out += "<lastmod>\(AtomFeed.rfc3339(date))</lastmod>" }
            for alternate in entry.alternates {
                out +=
                    "<xhtml:link rel=\"alternate\" hreflang=\"\(XMLText.attribute(alternate.hreflang))\" href=\"\(XMLText.attribute(alternate.href))\"/>"
            }
            out += "</url>\n"
        }
        return out + "</urlset>\n"
    }
}
