import Foundation

/// What a task asks, as a table row shows it: the first lines, and the whole text behind "more" when there
/// is more (issue 11: the plan's substance, not only its headings). Paragraphs are stored apart by blank lines.
struct TaskText {
    /// The start, cut at a word near `limit` characters (with `…` when cut).
    let start: String
    /// Every paragraph, when `start` does not already show the whole text.
    let whole: [String]?

    static let limit = 180

    init?(_ content: String) {
        let paragraphs = content.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard let first = paragraphs.first else { return nil }
        if paragraphs.count == 1 && first.count <= Self.limit {
            start = first
            whole = nil
            return
        }
        if first.count > Self.limit {
            var cut = String(first.prefix(Self.limit))
            if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
            start = cut + "…"
        } else {
            start = first
        }
        whole = paragraphs
    }
}
