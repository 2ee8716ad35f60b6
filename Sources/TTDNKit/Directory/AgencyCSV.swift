import Foundation

/// The directory as a CSV file (docs/DIRECTORY.md): one row per agency or group, columns named by `columns`.
///
/// Decoding checks every row and returns all the records or all the errors, never part of a file: an
/// import either happens whole or not at all.
public enum AgencyCSV {
    /// The columns, in the order `encode` writes them. Decoding accepts them in any order.
    public static let columns = [
        "code", "kind", "official_name", "short_name", "parent_code", "aliases", "abbreviations",
        "valid_from", "valid_to", "successor_code", "succession_kind", "succession_date", "members",
    ]
    /// The `kind` of a group row (every other value is an `AgencyKind` raw value).
    public static let groupKind = "group"
    /// Separates the values of a multi-valued column (`aliases`, `members`, successions).
    public static let separator: Character = "|"

    /// What a file holds, ready to store.
    public struct Decoded: Hashable, Sendable {
        public var agencies: [AgencyRecord]
        public var groups: [AgencyGroupRecord]
        /// Codes of rows that update a record given in `existing…` (they keep that record's id).
        public var updatedCodes: Set<String>
    }

    /// Decodes UTF-8 bytes (with or without a byte-order mark).
    public static func decode(
        _ data: Data, existingAgencies: [String: UUID] = [:], existingGroups: [String: UUID] = [:],
        makeID: (String) -> UUID = { _ in UUID() }
    ) -> Result<Decoded, AgencyCSVErrors> {
        guard let text = String(data: data, encoding: .utf8) else {
            let badLine = firstNonUTF8Line(data)
            return .failure(AgencyCSVErrors(errors: [.notUTF8(line: badLine)]))
        }
        return decode(text, existingAgencies: existingAgencies, existingGroups: existingGroups, makeID: makeID)
    }

    /// Decodes text. `existingAgencies`/`existingGroups` map codes already in the database to their ids:
    /// rows may refer to them, and a row with such a code updates that record. New rows get `makeID(code)`.
    public static func decode(
        _ text: String, existingAgencies: [String: UUID] = [:], existingGroups: [String: UUID] = [:],
        makeID: (String) -> UUID = { _ in UUID() }
    ) -> Result<Decoded, AgencyCSVErrors> {
        var errors: [AgencyCSVError] = []
        let (records, parseErrors) = CSVTable.parse(text)
        for error in parseErrors {
            switch error {
            case .unterminatedQuote(let line): errors.append(.unterminatedQuote(line: line))
            case .badQuote(let line): errors.append(.badQuote(line: line))
            }
        }
        guard let header = records.first else {
            errors.append(.emptyFile(line: 1))
            return .failure(AgencyCSVErrors(errors: errors))
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let missing = columns.filter { !names.contains($0) }
        let unknown = names.filter { !columns.contains($0) }
        var duplicated = false
        for name in Set(names) where names.filter({ $0 == name }).count > 1 { duplicated = true }
        guard missing.isEmpty, unknown.isEmpty, !duplicated else {
            errors.append(
                .badHeader(line: header.line, missing: missing, unknown: unknown + (duplicated ? ["(duplicate)"] : [])))
            return .failure(AgencyCSVErrors(errors: errors))
        }
        let position = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })

        // Pass 1: each row on its own.
        var rows: [Row] = []
        var firstLineOfCode: [String: Int] = [:]
        for record in records.dropFirst() {
            guard record.fields.count == names.count else {
                errors.append(.wrongColumnCount(line: record.line, expected: names.count, found: record.fields.count))
                continue
            }
            let value = { (column: String) -> String in
                VietnameseText.collapseWhitespace(VietnameseText.nfc(record.fields[position[column]!]))
            }
            if let row = readRow(line: record.line, value: value, errors: &errors) {
                if let first = firstLineOfCode[row.code] {
                    errors.append(.duplicateCode(line: row.line, code: row.code, firstLine: first))
                    continue
                }
                firstLineOfCode[row.code] = row.line
                if row.isGroup ? existingAgencies[row.code] != nil : existingGroups[row.code] != nil {
                    errors.append(.codeKindConflict(line: row.line, code: row.code))
                }
                rows.append(row)
            }
        }

