import Foundation
import TTDNKit
import Vapor

/// The article form as posted: a new article (channel and topics too) or a language version's new text.
struct ArticleForm: Content, Sendable {
    var title: String?
    var summary: String?
    var body: String?
    var image_alt: String?
    var image_caption: String?
    var slug: String?
    var channel: String?
    var topics: [String]?
    /// "on" when the source changed in a way translations must follow.
    var significant: String?
    /// "on" when a translation was brought up to date with the source as it is now.
    var up_to_date: String?
    var note: String?
    var version: String?

    init() {}

    init(_ version: ArticleVersion) {
        title = version.title
        summary = version.summary
        body = version.body
        image_alt = version.imageAlt
        image_caption = version.imageCaption
        slug = version.slug
        self.version = String(version.version)
    }

    var text: ArticleText {
        ArticleText(
            title: title ?? "", summary: summary ?? "", body: body ?? "", imageAlt: image_alt ?? "",
            imageCaption: image_caption ?? "")
    }

    var topicIDs: [UUID] { (topics ?? []).compactMap(UUID.init(uuidString:)) }
    var isSignificant: Bool { significant == "on" }
    var isUpToDate: Bool { up_to_date == "on" }
}
