import Foundation
import Testing

@testable import TTDNKit

@Suite struct AgencyCSVTests {
    static let header = AgencyCSV.columns.joined(separator: ",")

    /// A row from the columns that matter, the rest left empty.
    static func row(_ fields: [String: String]) -> String {
        AgencyCSV.columns.map { CSVTable.quote(fields[$0] ?? "") }.joined(separator: ",")
    }

    static func decodeErrors(_ text: String, existing: [String: UUID] = [:]) -> [AgencyCSVError] {
        switch AgencyCSV.decode(text, existingAgencies: existing) {
        case .success: return []
        case .failure(let failure): return failure.errors
        }
    }

    @Test func decodesQuotedCommasBOMAndCRLF() throws {
        let text =
            "\u{FEFF}" + Self.header + "\r\n"
            + "so-vhttdl,department,\"Sở Văn hóa, Thể thao và Du lịch\",,ubnd,\"Sở VH, TT&DL|Sở Văn hoá\",Sở VHTTDL,,,,,,\r\n"
            + "ubnd,provincialCommittee,Ủy ban nhân dân tỉnh Lạng Sơn,UBND tỉnh,,,,,,,,,\r\n"
            + "cac-so,group,\"Các sở, ban, ngành\",,,,,,,,,,so-vhttdl\r\n"
        let decoded = try AgencyCSV.decode(Data(text.utf8)).get()
        #expect(decoded.agencies.count == 2)
        let vh = try #require(decoded.agencies.first)
        #expect(vh.officialName == "Sở Văn hóa, Thể thao và Du lịch")
        #expect(vh.aliases == ["Sở VH, TT&DL", "Sở Văn hoá"])
        #expect(vh.abbreviations == ["Sở VHTTDL"])
        #expect(vh.parentID == decoded.agencies[1].id)
        #expect(decoded.agencies[1].shortName == "UBND tỉnh")
        #expect(decoded.groups.first?.memberIDs == [vh.id])
        #expect(decoded.groups.first?.name == "Các sở, ban, ngành")
        #expect(decoded.updatedCodes.isEmpty)
    }

    @Test func decodesLFAndFieldsSpanningLines() throws {
        let text =
            Self.header + "\n"
            + "a,other,\"Tên \"\"có\"\" ngoặc\nhai dòng\",,,,,,,,,,\n"
            + "\n"
            + "b,other,Tên B,,,,,2020-01-01,2025-06-30,,,,\n"
        let decoded = try AgencyCSV.decode(text).get()
        #expect(decoded.agencies.map(\.code) == ["a", "b"])
        #expect(decoded.agencies[0].officialName == "Tên \"có\" ngoặc hai dòng")  // names are single-spaced
        #expect(decoded.agencies[1].validFrom == LocalDate(iso: "2020-01-01"))
        #expect(decoded.agencies[1].validTo == LocalDate(iso: "2025-06-30"))
    }

    @Test func successionsPairUpAndOneKindOrDateCoversAll() throws {
        let text = [
            Self.header,
            Self.row([
                "code": "tttt", "kind": "department", "official_name": "Sở Thông tin và Truyền thông",
                "valid_to": "2025-02-28", "successor_code": "khcn|vhttdl", "succession_kind": "mergedInto",
                "succession_date": "2025-03-01",
            ]),
            Self.row(["code": "khcn", "kind": "department", "official_name": "Sở Khoa học và Công nghệ"]),
            Self.row(["code": "vhttdl", "kind": "department", "official_name": "Sở Văn hóa, Thể thao và Du lịch"]),
        ].joined(separator: "\n")
        let decoded = try AgencyCSV.decode(text).get()
        let tttt = decoded.agencies[0]
        #expect(tttt.successions.map(\.successorID) == [decoded.agencies[1].id, decoded.agencies[2].id])
        #expect(tttt.successions.allSatisfy { $0.kind == .mergedInto && $0.effective == LocalDate(iso: "2025-03-01") })
    }