        // Pass 2: ids, then references.
        var ids: [String: UUID] = [:]
        var updated: Set<String> = []
        var groupCodes = Set(existingGroups.keys)
        var agencyCodes = Set(existingAgencies.keys)
        for row in rows {
            if let id = (row.isGroup ? existingGroups[row.code] : existingAgencies[row.code]) {
                ids[row.code] = id
                updated.insert(row.code)
            } else {
                ids[row.code] = makeID(row.code)
            }
            if row.isGroup {
                groupCodes.insert(row.code)
                agencyCodes.remove(row.code)
            } else {
                agencyCodes.insert(row.code)
                groupCodes.remove(row.code)
            }
        }
        func id(of code: String) -> UUID? { ids[code] ?? existingAgencies[code] ?? existingGroups[code] }

        var agencies: [AgencyRecord] = []
        var groups: [AgencyGroupRecord] = []
        for row in rows {
            if row.hasErrors { continue }
            if row.isGroup {
                var members: [UUID] = []
                for member in row.members {
                    if groupCodes.contains(member) {
                        errors.append(.memberIsGroup(line: row.line, code: member))
                    } else if agencyCodes.contains(member), let memberID = id(of: member) {
                        members.append(memberID)
                    } else {
                        errors.append(.unknownMember(line: row.line, code: member))
                    }
                }
                groups.append(
                    AgencyGroupRecord(
                        id: ids[row.code]!, code: row.code, name: row.name, aliases: row.aliases, memberIDs: members))
                continue
            }
            var parentID: UUID?
            if let parent = row.parent {
                if groupCodes.contains(parent) {
                    errors.append(.parentIsGroup(line: row.line, code: parent))
                } else if agencyCodes.contains(parent) {
                    parentID = id(of: parent)
                } else {
                    errors.append(.unknownParent(line: row.line, code: parent))
                }
            }
            var successions: [Succession] = []
            for (code, kind, date) in row.successions {
                if groupCodes.contains(code) {
                    errors.append(.successorIsGroup(line: row.line, code: code))
                } else if agencyCodes.contains(code), let successorID = id(of: code) {
                    successions.append(Succession(successorID: successorID, kind: kind, effective: date))
                } else {
                    errors.append(.unknownSuccessor(line: row.line, code: code))
                }
            }
            agencies.append(
                AgencyRecord(
                    id: ids[row.code]!, code: row.code, officialName: row.name, shortName: row.shortName,
                    aliases: row.aliases, abbreviations: row.abbreviations, kind: row.kind!, parentID: parentID,
                    validFrom: row.validFrom, validTo: row.validTo, successions: successions))
        }

        // Pass 3: loops among the file's own rows (existing records' links are not known here).
        let byCode = Dictionary(uniqueKeysWithValues: rows.map { ($0.code, $0) })
        errors += cycles(
            rows: rows, byCode: byCode, next: { $0.parent.map { [$0] } ?? [] },
            error: { .parentCycle(line: $0, codes: $1) })
        errors += cycles(
            rows: rows, byCode: byCode, next: { $0.successions.map(\.0) },
            error: { .successionCycle(line: $0, codes: $1) })

