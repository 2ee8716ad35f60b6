import Fluent
import Foundation

/// A move in a language version's history: who submitted, returned (with the comment), approved, scheduled,
/// published, unpublished, archived or reopened it, at which revision, from which state to which. The audit
/// trail holds the same move with the fields before and after.
final class EditorialEvent: Model, @unchecked Sendable {
    static let schema = "editorial_events"

    @ID(key: .id) var id: UUID?
    @Parent(key: "version_id") var version: ArticleVersion
    /// `EditorialMove` raw value, or `check` for a security check recorded.
    @Field(key: "move") var move: String
    @Field(key: "from_state") var fromState: String
    @Field(key: "to_state") var toState: String
    @Field(key: "revision") var revision: Int
    @Field(key: "comment") var comment: String
    @OptionalField(key: "publish_at") var publishAt: Date?
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "user_name") var userName: String
    @Field(key: "at") var at: Date

    init() {}
}
