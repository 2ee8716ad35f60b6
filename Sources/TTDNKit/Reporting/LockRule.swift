import Foundation

/// When a period's form closes. Kept apart from the due date, as DHIS2 keeps "expiry days" apart from
/// "days after period for timely submission": being late is not the same as being shut out. After the
/// lock date a report can only be filed or changed if the coordinator reopens it with a logged reason.
///
/// The lock date is the *last day the form is open* (Vietnam time), like the due date is the last
/// on-time day. Compact syntax: `never`, `days-after-due:10`.
public enum LockRule: Sendable, Equatable, Hashable, CustomStringConvertible {
    case daysAfterDue(Int)
    case never

    public var description: String {
        switch self {
        case .daysAfterDue(let n): return "days-after-due:\(n)"
        case .never: return "never"
        }
    }

    public init?(syntax: String) {
        let text = syntax.trimmingCharacters(in: .whitespaces).lowercased()
        if text == "never" {
            self = .never
        } else if text.hasPrefix("days-after-due:"), let n = Int(text.dropFirst("days-after-due:".count)), n >= 0 {
            self = .daysAfterDue(n)
        } else {
            return nil
        }
    }

    /// The lock date for a report due on `due`.
    public func lockDate(due: LocalDate) -> LocalDate? {
        switch self {
        case .daysAfterDue(let n): return due.addingDays(n)
        case .never: return nil
        }
    }
}

extension LockRule: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let rule = LockRule(syntax: text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a lock rule: \(text)")
        }
        self = rule
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
