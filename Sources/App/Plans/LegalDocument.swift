import Fluent
import Foundation
import TTDNKit

/// A numbered legal or policy document (Nghị định 72/2015/NĐ-CP, Kết luận 57-KL/TW …), kept once
/// and cited by any number of plans.
final class LegalDocument: Model, @unchecked Sendable {
    static let schema = "legal_documents"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "kind") var kind: String?
    /// As cited, without spaces: `72/2015/NĐ-CP`.
    @Field(key: "number") var number: String
    /// Folded number: two spellings of one document (`QĐ`/`Qđ`) are one row.
    @Field(key: "number_key") var numberKey: String
    @OptionalField(key: "issued_on") var issuedOn: String?
    @OptionalField(key: "issuer") var issuer: String?
    @OptionalField(key: "title") var title: String?
    /// `Versioned.version`; NULL (0) for rows written before versions existed.
    @OptionalField(key: "version") var storedVersion: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(kind: String?, number: String, issuedOn: String?) {
        self.kind = kind
        self.number = number
        self.numberKey = Self.key(number)
        self.issuedOn = issuedOn
    }

    static func key(_ number: String) -> String {
        VietnameseText.fold(number.filter { !$0.isWhitespace })
    }
}

/// A plan's citation of a legal document, in the order the plan cites them.
final class PlanCitation: Model, @unchecked Sendable {
    static let schema = "plan_citations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: Plan
    @Parent(key: "legal_document_id") var document: LegalDocument
    @Field(key: "position") var position: Int

    init() {}

    init(planID: UUID, documentID: UUID, position: Int) {
        self.$plan.id = planID
        self.$document.id = documentID
        self.position = position
    }
}

/// Who is charged with what in the implementation part (tổ chức thực hiện): one row per agency named.
final class PlanResponsibility: Model, @unchecked Sendable {
    static let schema = "plan_responsibilities"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: Plan
    @Field(key: "ref") var ref: String
    @Field(key: "position") var position: Int
    @Field(key: "wording") var wording: String
    @OptionalParent(key: "agency_id") var agency: Agency?
    @OptionalParent(key: "group_id") var group: AgencyGroup?
    /// What the responsibility charges, as written, paragraphs apart by a blank line. Kept on the first
    /// agency's row of each responsibility (`position` is the responsibility's index × 100 + the agency's).
    @Field(key: "duties") var duties: String

    init() {}

    init(
        planID: UUID, ref: String, position: Int, wording: String, agencyID: UUID?, groupID: UUID?,
        duties: String = ""
    ) {
        self.$plan.id = planID
        self.ref = ref
        self.position = position
        self.wording = wording
        self.$agency.id = agencyID
        self.$group.id = groupID
        self.duties = duties
    }
}

/// A reporting duty the plan sets ("báo cáo định kỳ trước ngày 20 hằng tháng"); the reporting
/// cycle turns each into a reporting regime.
final class PlanReportingDuty: Model, @unchecked Sendable {
    static let schema = "plan_reporting_duties"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: Plan
    @Field(key: "position") var position: Int
    /// `ReportingDuty.Frequency` raw value.
    @Field(key: "frequency") var frequency: String
    @OptionalField(key: "before_day") var beforeDay: Int?
    /// A month number as text (`11`), `last` for the period's last month, or nil.
    @OptionalField(key: "due_month") var dueMonth: String?
    @OptionalField(key: "recipient") var recipient: String?

    init() {}
}

/// The secret address of an agency's calendar feed. Revoking it ends the old address at once.
final class CalendarToken: Model, @unchecked Sendable {
    static let schema = "calendar_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "agency_id") var agency: Agency
    @Field(key: "token") var token: String
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(agencyID: UUID, token: String) {
        self.$agency.id = agencyID
        self.token = token
    }
}

/// An uploaded plan waiting on the review screen: the original file and what was read from it.
/// Saving the review turns it into a `Plan` and deletes it, in one transaction.
final class ImportDraft: Model, @unchecked Sendable {
    static let schema = "import_drafts"

    @ID(key: .id) var id: UUID?
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "data") var data: Data
    /// `PlanDocument` JSON (`ttdn.plan/2`).
    @Field(key: "plan") var planJSON: String
    /// Outline and warnings JSON, for the review screen.
    @Field(key: "review") var reviewJSON: String
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
