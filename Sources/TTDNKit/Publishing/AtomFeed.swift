import Foundation

/// An Atom 1.0 document (RFC 4287): the feed's id is its own address, each entry's id the article's
/// permanent address, dates in RFC 3339, the summary as text and the article as escaped HTML.
public enum AtomFeed {
    public static func xml(_ channel: FeedChannel, entries: [FeedEntry]) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.attribute(channel.language))">

            """
        out += "<id>\(XMLText.text(channel.selfLink))</id>\n"
        out += "<title>\(XMLText.text(channel.title))</title>\n"
        out += "<subtitle>\(XMLText.text(channel.subtitle))</subtitle>\n"
        out += "<updated>\(rfc3339(channel.updated))</updated>\n"
        out += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(XMLText.attribute(channel.selfLink))\"/>\n"
        out += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.attribute(channel.link))\"/>\n"
        for entry in entries {
            out += "<entry>\n"
            out += "<id>\(XMLText.text(entry.id))</id>\n"
            out += "<title>\(XMLText.text(entry.title))</title>\n"
            out += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.attribute(entry.link))\"/>\n"
            out += "<published>\(rfc3339(entry.published))</published>\n"
            out += "<updated>\(rfc3339(entry.updated))</updated>\n"
            out += "<author><name>\(XMLText.text(entry.author))</name></author>\n"
            for category in entry.categories { out += "<category term=\"\(XMLText.attribute(category))\"/>\n" }
            out += "<summary type=\"text\">\(XMLText.text(entry.summary))</summary>\n"
            if let html = entry.contentHTML { out += "<content type=\"html\">\(XMLText.text(html))</content>\n" }
            out += "</entry>\n"
        }
        out += "</feed>\n"
        return out
    }

    /// `2026-12-02T08:30:00Z`.
    static func rfc3339(_ date: Date) -> String { InternetTime.string(date) }
}
