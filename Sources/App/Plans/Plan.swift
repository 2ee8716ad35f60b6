import Fluent
import Foundation
import TTDNKit

/// A plan (kế hoạch): the document that gives tasks to agencies for a year or a programme.
final class Plan: Model, @unchecked Sendable {
    static let schema = "plans"

    enum Status: String, Codable, CaseIterable, Sendable {
        case draft, issued, superseded, archived
    }

    @ID(key: .id) var id: UUID?
    /// Document type as printed, upper case: `KẾ HOẠCH`.
    @Field(key: "kind") var kind: String
    @OptionalField(key: "number") var number: String?
    @OptionalField(key: "symbol") var symbol: String?
    @OptionalField(key: "place") var place: String?
    /// ISO date, or `YYYY-MM` when the day was left blank on the document.
    @OptionalField(key: "document_date") var documentDate: String?
    @OptionalParent(key: "issuing_agency_id") var issuingAgency: Agency?
    @Field(key: "title") var title: String
    @OptionalField(key: "year") var year: Int?
    /// Mục đích, yêu cầu.
    @Field(key: "purposes") var purposes: String
    /// Kinh phí, as written.
    @Field(key: "budget") var budget: String
    /// `Status` raw value.
    @Field(key: "status") var status: String
    @Field(key: "signer_name") var signerName: String
    @Field(key: "signer_position") var signerPosition: String
    @Field(key: "signer_authority") var signerAuthority: String
    @Field(key: "recipients") var recipients: [String]
    @Field(key: "search_key") var searchKey: String
    /// Raised on every save; a form carries it so a stale save is refused instead of lost.
    @Field(key: "version") var version: Int
    /// The version of the plan's indicator targets (`PlanTargetsController`); NULL reads as 0.
    @OptionalField(key: "targets_version") var targetsVersion: Int?
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Children(for: \.$plan) var tasks: [PlanTask]

    init() {}

    var planStatus: Status { Status(rawValue: status) ?? .draft }

    /// `142/KH-SNgV`, or `/KH-UBND` when the number was left blank.
    var numberAndSymbol: String? {
        switch (number, symbol) {
        case (nil, nil): nil
        case (let n?, nil): n
        case (let n, let s?): "\(n ?? "")/\(s)"
        }
    }

    func refreshKeys() {
        searchKey = VietnameseText.searchKey([title, numberAndSymbol ?? "", place ?? ""].joined(separator: " "))
    }
}

/// The file a plan was imported from, kept with the plan.
final class PlanFile: Model, @unchecked Sendable {
    static let schema = "plan_files"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: Plan
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "data") var data: Data
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(planID: UUID, filename: String, contentType: String, data: Data, sha256: String) {
        self.$plan.id = planID
        self.filename = filename
        self.contentType = contentType
        self.size = data.count
        self.sha256 = sha256
        self.data = data
    }
}
