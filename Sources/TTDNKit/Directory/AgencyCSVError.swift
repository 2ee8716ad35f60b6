/// Why a row of an agency CSV file was refused. Every case carries the 1-based line it was found on; `code`
/// is stable (the app translates by it), `args` are its parameters, `message`/`messageVI` ready-made texts.
public enum AgencyCSVError: Error, Hashable, Sendable {
    case notUTF8(line: Int)
    case emptyFile(line: Int)
    case badHeader(line: Int, missing: [String], unknown: [String])
    case unterminatedQuote(line: Int)
    case badQuote(line: Int)
    case wrongColumnCount(line: Int, expected: Int, found: Int)
    case emptyCode(line: Int)
    case badCode(line: Int, value: String)
    case duplicateCode(line: Int, code: String, firstLine: Int)
    /// The row is an agency but the code belongs to an existing group, or the other way round.
    case codeKindConflict(line: Int, code: String)
    case unknownKind(line: Int, value: String)
    case emptyName(line: Int)
    case badDate(line: Int, column: String, value: String)
    case validToBeforeValidFrom(line: Int, validFrom: String, validTo: String)
    case unknownParent(line: Int, code: String)
    case parentIsGroup(line: Int, code: String)
    case unknownSuccessor(line: Int, code: String)
    case successorIsGroup(line: Int, code: String)
    case badSuccessionKind(line: Int, value: String)
    /// Successor codes, kinds and dates do not line up (each successor needs a kind and a date).
    case incompleteSuccession(line: Int)
    case unknownMember(line: Int, code: String)
    case memberIsGroup(line: Int, code: String)
    /// A group row fills a column only agencies have (`short_name`, `parent_code`, …).
    case notAllowedForGroup(line: Int, column: String)
    case membersOnAgency(line: Int)
    /// Following parents from this row comes back to it; `codes` is the loop.
    case parentCycle(line: Int, codes: [String])
    /// Following successors from this row comes back to it.
    case successionCycle(line: Int, codes: [String])

    public var line: Int {
        switch self {
        case .notUTF8(let line), .emptyFile(let line), .badHeader(let line, _, _), .unterminatedQuote(let line),
            .badQuote(let line), .wrongColumnCount(let line, _, _), .emptyCode(let line), .badCode(let line, _),
            .duplicateCode(let line, _, _), .codeKindConflict(let line, _), .unknownKind(let line, _),
            .emptyName(let line), .badDate(let line, _, _), .validToBeforeValidFrom(let line, _, _),
            .unknownParent(let line, _), .parentIsGroup(let line, _), .unknownSuccessor(let line, _),
            .successorIsGroup(let line, _), .badSuccessionKind(let line, _), .incompleteSuccession(let line),
            .unknownMember(let line, _), .memberIsGroup(let line, _), .notAllowedForGroup(let line, _),
            .membersOnAgency(let line), .parentCycle(let line, _), .successionCycle(let line, _):
            line
        }
    }

    /// Stable identifier for translations (`directory.csv.error.<code>`).
    public var code: String {
        switch self {
        case .notUTF8: "notUTF8"
        case .emptyFile: "emptyFile"
        case .badHeader: "badHeader"
        case .unterminatedQuote: "unterminatedQuote"
        case .badQuote: "badQuote"
        case .wrongColumnCount: "wrongColumnCount"
        case .emptyCode: "emptyCode"
        case .badCode: "badCode"
        case .duplicateCode: "duplicateCode"
        case .codeKindConflict: "codeKindConflict"
        case .unknownKind: "unknownKind"
        case .emptyName: "emptyName"
        case .badDate: "badDate"
        case .validToBeforeValidFrom: "validToBeforeValidFrom"
        case .unknownParent: "unknownParent"
        case .parentIsGroup: "parentIsGroup"
        case .unknownSuccessor: "unknownSuccessor"
        case .successorIsGroup: "successorIsGroup"
        case .badSuccessionKind: "badSuccessionKind"
        case .incompleteSuccession: "incompleteSuccession"
        case .unknownMember: "unknownMember"
        case .memberIsGroup: "memberIsGroup"
        case .notAllowedForGroup: "notAllowedForGroup"
        case .membersOnAgency: "membersOnAgency"
        case .parentCycle: "parentCycle"
        case .successionCycle: "successionCycle"
        }
    }