        guard errors.isEmpty else {
            return .failure(AgencyCSVErrors(errors: errors.sorted { $0.line < $1.line }))
        }
        return .success(Decoded(agencies: agencies, groups: groups, updatedCodes: updated))
    }

    /// One data row, checked on its own.
    struct Row {
        var line: Int
        var code: String
        var isGroup: Bool
        var kind: AgencyKind?
        var name: String
        var shortName: String?
        var parent: String?
        var aliases: [String]
        var abbreviations: [String]
        var validFrom: LocalDate?
        var validTo: LocalDate?
        var successions: [(String, SuccessionKind, LocalDate)]
        var members: [String]
        /// Reported already: kept for references, never turned into a record.
        var hasErrors: Bool
    }

    private static func readRow(line: Int, value: (String) -> String, errors: inout [AgencyCSVError]) -> Row? {
        let before = errors.count
        let code = value("code")
        if code.isEmpty {
            errors.append(.emptyCode(line: line))
        } else if !isValidCode(code) {
            errors.append(.badCode(line: line, value: code))
        }
        let kindText = value("kind")
        let isGroup = kindText == groupKind
        let kind = AgencyKind(rawValue: kindText)
        if !isGroup && kind == nil { errors.append(.unknownKind(line: line, value: kindText)) }
        let name = value("official_name")
        if name.isEmpty { errors.append(.emptyName(line: line)) }

        func date(_ column: String) -> LocalDate? {
            let text = value(column)
            guard !text.isEmpty else { return nil }
            guard let date = LocalDate(iso: text) else {
                errors.append(.badDate(line: line, column: column, value: text))
                return nil
            }
            return date
        }
        let validFrom = date("valid_from")
        let validTo = date("valid_to")
        if let validFrom, let validTo, validTo < validFrom {
            errors.append(.validToBeforeValidFrom(line: line, validFrom: validFrom.iso, validTo: validTo.iso))
        }

        let successorCodes = list(value("successor_code"))
        let kindTexts = list(value("succession_kind"))
        let dateTexts = list(value("succession_date"))
        var successions: [(String, SuccessionKind, LocalDate)] = []
        let n = successorCodes.count
        // One kind or one date may stand for all successors; otherwise they pair up one to one.
        if (kindTexts.count == n || (n > 0 && kindTexts.count == 1))
            && (dateTexts.count == n || (n > 0 && dateTexts.count == 1))
        {
            for (i, successor) in successorCodes.enumerated() {
                let kindText = kindTexts.count == 1 ? kindTexts[0] : kindTexts[i]
                let dateText = dateTexts.count == 1 ? dateTexts[0] : dateTexts[i]
                guard let kind = SuccessionKind(rawValue: kindText) else {
                    errors.append(.badSuccessionKind(line: line, value: kindText))
                    continue
                }
                guard let date = LocalDate(iso: dateText) else {
                    errors.append(.badDate(line: line, column: "succession_date", value: dateText))
                    continue
                }
                successions.append((successor, kind, date))
            }
        } else {
            errors.append(.incompleteSuccession(line: line))
        }

        let members = list(value("members"))
        if isGroup {
            for column in [
                "short_name", "parent_code", "abbreviations", "valid_from", "valid_to", "successor_code",
                "succession_kind", "succession_date",
            ] where !value(column).isEmpty {
                errors.append(.notAllowedForGroup(line: line, column: column))
            }
        } else if !members.isEmpty {
            errors.append(.membersOnAgency(line: line))
        }
        // A row with errors is still returned (unless its code is unusable), so other rows that refer to it
        // are not reported as referring to nothing.
        guard !code.isEmpty, isValidCode(code) else { return nil }
        let shortName = value("short_name")
        let parent = value("parent_code")
        return Row(
            line: line, code: code, isGroup: isGroup, kind: kind, name: name,
            shortName: shortName.isEmpty ? nil : shortName, parent: parent.isEmpty ? nil : parent,
            aliases: list(value("aliases")), abbreviations: list(value("abbreviations")), validFrom: validFrom,
            validTo: validTo, successions: successions, members: members, hasErrors: errors.count != before)
    }

    /// `a|b| c` → `["a", "b", "c"]`; empty items dropped.
    static func list(_ text: String) -> [String] {
        text.split(separator: separator).map { VietnameseText.collapseWhitespace(String($0)) }.filter { !$0.isEmpty }
    }

    /// Lowercase ASCII letters and digits, in runs joined by single hyphens (`so-ngoai-vu`).
    public static func isValidCode(_ code: String) -> Bool {
        guard !code.isEmpty, code.first != "-", code.last != "-", !code.contains("--") else { return false }
        return code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// Each loop reported once, on the line of its first row in the file, codes in loop order.
    private static func cycles(
        rows: [Row], byCode: [String: Row], next: (Row) -> [String], error: (Int, [String]) -> AgencyCSVError
    ) -> [AgencyCSVError] {
        var state: [String: Int] = [:]  // 1 = on the current path, 2 = done
        var reported: Set<Set<String>> = []
        var found: [AgencyCSVError] = []
        func visit(_ code: String, path: inout [String]) {
            guard let row = byCode[code] else { return }
            state[code] = 1
            path.append(code)
            for successor in next(row) {
                if state[successor] == 1, let start = path.firstIndex(of: successor) {
                    let loop = Array(path[start...])
                    if reported.insert(Set(loop)).inserted {
                        let first = loop.min { byCode[$0]!.line < byCode[$1]!.line }!
                        let rotated = Array(loop[loop.firstIndex(of: first)!...] + loop[..<loop.firstIndex(of: first)!])
                        found.append(error(byCode[first]!.line, rotated + [first]))
                    }
                } else if state[successor] == nil {
                    visit(successor, path: &path)
                }
            }
            path.removeLast()
            state[code] = 2
        }
        for row in rows where state[row.code] == nil {
            var path: [String] = []
            visit(row.code, path: &path)
        }
        return found
    }

    private static func firstNonUTF8Line(_ data: Data) -> Int {
        var line = 1
        for chunk in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if String(data: Data(chunk), encoding: .utf8) == nil { return line }
            line += 1
        }
        return 1
    }
}

/// All the errors of a refused file, in line order.
public struct AgencyCSVErrors: Error, Hashable, Sendable {
    public var errors: [AgencyCSVError]

    public init(errors: [AgencyCSVError]) {
        self.errors = errors.sorted { $0.line < $1.line }
    }
}
