/// The excerpt of an article shown under a search result, with the words the visitor searched for marked.
///
/// Terms are found the way the index finds them (`SearchKey`): diacritic-insensitively, so `ha noi` marks
/// `Hà Nội` and `dang` marks `Đăng`, and a prefix term marks every word it starts (`hu` marks `Hữu`). In the
/// scripts written without spaces a term marks the characters it spells wherever they occur. The segments
/// show the original text, never its folded form, cut on grapheme clusters only (a Vietnamese letter keeps
/// its marks, an emoji its modifiers), and at word boundaries where one is near.
public enum SearchHighlight: Sendable {
    /// A piece of the excerpt: an original substring, marked or not, or `…` where the text was cut.
    public struct Segment: Sendable, Equatable, Hashable {
        public let text: String
        public let isMatch: Bool

        public init(text: String, isMatch: Bool) {
            self.text = text
            self.isMatch = isMatch
        }

        /// Stands for the text left out before or after the excerpt.
        public static let cut = Segment(text: "…", isMatch: false)
    }

    /// Matches are looked for in the first 200,000 characters (about 30,000 words): enough for any article,
    /// and a bound on the work one result of a search page may cost. Past it the text only gets a `…`.
    public static let maxScannedLength = 200_000

    /// A cut moves to the nearest word boundary if one is within a fifth of `maxLength` (at least 10
    /// characters); inside a longer word, or in a script without spaces, it falls between two characters.
    static func boundarySlack(_ maxLength: Int) -> Int { max(10, maxLength / 5) }

    /// An excerpt of about `maxLength` characters of `text` around the densest cluster of `terms` (the window
    /// with the most distinct terms, then the most matches, the earliest on a tie), or its beginning when no
    /// term is found. `terms` are parsed like what a visitor typed (`SearchQuery`): the last one is a prefix.
    /// Empty only for an empty text or a `maxLength` below 1.
    public static func snippet(of text: String, terms: [String], maxLength: Int) -> [Segment] {
        snippet(of: text, query: SearchQuery(terms.joined(separator: " ")), maxLength: maxLength)
    }

    /// The excerpt for a parsed query, prefix terms as the query has them. Matches are looked for in the first
    /// `scanning` characters (at most `maxScannedLength`); past them the text only gets a `…`.
    public static func snippet(
        of text: String, query: SearchQuery, maxLength: Int, scanning: Int = maxScannedLength
    ) -> [Segment] {
        guard maxLength > 0 else { return [] }
        // One pass over the text's characters, stopping at the bound.
        let bound = max(0, min(scanning, maxScannedLength))
        var scanned: [Character] = []
        scanned.reserveCapacity(min(text.utf8.count, bound))
        var hasMore = false
        for character in text {
            guard scanned.count < bound else {
                hasMore = true
                break
            }
            scanned.append(character)
        }
        let units = SearchHighlightUnits(scanned)
        // White space around the whole text is never shown and never marked as a cut.
        let lower = units.characters.firstIndex { !$0.isWhitespace } ?? units.count
        let upper = hasMore ? units.count : (units.characters.lastIndex { !$0.isWhitespace } ?? -1) + 1
        guard lower < upper else { return [] }
        let content = lower..<upper
        let matches = units.matches(of: query.terms)
        var window = chooseWindow(in: content, hasMore: hasMore, matches: matches, maxLength: maxLength)
        window = units.adjusted(
            window, in: content, hasMore: hasMore, keeping: matches.filter { window.contains($0.range.lowerBound) },
            slack: boundarySlack(maxLength))
        guard !window.isEmpty else { return [] }
        var out: [Segment] = window.lowerBound > content.lowerBound ? [.cut] : []
        out += segments(units.characters, window: window, matches: matches)
        if window.upperBound < content.upperBound || hasMore { out.append(.cut) }
        return out
    }

    /// The window of `maxLength` characters of `content` holding the best cluster of matches, centred on it.
    static func chooseWindow(
        in content: Range<Int>, hasMore: Bool, matches: [SearchHighlightUnits.Match], maxLength: Int
    ) -> Range<Int> {
        if content.count <= maxLength && !hasMore { return content }
        guard !matches.isEmpty else {
            return content.lowerBound..<min(content.upperBound, content.lowerBound + maxLength)
        }
        var best = (first: 0, last: 0, distinct: 0, total: 0)
        var termCounts: [Int: Int] = [:]
        var last = -1
        for first in matches.indices {
            while last + 1 < matches.count,
                matches[last + 1].range.upperBound - matches[first].range.lowerBound <= maxLength
            {
                last += 1
                termCounts[matches[last].term, default: 0] += 1
            }
            let total = last - first + 1
            if total > 0, (termCounts.count, total) > (best.distinct, best.total) {
                best = (first, last, termCounts.count, total)
            }
            if last >= first {
                let term = matches[first].term
                termCounts[term]! -= 1
                if termCounts[term] == 0 { termCounts[term] = nil }
            } else {
                last = first
            }
        }
        let start = matches[best.first].range.lowerBound
        let reach = matches[best.first...best.last].map(\.range.upperBound).max()!
        let end = max(start + 1, min(reach, start + maxLength))
        let lead = (maxLength - (end - start)) / 2
        var lower = max(content.lowerBound, start - lead)
        let upper = min(content.upperBound, lower + maxLength)
        lower = max(content.lowerBound, upper - maxLength)
        return lower..<upper
    }

    /// The window's characters as runs of unmarked and marked original text.
    static func segments(_ characters: [Character], window: Range<Int>, matches: [SearchHighlightUnits.Match])
        -> [Segment]
    {
        var marked = [Bool](repeating: false, count: window.count)
        for match in matches {
            for i in match.range.clamped(to: window) { marked[i - window.lowerBound] = true }
        }
        var out: [Segment] = []
        var runStart = 0
        for i in marked.indices where i + 1 == marked.count || marked[i + 1] != marked[i] {
            let text = String(characters[(window.lowerBound + runStart)...(window.lowerBound + i)])
            out.append(Segment(text: text, isMatch: marked[runStart]))
            runStart = i + 1
        }
        return out
    }
}
