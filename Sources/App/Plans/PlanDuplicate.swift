import Crypto
import Fluent
import Foundation
import TTDNKit

/// A plan already in the platform that an upload is the same document as: the same file (by SHA-256), or
/// the same number, symbol and date. The review screen says so and offers to open it; saving the upload
/// anyway, as a plan of its own, must be chosen on purpose (issue 11: importing the same file twice made a
/// second plan without a word).
struct PlanDuplicate {
    enum Reason: String {
        case sameFile = "same-file"
        case sameNumber = "same-number"
    }

    let planID: UUID
    let title: String
    let reason: Reason

    static func find(data: Data, document: PlanDocument, on db: any Database) async throws -> PlanDuplicate? {
        let digest = SHA256.hex(data)
        if let file = try await PlanFile.query(on: db).filter(\.$sha256 == digest).with(\.$plan).first() {
            return PlanDuplicate(planID: try file.plan.requireID(), title: file.plan.title, reason: .sameFile)
        }
        guard let number = document.number, let symbol = document.symbol, let date = document.date else { return nil }
        let same = try await Plan.query(on: db).filter(\.$number == number).filter(\.$symbol == symbol)
            .filter(\.$documentDate == date).first()
        return try same.map { PlanDuplicate(planID: try $0.requireID(), title: $0.title, reason: .sameNumber) }
    }
}