    @Test func everyBadRowIsReportedByLine() {
        let lines = [
            Self.header,  // 1
            Self.row(["code": "ok", "kind": "department", "official_name": "Sở Ngoại vụ"]),  // 2
            Self.row(["code": "ok", "kind": "department", "official_name": "Sở khác"]),  // 3 duplicate
            Self.row(["code": "x1", "kind": "xyz", "official_name": "Tên"]),  // 4
            Self.row(["code": "x2", "kind": "unit", "official_name": ""]),  // 5
            Self.row(["code": "Bad Code", "kind": "unit", "official_name": "Tên"]),  // 6
            Self.row(["code": "x3", "kind": "unit", "official_name": "Tên", "valid_from": "2025-13-01"]),  // 7
            Self.row([
                "code": "x4", "kind": "unit", "official_name": "Tên", "valid_from": "2025-03-01",
                "valid_to": "2025-02-28",
            ]),  // 8
            Self.row(["code": "x5", "kind": "unit", "official_name": "Tên", "parent_code": "nowhere"]),  // 9
            Self.row([
                "code": "x6", "kind": "unit", "official_name": "Tên", "successor_code": "nowhere",
                "succession_kind": "mergedInto", "succession_date": "2025-03-01",
            ]),  // 10
            Self.row([
                "code": "x7", "kind": "unit", "official_name": "Tên", "successor_code": "ok",
                "succession_kind": "splitInto", "succession_date": "2025-03-01",
            ]),  // 11
            Self.row(["code": "x8", "kind": "unit", "official_name": "Tên", "successor_code": "ok"]),  // 12
            Self.row(["code": "g1", "kind": "group", "official_name": "Nhóm", "members": "ok|nowhere|g2"]),  // 13
            Self.row(["code": "g2", "kind": "group", "official_name": "Nhóm 2", "parent_code": "ok"]),  // 14
            Self.row(["code": "x9", "kind": "unit", "official_name": "Tên", "members": "ok"]),  // 15
            Self.row(["code": "x10", "kind": "unit", "official_name": "Tên", "parent_code": "g1"]),  // 16
            Self.row([
                "code": "x11", "kind": "unit", "official_name": "Tên", "successor_code": "g1",
                "succession_kind": "renamedTo", "succession_date": "2025-03-01",
            ]),  // 17
            "x12,unit,Tên",  // 18
            Self.row(["code": "c1", "kind": "unit", "official_name": "Vòng 1", "parent_code": "c2"]),  // 19
            Self.row(["code": "c2", "kind": "unit", "official_name": "Vòng 2", "parent_code": "c1"]),  // 20
            Self.row([
                "code": "s1", "kind": "unit", "official_name": "Kế 1", "successor_code": "s2",
                "succession_kind": "renamedTo", "succession_date": "2025-03-01",
            ]),  // 21
            Self.row([
                "code": "s2", "kind": "unit", "official_name": "Kế 2", "successor_code": "s1",
                "succession_kind": "renamedTo", "succession_date": "2025-04-01",
            ]),  // 22
            Self.row(["code": "", "kind": "unit", "official_name": "Không mã"]),  // 23
        ]
        let errors = Self.decodeErrors(lines.joined(separator: "\r\n"))
        let expected: [AgencyCSVError] = [
            .duplicateCode(line: 3, code: "ok", firstLine: 2),
            .unknownKind(line: 4, value: "xyz"),
            .emptyName(line: 5),
            .badCode(line: 6, value: "Bad Code"),
            .badDate(line: 7, column: "valid_from", value: "2025-13-01"),
            .validToBeforeValidFrom(line: 8, validFrom: "2025-03-01", validTo: "2025-02-28"),
            .unknownParent(line: 9, code: "nowhere"),
            .unknownSuccessor(line: 10, code: "nowhere"),
            .badSuccessionKind(line: 11, value: "splitInto"),
            .incompleteSuccession(line: 12),
            .unknownMember(line: 13, code: "nowhere"),
            .memberIsGroup(line: 13, code: "g2"),
            .notAllowedForGroup(line: 14, column: "parent_code"),
            .membersOnAgency(line: 15),
            .parentIsGroup(line: 16, code: "g1"),
            .successorIsGroup(line: 17, code: "g1"),
            .wrongColumnCount(line: 18, expected: 13, found: 3),
            .parentCycle(line: 19, codes: ["c1", "c2", "c1"]),
            .successionCycle(line: 21, codes: ["s1", "s2", "s1"]),
            .emptyCode(line: 23),
        ]
        #expect(errors == expected)
    }

