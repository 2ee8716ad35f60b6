import Fluent
import Foundation

/// A subject the province treats as sensitive (biên giới, chủ quyền, nhân quyền, tôn giáo, …): a version whose
/// text holds one needs an approver's sign-off with a reason (`SensitiveTerms`, `EditorialGate`).
final class SensitiveTerm: Model, @unchecked Sendable {
    static let schema = "sensitive_terms"

    @ID(key: .id) var id: UUID?
    @Field(key: "term") var term: String
    /// `VietnameseText.searchKey` of the term: unique, so the list holds no two spellings of one term.
    @Field(key: "term_key") var termKey: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
