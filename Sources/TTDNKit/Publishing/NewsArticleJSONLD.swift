import Foundation

/// schema.org `NewsArticle` as JSON-LD, written to sit inside `<script type="application/ld+json">`: `<`, `>`
/// and `&` are written as `\u003c`, `\u003e`, `\u0026` (and U+2028/U+2029 escaped), so a title holding
/// `</script>` cannot end the script element, and the JSON still reads back to the same strings.
public struct NewsArticleJSONLD: Sendable, Equatable {
    public var headline: String
    public var description: String
    public var inLanguage: String
    public var datePublished: Date
    public var dateModified: Date
    public var url: String
    public var images: [String]
    public var publisherName: String
    public var keywords: [String]

    public init(
        headline: String, description: String, inLanguage: String, datePublished: Date, dateModified: Date,
        url: String, images: [String], publisherName: String, keywords: [String]
    ) {
        self.headline = headline
        self.description = description
        self.inLanguage = inLanguage
        self.datePublished = datePublished
        self.dateModified = dateModified
        self.url = url
        self.images = images
        self.publisherName = publisherName
        self.keywords = keywords
    }

    /// The JSON, safe inside a script element.
    public var script: String {
        var object: [String: Any] = [
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": headline,
            "description": description, "inLanguage": inLanguage,
            "datePublished": AtomFeed.rfc3339(datePublished), "dateModified": AtomFeed.rfc3339(dateModified),
            "url": url, "mainEntityOfPage": ["@type": "WebPage", "@id": url],
            "publisher": ["@type": "Organization", "name": publisherName],
            "author": ["@type": "Organization", "name": publisherName],
        ]
        if !images.isEmpty { object["image"] = images }
        if !keywords.isEmpty { object["keywords"] = keywords.joined(separator: ", ") }
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "{}" }
        var out = ""
        for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
