import Foundation

/// An iCalendar feed (RFC 5545) of all-day events: each agency's milestones, served at a secret URL
/// that calendar programs poll.
public struct ICalendar: Sendable {
    public struct Event: Sendable, Equatable {
        /// Stable across feeds, so a calendar updates an event instead of adding a copy (see `uid`).
        public var uid: String
        public var date: LocalDate
        public var summary: String
        public var description: String?
        public var url: String?

        public init(uid: String, date: LocalDate, summary: String, description: String? = nil, url: String? = nil) {
            self.uid = uid
            self.date = date
            self.summary = summary
            self.description = description
            self.url = url
        }
    }

    /// `X-WR-CALNAME`: the name calendar programs show.
    public var name: String
    public var prodID: String = "-//ttdn//Nhiem vu ke hoach//VI"
    public var events: [Event] = []
    /// `DTSTAMP` of every event: when the feed was produced.
    public var stamp: Date

    public init(name: String, events: [Event] = [], stamp: Date) {
        self.name = name
        self.events = events
        self.stamp = stamp
    }

    /// `<plan>-<task ref>-<milestone key>@<domain>`, with anything but letters, digits, `-` and `.`
    /// replaced: the same milestone keeps its UID in every feed that lists it.
    public static func uid(plan: String, task: String, milestone: String, domain: String = "ttdn") -> String {
        func clean(_ s: String) -> String {
            String(
                s.unicodeScalars.map {
                    ($0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "."))
                        ? Character($0) : "_"
                })
        }
        return "\(clean(plan))-\(clean(task))-\(clean(milestone))@\(domain)"
    }

    /// The feed, CRLF line ends, long lines folded.
    public func render() -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "PRODID:\(Self.escape(prodID))",
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:\(Self.escape(name))",
            "X-WR-TIMEZONE:Asia/Ho_Chi_Minh",
        ]
        let dtstamp = Self.utcStamp(stamp)
        for event in events {
            lines += [
                "BEGIN:VEVENT",
                "UID:\(Self.escape(event.uid))",
                "DTSTAMP:\(dtstamp)",
                // An all-day event: DTEND is the day after (exclusive), per RFC 5545 §3.6.1.
                "DTSTART;VALUE=DATE:\(Self.basic(event.date))",
                "DTEND;VALUE=DATE:\(Self.basic(event.date.adding(days: 1)))",
                "SUMMARY:\(Self.escape(event.summary))",
            ]
            if let d = event.description { lines.append("DESCRIPTION:\(Self.escape(d))") }
            // URL is a URI, not text: no escaping, but no line breaks either.
            if let u = event.url { lines.append("URL:\(u.filter { $0 != "\r" && $0 != "\n" })") }
            // A deadline does not make anyone busy.
            lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).map { $0 + "\r\n" }.joined()
    }

    /// TEXT escaping (RFC 5545 §3.3.11): backslash, `;`, `,` and line breaks.
    public static func escape(_ text: String) -> String {
        var out = ""
        var previousCR = false
        for ch in text.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            default:
                // Other control characters are not allowed in a content line.
                if ch.value < 0x20 && ch != "\t" { break }
                out.unicodeScalars.append(ch)
            }
            previousCR = ch == "\r"
        }
        return out
    }

    /// Folds a content line at 75 octets (RFC 5545 §3.1): continuation lines start with one space and
    /// breaks fall between characters, never inside a UTF-8 sequence.
    public static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = ""
        var current = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if current + size > limit {
                out += "\r\n "
                current = 0
                limit = 74  // the leading space counts
            }
            out.unicodeScalars.append(scalar)
            current += size
        }
        return out
    }

    static func basic(_ d: LocalDate) -> String {
        String(format: "%04d%02d%02d", d.year, d.month, d.day)
    }

    static func utcStamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}
