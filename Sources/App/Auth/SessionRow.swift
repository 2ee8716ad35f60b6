import Fluent
import Foundation
import Vapor

/// A row of Fluent's session table (`_fluent_sessions`) with the columns `AddSessionOwnership` adds:
/// whose session it is, when it was created and when it was last seen. Written only by `ExpiringSessions`.
final class SessionRow: Model, @unchecked Sendable {
    static let schema = SessionRecord.schema

    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: SessionID
    @Field(key: "data") var data: SessionData
    /// The signed-in user, from the session's data; nil for a visitor.
    @OptionalField(key: "user_id") var userID: UUID?
    /// Nil only on rows from before `AddSessionOwnership`: such a session counts as expired.
    @OptionalField(key: "created_at") var createdAt: Date?
    @OptionalField(key: "seen_at") var seenAt: Date?

    init() {}

    init(key: SessionID, data: SessionData, now: Date) {
        self.key = key
        self.data = data
        self.userID = Self.owner(of: data)
        self.createdAt = now
        self.seenAt = now
    }

    /// The user a session's data is signed in as: Vapor's `session.authenticate(user)` keeps the id under
    /// `_` + the type's name + `Session` (its `sessionName` is not public).
    static func owner(of data: SessionData) -> UUID? {
        data["_UserSession"].flatMap(UUID.init(uuidString:))
    }
}