    @Test func errorsCarryCodesArgsAndBothLanguages() {
        let error = AgencyCSVError.unknownKind(line: 7, value: "xyz")
        #expect(error.code == "unknownKind")
        #expect(error.args == ["line": "7", "value": "xyz"])
        #expect(error.message == "Line 7: Unknown kind “xyz”.")
        #expect(error.messageVI == "Dòng 7: Loại “xyz” không hợp lệ.")
        let all: [AgencyCSVError] = [
            .notUTF8(line: 1), .emptyFile(line: 1), .badHeader(line: 1, missing: ["members"], unknown: ["x"]),
            .unterminatedQuote(line: 2), .badQuote(line: 2), .wrongColumnCount(line: 2, expected: 13, found: 3),
            .emptyCode(line: 2), .badCode(line: 2, value: "A"), .duplicateCode(line: 3, code: "a", firstLine: 2),
            .codeKindConflict(line: 2, code: "a"), .unknownKind(line: 2, value: "x"), .emptyName(line: 2),
            .badDate(line: 2, column: "valid_to", value: "x"),
            .validToBeforeValidFrom(line: 2, validFrom: "2025-01-02", validTo: "2025-01-01"),
            .unknownParent(line: 2, code: "a"), .parentIsGroup(line: 2, code: "a"),
            .unknownSuccessor(line: 2, code: "a"),
            .successorIsGroup(line: 2, code: "a"), .badSuccessionKind(line: 2, value: "x"),
            .incompleteSuccession(line: 2),
            .unknownMember(line: 2, code: "a"), .memberIsGroup(line: 2, code: "a"),
            .notAllowedForGroup(line: 2, column: "valid_to"), .membersOnAgency(line: 2),
            .parentCycle(line: 2, codes: ["a", "b", "a"]), .successionCycle(line: 2, codes: ["a", "a"]),
        ]
        #expect(Set(all.map(\.code)).count == all.count)
        for error in all {
            #expect(error.message.hasPrefix("Line \(error.line): "))
            #expect(error.messageVI.hasPrefix("Dòng \(error.line): "))
        }
    }

