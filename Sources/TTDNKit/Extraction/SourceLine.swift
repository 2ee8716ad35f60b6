import Foundation

/// One line of the document after the format reader and the cleaner: emphasis and Markdown marks
/// gone, white space collapsed, NFC. What each line looked like is kept as flags.
struct SourceLine: Sendable {
    var text: String
    /// 1-based line number in the text the format reader produced.
    var number: Int
    /// Began with `-`, `+`, `•` (the marker is not in `text`).
    var bullet: Bool = false
    /// Emphasised as a whole (`**…**`, a bold Word paragraph, a Markdown `#` heading).
    var bold: Bool = false
    /// The emphasised words the line starts with (`- **Văn phòng Sở:** Chủ trì …` → `Văn phòng Sở:`).
    var boldLead: String?
    /// A blank line came before it.
    var blankBefore: Bool = false
}

/// The document split into its three zones.
struct DocumentLines: Sendable {
    var lines: [SourceLine]
    /// Footnote texts (`<sup>(1)</sup> …` lines, Word footnotes): read for citations only.
    var footnotes: [String]
}
