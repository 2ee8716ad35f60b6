import Fluent
import Foundation
import TTDNKit

/// The whole directory as a CSV file that `DirectoryImporter` reads back unchanged: agencies in tree
/// order (each parent before its units, each level in dictionary order), then groups.
struct DirectoryExporter {
    let db: any Database

    struct Export: Sendable {
        var csv: String
        var agencies: Int
        var groups: Int
    }

    /// A value cannot be written (a name containing `|`, which separates the values of a list column).
    struct Failure: Error, CustomStringConvertible {
        var code: String
        var value: String
        var description: String { "“\(value)” of \(code) contains “|”, which the CSV layout uses to separate names" }
    }

    /// `byteOrderMark` helps spreadsheet programs see the file as UTF-8.
    func export(byteOrderMark: Bool = false) async throws -> Export {
        let (agencies, groups) = try await DirectoryLoader(db: db).records()
        let ordered = Self.treeOrder(agencies)
        do {
            let csv = try AgencyCSV.encode(agencies: ordered, groups: groups)
            return Export(csv: (byteOrderMark ? "\u{FEFF}" : "") + csv, agencies: ordered.count, groups: groups.count)
        } catch {
            // `encode` throws only `AgencyCSV.EncodingError`.
            switch error {
            case .separatorInValue(let code, let value): throw Failure(code: code, value: value)
            case .unknownReference(let code, let id): throw Failure(code: code, value: id.uuidString)
            }
        }
    }

    /// Depth-first: roots, then each one's children, keeping the given (dictionary) order within a level.
    static func treeOrder(_ agencies: [AgencyRecord]) -> [AgencyRecord] {
        let ids = Set(agencies.map(\.id))
        var children: [UUID: [AgencyRecord]] = [:]
        var roots: [AgencyRecord] = []
        for agency in agencies {
            if let parent = agency.parentID, ids.contains(parent), parent != agency.id {
                children[parent, default: []].append(agency)
            } else {
                roots.append(agency)
            }
        }
        var out: [AgencyRecord] = []
        var seen: Set<UUID> = []
        func visit(_ agency: AgencyRecord) {
            guard seen.insert(agency.id).inserted else { return }
            out.append(agency)
            for child in children[agency.id] ?? [] { visit(child) }
        }
        roots.forEach(visit)
        // Anything caught in a parent loop (never made by the app) still goes out.
        for agency in agencies where !seen.contains(agency.id) { visit(agency) }
        return out
    }
}