    @Test func fileLevelProblems() {
        #expect(Self.decodeErrors("") == [.emptyFile(line: 1)])
        #expect(
            Self.decodeErrors("code,kind,name\n") == [
                .badHeader(
                    line: 1,
                    missing: [
                        "official_name", "short_name", "parent_code", "aliases", "abbreviations", "valid_from",
                        "valid_to", "successor_code", "succession_kind", "succession_date", "members",
                    ],
                    unknown: ["name"])
            ])
        let unterminated = Self.header + "\na,unit,\"Tên chưa đóng,,,,,,,,,,\n"
        #expect(Self.decodeErrors(unterminated) == [.unterminatedQuote(line: 2)])
        let stray = Self.header + "\na,unit,Tên \"lạ\",,,,,,,,,,\n"
        #expect(Self.decodeErrors(stray) == [.badQuote(line: 2)])
        var bytes = Data((Self.header + "\na,unit,Tên,,,,,,,,,,\n").utf8)
        bytes.append(contentsOf: [0x62, 0x2C, 0xFF, 0xFE, 0x0A])
        guard case .failure(let failure) = AgencyCSV.decode(bytes) else {
            Issue.record("invalid UTF-8 accepted")
            return
        }
        #expect(failure.errors == [.notUTF8(line: 3)])
    }

    @Test func columnsMayComeInAnyOrder() throws {
        let columns = AgencyCSV.columns.reversed()
        let values: [String: String] = ["code": "a", "kind": "unit", "official_name": "Phòng A"]
        let text = columns.joined(separator: ",") + "\n" + columns.map { values[$0] ?? "" }.joined(separator: ",")
        #expect(try AgencyCSV.decode(text).get().agencies.first?.officialName == "Phòng A")
    }

    @Test func existingCodesAreReferencedAndUpdated() throws {
        let existingNgv = UUID()
        let existingUbnd = UUID()
        let text = [
            Self.header,
            Self.row([
                "code": "so-ngoai-vu", "kind": "department", "official_name": "Sở Ngoại vụ", "parent_code": "ubnd",
                "abbreviations": "SNgV",
            ]),
            Self.row([
                "code": "phong-qlbg", "kind": "unit", "official_name": "Phòng Quản lý biên giới",
                "parent_code": "so-ngoai-vu",
            ]),
        ].joined(separator: "\n")
        let decoded = try AgencyCSV.decode(text, existingAgencies: ["so-ngoai-vu": existingNgv, "ubnd": existingUbnd])
            .get()
        #expect(decoded.agencies[0].id == existingNgv)
        #expect(decoded.agencies[0].parentID == existingUbnd)
        #expect(decoded.agencies[1].parentID == existingNgv)
        #expect(decoded.updatedCodes == ["so-ngoai-vu"])
        // A row may not turn an existing group into an agency.
        let conflict = AgencyCSV.decode(
            text, existingAgencies: ["ubnd": existingUbnd], existingGroups: ["so-ngoai-vu": UUID()])
        #expect(throws: AgencyCSVErrors(errors: [.codeKindConflict(line: 2, code: "so-ngoai-vu")])) {
            try conflict.get()
        }
    }

    @Test func roundTripKeepsEveryField() throws {
        let url = DirectoryTestSupport.repositoryRoot.appendingPathComponent("Resources/Demo/agencies.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var ids: [String: UUID] = [:]
        let makeID = { (code: String) -> UUID in
            if let id = ids[code] { return id }
            let id = UUID()
            ids[code] = id
            return id
        }
        let first = try AgencyCSV.decode(text, makeID: makeID).get()
        let encoded = try AgencyCSV.encode(agencies: first.agencies, groups: first.groups)
        #expect(encoded.hasPrefix(AgencyCSV.columns.joined(separator: ",") + "\r\n"))
        let second = try AgencyCSV.decode(encoded, makeID: makeID).get()
        #expect(second == first)
        // And again from bytes, with a byte-order mark.
        let third = try AgencyCSV.decode(Data(("\u{FEFF}" + encoded).utf8), makeID: makeID).get()
        #expect(third == first)
    }

    @Test func encodingRefusesWhatTheLayoutCannotCarry() {
        let orphan = AgencyRecord(code: "a", officialName: "A", kind: .unit, parentID: UUID())
        #expect(throws: AgencyCSV.EncodingError.self) { try AgencyCSV.encode(agencies: [orphan]) }
        let piped = AgencyRecord(code: "b", officialName: "B", aliases: ["x|y"], kind: .unit)
        #expect(throws: AgencyCSV.EncodingError.separatorInValue(code: "b", value: "x|y")) {
            try AgencyCSV.encode(agencies: [piped])
        }
        let parentID = UUID()
        let child = AgencyRecord(code: "c", officialName: "C", kind: .unit, parentID: parentID)
        #expect((try? AgencyCSV.encode(agencies: [child], codes: [parentID: "outside"]))?.contains(",outside,") == true)
    }

    @Test func csvTableQuotesOnlyWhenNeeded() {
        #expect(CSVTable.quote("Sở Ngoại vụ") == "Sở Ngoại vụ")
        #expect(CSVTable.quote("Sở Văn hóa, Thể thao và Du lịch") == "\"Sở Văn hóa, Thể thao và Du lịch\"")
        #expect(CSVTable.quote("a \"b\"") == "\"a \"\"b\"\"\"")
        let parsed = CSVTable.parse(CSVTable.encode([["x,y", "z\"", "m\nn"], ["", "2", ""]]))
        #expect(parsed.errors.isEmpty)
        #expect(parsed.records.map(\.fields) == [["x,y", "z\"", "m\nn"], ["", "2", ""]])
        #expect(parsed.records.map(\.line) == [1, 3])
    }
}
