import Fluent
import Foundation
import TTDNKit

/// A pre-publication security check as recorded (`SecurityCheck`): of which revision of which version, the
/// decision, the sensitive terms the text held and the reviewer's sign-off. Never changed or deleted.
final class SecurityCheckRecord: Model, @unchecked Sendable {
    static let schema = "security_checks"

    @ID(key: .id) var id: UUID?
    @Parent(key: "version_id") var version: ArticleVersion
    /// The revision checked: a check of other text does not let the version through (`checkStale`).
    @Field(key: "revision") var revision: Int
    /// `SecurityCheck.Decision` raw value.
    @Field(key: "decision") var decision: String
    /// The sensitive terms found, joined by newlines.
    @Field(key: "flagged_terms") var flaggedTerms: String
    @OptionalField(key: "sign_off") var signOff: String?
    @OptionalField(key: "reviewer_id") var reviewerID: UUID?
    @Field(key: "reviewer_name") var reviewerName: String
    @Field(key: "at") var at: Date

    init() {}

    var check: SecurityCheck {
        SecurityCheck(
            decision: SecurityCheck.Decision(rawValue: decision) ?? .classified, reviewerID: reviewerID ?? UUID(),
            reviewerName: reviewerName, at: at,
            flaggedTerms: flaggedTerms.split(separator: "\n").map(String.init), signOff: signOff)
    }
}
