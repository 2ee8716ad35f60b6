import Fluent
import Foundation
import TTDNKit
import Vapor

/// The agency form as posted, and its validation. Every problem is reported next to its field.
struct AgencyForm: Content {
    var code: String?
    var official_name: String?
    var short_name: String?
    var kind: String?
    var parent_id: String?
    var aliases: String?
    var abbreviations: String?
    var valid_from: String?
    var valid_to: String?
    /// `Agency.version` when the form was loaded: a save over someone else's newer save is refused.
    var version: String?

    init() {}

    init(_ agency: Agency) {
        code = agency.code
        official_name = agency.officialName
        short_name = agency.shortName
        kind = agency.kind
        parent_id = agency.$parent.id?.uuidString
        aliases = agency.aliases.joined(separator: "\n")
        abbreviations = agency.abbreviations.joined(separator: "\n")
        valid_from = agency.validFrom
        valid_to = agency.validTo
        version = String(agency.version)
    }

    static func lines(_ text: String?) -> [String] { FormText.lines(text) }

    static func trimmed(_ text: String?) -> String? { FormText.value(text) }

    /// Field → translation key of the problem. `existing` is the agency being edited, if any.
    func problems(on db: any Database, existing: Agency?) async throws -> [String: String] {
        var problems: [String: String] = [:]
        let code = Self.trimmed(self.code)?.lowercased() ?? ""
        // The same rule as the CSV import, so every agency saved here can be exported and imported.
        if !AgencyCSV.isValidCode(code) {
            problems["code"] = "agency.error.code"
        } else if let other = try await Agency.query(on: db).filter(\.$code == code).first(), other.id != existing?.id {
            problems["code"] = "agency.error.code_taken"
        }
        if Self.trimmed(official_name) == nil { problems["official_name"] = "agency.error.name" }
        if AgencyKind(rawValue: kind ?? "") == nil { problems["kind"] = "agency.error.kind" }
        // `|` separates names in the CSV layout, so a name cannot contain it.
        if Self.lines(aliases).contains(where: { $0.contains(AgencyCSV.separator) }) {
            problems["aliases"] = "agency.error.separator"
        }
        if Self.lines(abbreviations).contains(where: { $0.contains(AgencyCSV.separator) }) {
            problems["abbreviations"] = "agency.error.separator"
        }
        let from = Self.trimmed(valid_from)
        let to = Self.trimmed(valid_to)
        if let from, LocalDate(iso: from) == nil { problems["valid_from"] = "agency.error.date" }
        if let to, LocalDate(iso: to) == nil { problems["valid_to"] = "agency.error.date" }
        if let a = from.flatMap(LocalDate.init(iso:)), let b = to.flatMap(LocalDate.init(iso:)), b < a {
            problems["valid_to"] = "agency.error.date_order"
        }
        if let parentText = Self.trimmed(parent_id) {
            if let parentID = UUID(uuidString: parentText), let parent = try await Agency.find(parentID, on: db) {
                if let existing, try await Self.isSelfOrDescendant(parent, of: existing, on: db) {
                    problems["parent_id"] = "agency.error.parent_cycle"
                }
            } else {
                problems["parent_id"] = "agency.error.parent"
            }
        }
        return problems
    }

    func apply(to agency: Agency) {
        agency.code = (Self.trimmed(code) ?? "").lowercased()
        agency.officialName = Self.trimmed(official_name) ?? ""
        agency.shortName = Self.trimmed(short_name)
        agency.kind = kind ?? AgencyKind.other.rawValue
        agency.$parent.id = Self.trimmed(parent_id).flatMap(UUID.init(uuidString:))
        agency.aliases = Self.lines(aliases)
        agency.abbreviations = Self.lines(abbreviations)
        agency.validFrom = Self.trimmed(valid_from)
        agency.validTo = Self.trimmed(valid_to)
        agency.refreshKeys()
    }

    static func isSelfOrDescendant(_ candidate: Agency, of agency: Agency, on db: any Database) async throws -> Bool {
        var current: Agency? = candidate
        var steps = 0
        while let node = current, steps < 64 {
            if node.id == agency.id { return true }
            guard let parentID = node.$parent.id else { return false }
            current = try await Agency.find(parentID, on: db)
            steps += 1
        }
        return steps >= 64
    }
}
