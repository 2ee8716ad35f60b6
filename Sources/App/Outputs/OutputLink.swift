import Fluent
import Foundation

/// A piece of work linked to a plan task it counts toward: an article, a publication (and, as those parts
/// arrive, a press visit, a delegation, a course). The link is what makes a task's progress and an agency's
/// report figures come from the work itself. An editor confirms it (ttdn proposes, `EvidenceMatcher`); it can
/// be removed later; both are in the audit trail.
final class OutputLink: Model, @unchecked Sendable {
    static let schema = "output_links"

    /// What kind of work the link starts from; `output_id` is that record's id.
    enum Kind: String, Codable, CaseIterable, Sendable {
        /// An article (all its language versions): it counts once, from the day it was first published.
        case article
        /// A publication (an issue of a bulletin, a handbook, …), from the day it was issued.
        case publication
    }

    @ID(key: .id) var id: UUID?
    /// `Kind` raw value.
    @Field(key: "output_kind") var outputKind: String
    @Field(key: "output_id") var outputID: UUID
    @Parent(key: "task_id") var task: PlanTask
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(kind: Kind, outputID: UUID, taskID: UUID, createdBy: UUID?) {
        self.outputKind = kind.rawValue
        self.outputID = outputID
        self.$task.id = taskID
        self.createdBy = createdBy
    }

    var kind: Kind? { Kind(rawValue: outputKind) }
}