    /// The parameters of the message, by name (always includes `line`).
    public var args: [String: String] {
        var args = ["line": String(line)]
        switch self {
        case .badHeader(_, let missing, let unknown):
            args["missing"] = missing.joined(separator: ", ")
            args["unknown"] = unknown.joined(separator: ", ")
        case .wrongColumnCount(_, let expected, let found):
            args["expected"] = String(expected)
            args["found"] = String(found)
        case .badCode(_, let value), .unknownKind(_, let value), .badSuccessionKind(_, let value):
            args["value"] = value
        case .duplicateCode(_, let code, let firstLine):
            args["code"] = code
            args["firstLine"] = String(firstLine)
        case .codeKindConflict(_, let code), .unknownParent(_, let code), .parentIsGroup(_, let code),
            .unknownSuccessor(_, let code), .successorIsGroup(_, let code), .unknownMember(_, let code),
            .memberIsGroup(_, let code):
            args["code"] = code
        case .badDate(_, let column, let value):
            args["column"] = column
            args["value"] = value
        case .validToBeforeValidFrom(_, let from, let to):
            args["validFrom"] = from
            args["validTo"] = to
        case .notAllowedForGroup(_, let column):
            args["column"] = column
        case .parentCycle(_, let codes), .successionCycle(_, let codes):
            args["codes"] = codes.joined(separator: " → ")
        case .notUTF8, .emptyFile, .unterminatedQuote, .badQuote, .emptyCode, .emptyName, .incompleteSuccession,
            .membersOnAgency:
            break
        }
        return args
    }

    public var message: String {
        let a = args
        let text: String
        switch self {
        case .notUTF8: text = "The file is not UTF-8 text; save it as “CSV UTF-8”."
        case .emptyFile: text = "The file is empty: the first line must be the header."
        case .badHeader:
            text = "The header does not match the layout (missing: \(a["missing"]!); unknown: \(a["unknown"]!))."
        case .unterminatedQuote: text = "A quoted field opened here is never closed."
        case .badQuote: text = "A quote is misplaced: quote the whole field and double quotes inside it."
        case .wrongColumnCount: text = "Expected \(a["expected"]!) columns, found \(a["found"]!)."
        case .emptyCode: text = "The code is empty."
        case .badCode: text = "The code “\(a["value"]!)” must be lowercase ASCII letters and digits joined by hyphens."
        case .duplicateCode: text = "The code “\(a["code"]!)” is already used on line \(a["firstLine"]!)."
        case .codeKindConflict:
            text = "The code “\(a["code"]!)” belongs to an existing record of the other sort (agency or group)."
        case .unknownKind: text = "Unknown kind “\(a["value"]!)”."
        case .emptyName: text = "The official name is empty."
        case .badDate: text = "“\(a["value"]!)” in \(a["column"]!) is not a date (YYYY-MM-DD)."
        case .validToBeforeValidFrom: text = "valid_to \(a["validTo"]!) is before valid_from \(a["validFrom"]!)."
        case .unknownParent: text = "Unknown parent code “\(a["code"]!)”."
        case .parentIsGroup: text = "The parent “\(a["code"]!)” is a group; a parent must be an agency."
        case .unknownSuccessor: text = "Unknown successor code “\(a["code"]!)”."
        case .successorIsGroup: text = "The successor “\(a["code"]!)” is a group; a successor must be an agency."
        case .badSuccessionKind: text = "Unknown succession kind “\(a["value"]!)” (mergedInto or renamedTo)."
        case .incompleteSuccession:
            text = "Each successor needs a succession kind and a date, and no kind or date without a successor."
        case .unknownMember: text = "Unknown member code “\(a["code"]!)”."
        case .memberIsGroup: text = "The member “\(a["code"]!)” is a group; groups contain agencies only."
        case .notAllowedForGroup: text = "A group row must leave \(a["column"]!) empty."
        case .membersOnAgency: text = "Only group rows may list members."
        case .parentCycle: text = "Parents go round in a circle: \(a["codes"]!)."
        case .successionCycle: text = "Successors go round in a circle: \(a["codes"]!)."
        }
        return "Line \(line): " + text
    }

