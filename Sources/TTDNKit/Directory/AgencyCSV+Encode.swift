import Foundation

extension AgencyCSV {
    public enum EncodingError: Error, Hashable, Sendable {
        /// A parent, successor or member id has no code among the records given or in `codes`.
        case unknownReference(code: String, id: UUID)
        /// A name in a multi-valued column contains the separator `|`, which the layout cannot carry.
        case separatorInValue(code: String, value: String)
    }

    /// Writes agencies then groups, in the order given, in the layout of `columns` (CRLF, no byte-order mark;
    /// prepend "\u{FEFF}" for spreadsheet programs that need one). `codes` names records referred to but
    /// not written (agencies outside the export).
    public static func encode(
        agencies: [AgencyRecord], groups: [AgencyGroupRecord] = [], codes extraCodes: [UUID: String] = [:]
    ) throws(EncodingError) -> String {
        var codes = extraCodes
        for agency in agencies { codes[agency.id] = agency.code }
        for group in groups { codes[group.id] = group.code }
        func code(_ id: UUID, of owner: String) throws(EncodingError) -> String {
            guard let code = codes[id] else { throw .unknownReference(code: owner, id: id) }
            return code
        }
        func joined(_ values: [String], of owner: String) throws(EncodingError) -> String {
            if let bad = values.first(where: { $0.contains(separator) }) {
                throw .separatorInValue(code: owner, value: bad)
            }
            return values.joined(separator: String(separator))
        }

        var rows: [[String]] = [columns]
        for agency in agencies {
            var successorCodes: [String] = []
            for succession in agency.successions {
                successorCodes.append(try code(succession.successorID, of: agency.code))
            }
            let fields: [String: String] = [
                "code": agency.code,
                "kind": agency.kind.rawValue,
                "official_name": agency.officialName,
                "short_name": agency.shortName ?? "",
                "parent_code": try agency.parentID.map { id throws(EncodingError) in try code(id, of: agency.code) }
                    ?? "",
                "aliases": try joined(agency.aliases, of: agency.code),
                "abbreviations": try joined(agency.abbreviations, of: agency.code),
                "valid_from": agency.validFrom?.iso ?? "",
                "valid_to": agency.validTo?.iso ?? "",
                "successor_code": successorCodes.joined(separator: String(separator)),
                "succession_kind": agency.successions.map(\.kind.rawValue).joined(separator: String(separator)),
                "succession_date": agency.successions.map(\.effective.iso).joined(separator: String(separator)),
                "members": "",
            ]
            rows.append(columns.map { fields[$0] ?? "" })
        }
        for group in groups {
            var memberCodes: [String] = []
            for member in group.memberIDs { memberCodes.append(try code(member, of: group.code)) }
            let fields: [String: String] = [
                "code": group.code,
                "kind": groupKind,
                "official_name": group.name,
                "aliases": try joined(group.aliases, of: group.code),
                "members": memberCodes.joined(separator: String(separator)),
            ]
            rows.append(columns.map { fields[$0] ?? "" })
        }
        return CSVTable.encode(rows)
    }
}
