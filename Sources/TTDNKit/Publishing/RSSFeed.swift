import Foundation

/// An RSS 2.0 document with `atom:link rel="self"` (as the RSS Advisory Board recommends), dates in RFC 822
/// (GMT), permanent GUIDs, the summary as `description` and the text as `content:encoded`. Every value goes
/// through `XMLText`, so no title can break the document.
public enum RSSFeed {
    public static func xml(_ channel: FeedChannel, entries: [FeedEntry]) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel>

            """
        out += "<title>\(XMLText.text(channel.title))</title>\n"
        out += "<link>\(XMLText.text(channel.link))</link>\n"
        out += "<description>\(XMLText.text(channel.subtitle))</description>\n"
        out += "<language>\(XMLText.text(channel.language))</language>\n"
        out += "<lastBuildDate>\(rfc822(channel.updated))</lastBuildDate>\n"
        out +=
            "<atom:link href=\"\(XMLText.attribute(channel.selfLink))\" rel=\"self\" type=\"application/rss+xml\"/>\n"
        for entry in entries {
            out += "<item>\n"
            out += "<title>\(XMLText.text(entry.title))</title>\n"
            out += "<link>\(XMLText.text(entry.link))</link>\n"
            out += "<guid isPermaLink=\"true\">\(XMLText.text(entry.id))</guid>\n"
            out += "<pubDate>\(rfc822(entry.published))</pubDate>\n"
            out += "<description>\(XMLText.text(entry.summary))</description>\n"
            for category in entry.categories { out += "<category>\(XMLText.text(category))</category>\n" }
            if let html = entry.contentHTML { out += "<content:encoded>\(XMLText.text(html))</content:encoded>\n" }
            out += "</item>\n"
        }
        out += "</channel>\n</rss>\n"
        return out
    }

    /// `Wed, 02 Dec 2026 08:30:00 GMT`.
    static func rfc822(_ date: Date) -> String {
        date.formatted(
            Date.VerbatimFormatStyle(
                format:
                    "\(weekday: .abbreviated), \(day: .twoDigits) \(month: .abbreviated) \(year: .defaultDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits) GMT",
                locale: Locale(identifier: "en_US_POSIX"), timeZone: TimeZone(identifier: "GMT") ?? .current,
                calendar: Calendar(identifier: .gregorian)))
    }
}