    public var messageVI: String {
        let a = args
        let text: String
        switch self {
        case .notUTF8: text = "Tệp không phải văn bản UTF-8; hãy lưu dưới dạng “CSV UTF-8”."
        case .emptyFile: text = "Tệp rỗng: dòng đầu tiên phải là dòng tiêu đề."
        case .badHeader:
            text = "Dòng tiêu đề không đúng mẫu (thiếu: \(a["missing"]!); không hợp lệ: \(a["unknown"]!))."
        case .unterminatedQuote: text = "Dấu ngoặc kép mở ở đây không được đóng."
        case .badQuote: text = "Dấu ngoặc kép đặt sai: đặt cả ô trong ngoặc kép và nhân đôi dấu ngoặc kép bên trong."
        case .wrongColumnCount: text = "Cần \(a["expected"]!) cột, có \(a["found"]!) cột."
        case .emptyCode: text = "Mã bị bỏ trống."
        case .badCode: text = "Mã “\(a["value"]!)” chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối."
        case .duplicateCode: text = "Mã “\(a["code"]!)” đã dùng ở dòng \(a["firstLine"]!)."
        case .codeKindConflict: text = "Mã “\(a["code"]!)” thuộc một bản ghi loại khác (cơ quan hoặc nhóm) đã có."
        case .unknownKind: text = "Loại “\(a["value"]!)” không hợp lệ."
        case .emptyName: text = "Tên chính thức bị bỏ trống."
        case .badDate: text = "“\(a["value"]!)” ở cột \(a["column"]!) không phải ngày (YYYY-MM-DD)."
        case .validToBeforeValidFrom: text = "valid_to \(a["validTo"]!) trước valid_from \(a["validFrom"]!)."
        case .unknownParent: text = "Không có cơ quan cấp trên mã “\(a["code"]!)”."
        case .parentIsGroup: text = "Cấp trên “\(a["code"]!)” là một nhóm; cấp trên phải là cơ quan."
        case .unknownSuccessor: text = "Không có cơ quan kế thừa mã “\(a["code"]!)”."
        case .successorIsGroup: text = "Cơ quan kế thừa “\(a["code"]!)” là một nhóm; phải là cơ quan."
        case .badSuccessionKind: text = "Hình thức kế thừa “\(a["value"]!)” không hợp lệ (mergedInto hoặc renamedTo)."
        case .incompleteSuccession:
            text =
                "Mỗi cơ quan kế thừa cần hình thức và ngày; không ghi hình thức hay ngày khi không có cơ quan kế thừa."
        case .unknownMember: text = "Không có thành viên mã “\(a["code"]!)”."
        case .memberIsGroup: text = "Thành viên “\(a["code"]!)” là một nhóm; nhóm chỉ gồm cơ quan."
        case .notAllowedForGroup: text = "Dòng nhóm phải để trống cột \(a["column"]!)."
        case .membersOnAgency: text = "Chỉ dòng nhóm mới được ghi thành viên."
        case .parentCycle: text = "Quan hệ cấp trên tạo thành vòng: \(a["codes"]!)."
        case .successionCycle: text = "Quan hệ kế thừa tạo thành vòng: \(a["codes"]!)."
        }
        return "Dòng \(line): " + text
    }
}
