import Foundation

/// Where a link or an image in an article's body may point: the site itself (a path), the web (`http`,
/// `https`), an e-mail address (`mailto`) or a phone number (`tel`). Anything else — `javascript:`, `data:`,
/// `vbscript:`, a scheme hidden behind spaces, control characters or entities — is refused, so that a body
/// never carries script into a page, a feed or a printed bulletin. (Ink, the Markdown reader, writes link
/// targets as given; its output goes through this check.)
public enum LinkTarget {
    static let schemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// The target as it may be written into an `href` or `src`, or nil when it is refused.
    public static func allowed(_ raw: String) -> String? {
        let target = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !target.isEmpty, target.count <= 2_000 else { return nil }
        // Control characters and whitespace inside a URL are how schemes are hidden (`java\tscript:`).
        guard !target.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == " " })
        else { return nil }
        // Entities would be decoded by the browser after this check (`javascript&#58;`).
        guard !target.contains("&#"), !target.lowercased().contains("&colon") else { return nil }
        // A scheme is what comes before the first ':' that precedes any '/', '?' or '#'.
        if let colon = target.firstIndex(of: ":"),
            !target[..<colon].contains(where: { $0 == "/" || $0 == "?" || $0 == "#" })
        {
            let scheme = target[..<colon].lowercased()
            return schemes.contains(scheme) ? target : nil
        }
        // No scheme: a path on this site, or a fragment. Protocol-relative `//host` leaves the site: refused.
        guard !target.hasPrefix("//"), !target.hasPrefix("\\") else { return nil }
        return target
    }
}
