import Fluent
import Foundation
import TTDNKit

/// One language version of an article: its own title, summary, body, address, alt text and caption, its
/// place in the editorial workflow and its revisions. The text being worked on is in the plain columns;
/// what the public site shows is the `live_*` copy of the revision that was last published, so that new
/// text in the works never reaches a visitor before it has been checked and approved.
final class ArticleVersion: Model, @unchecked Sendable {
    static let schema = "article_versions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "article_id") var article: Article
    /// `SiteLanguage.tag`; `vi` is the source.
    @Field(key: "language") var language: String
    @Field(key: "title") var title: String
    @Field(key: "summary") var summary: String
    /// Markdown (`ArticleBody`).
    @Field(key: "body") var body: String
    /// The last part of the address, unique per language; fixed once first published.
    @Field(key: "slug") var slug: String
    /// The lead image's alt text and caption in this language.
    @Field(key: "image_alt") var imageAlt: String
    @Field(key: "image_caption") var imageCaption: String
    /// `EditorialState` raw value.
    @Field(key: "state") var state: String
    /// The number of the current revision (1 for the first text).
    @Field(key: "revision") var revision: Int
    /// For a translation: the source revision it was made from or last brought up to date with.
    @OptionalField(key: "source_revision") var sourceRevision: Int?
    /// Found to hold classified material by a security check: never public again, whatever happens to it.
    @Field(key: "classified") var classified: Bool
    @OptionalField(key: "publish_at") var publishAt: Date?
    @OptionalField(key: "unpublish_at") var unpublishAt: Date?
    /// The revision on the public site and its text; nil when nothing of this version is public.
    @OptionalField(key: "live_revision") var liveRevision: Int?
    @Field(key: "live_title") var liveTitle: String
    @Field(key: "live_summary") var liveSummary: String
    @Field(key: "live_body") var liveBody: String
    @Field(key: "live_image_alt") var liveImageAlt: String
    @Field(key: "live_image_caption") var liveImageCaption: String
    /// The live body as plain text (`ArticleBody.plainText`), made when it is published: what search results
    /// quote, without rendering Markdown for every result.
    @Field(key: "live_text") var liveText: String
    /// First put on the site (the article's date for readers); when the live text last changed.
    @OptionalField(key: "first_published_at") var firstPublishedAt: Date?
    @OptionalField(key: "live_at") var liveAt: Date?
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(article: UUID, language: String) {
        $article.id = article
        self.language = language
        title = ""
        summary = ""
        body = ""
        slug = ""
        imageAlt = ""
        imageCaption = ""
        state = EditorialState.draft.rawValue
        revision = 0
        classified = false
        liveTitle = ""
        liveSummary = ""
        liveBody = ""
        liveImageAlt = ""
        liveImageCaption = ""
        liveText = ""
        updatedBy = ""
        version = 1
    }

    var editorialState: EditorialState { EditorialState(rawValue: state) ?? .draft }
    var isSource: Bool { language == "vi" }
    /// Whether any of it may reach a visitor: a live revision, never classified.
    var isPublic: Bool { liveRevision != nil && !classified }

    /// The article's date for readers: when it was first put on the site (else when its live text last
    /// changed; the epoch for a version never published).
    var publishedDate: Date { Self.publishedDate(first: firstPublishedAt, live: liveAt) }

    static func publishedDate(first: Date?, live: Date?) -> Date { first ?? live ?? Date(timeIntervalSince1970: 0) }
}
