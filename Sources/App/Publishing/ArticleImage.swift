import Fluent
import Foundation

/// An image uploaded for an article, stored like report evidence (in the database, or in the configured
/// directory), served at `/media/<id>` with its width and height. Alt text and captions belong to each
/// language version, not to the image.
final class ArticleImage: Model, @unchecked Sendable {
    static let schema = "article_images"

    @ID(key: .id) var id: UUID?
    @Parent(key: "article_id") var article: Article
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "width") var width: Int
    @Field(key: "height") var height: Int
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    /// Nil when the bytes are in the evidence directory under `storage_path`.
    @OptionalField(key: "data") var data: Data?
    @OptionalField(key: "storage_path") var storagePath: String?
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
