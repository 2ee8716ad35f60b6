import Fluent
import Foundation

/// A saved text of a language version, kept for good: the history shows every one, any two can be compared,
/// and a translation names the source revision it was made from.
final class ArticleRevision: Model, @unchecked Sendable {
    static let schema = "article_revisions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "version_id") var version: ArticleVersion
    @Field(key: "number") var number: Int
    @Field(key: "title") var title: String
    @Field(key: "summary") var summary: String
    @Field(key: "body") var body: String
    @Field(key: "image_alt") var imageAlt: String
    @Field(key: "image_caption") var imageCaption: String
    /// For the source: the editor marked the change as significant, so translations made before it are outdated.
    @Field(key: "significant") var significant: Bool
    /// For a translation: the source revision it was made from.
    @OptionalField(key: "source_revision") var sourceRevision: Int?
    @Field(key: "note") var note: String
    @OptionalField(key: "author_id") var authorID: UUID?
    @Field(key: "author_name") var authorName: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
