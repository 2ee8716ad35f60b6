import Fluent
import Foundation

/// An article of the foreign-information site: what its language versions share (the channel it goes out
/// through, its topics, its images). The text is in `ArticleVersion`, one per language, Vietnamese first.
final class Article: Model, @unchecked Sendable {
    static let schema = "articles"

    @ID(key: .id) var id: UUID?
    /// `PromotionChannel` raw value (Thông tư 22/2016, Điều 5).
    @Field(key: "channel") var channel: String
    /// The lead image shown at the top of every language version, if any.
    @OptionalField(key: "lead_image_id") var leadImageID: UUID?
    /// The source (Vietnamese) revision last marked as a significant change: translations made from an
    /// earlier one are outdated (`TranslationStatus`).
    @Field(key: "last_significant") var lastSignificant: Int
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Children(for: \.$article) var versions: [ArticleVersion]

    init() {}
}
