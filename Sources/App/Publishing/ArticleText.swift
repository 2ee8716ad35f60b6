import TTDNKit

/// What a writer types into a language version: the fields a revision keeps.
struct ArticleText: Sendable, Equatable {
    var title: String
    var summary: String
    var body: String
    var imageAlt: String = ""
    var imageCaption: String = ""

    /// Stored as typed, in NFC, with ends trimmed (the body keeps its inner line breaks).
    var normalized: ArticleText {
        func clean(_ text: String) -> String {
            VietnameseText.nfc(text).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return ArticleText(
            title: VietnameseText.collapseWhitespace(clean(title)), summary: clean(summary),
            body: clean(body).replacingOccurrences(of: "\r\n", with: "\n"), imageAlt: clean(imageAlt),
            imageCaption: clean(imageCaption))
    }

    /// What the security check reads and the sensitive terms are looked for in.
    var checkedText: String { [title, summary, body, imageAlt, imageCaption].joined(separator: "\n\n") }

    init(title: String, summary: String, body: String, imageAlt: String = "", imageCaption: String = "") {
        self.title = title
        self.summary = summary
        self.body = body
        self.imageAlt = imageAlt
        self.imageCaption = imageCaption
    }

    init(_ version: ArticleVersion) {
        self.init(
            title: version.title, summary: version.summary, body: version.body, imageAlt: version.imageAlt,
            imageCaption: version.imageCaption)
    }

    init(_ revision: ArticleRevision) {
        self.init(
            title: revision.title, summary: revision.summary, body: revision.body, imageAlt: revision.imageAlt,
            imageCaption: revision.imageCaption)
    }
}
