/// What a person does in the platform. A user may hold several roles.
/// Stored as these raw strings in the database and in CSV; labelled `role.<raw>` in the locales.
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
    /// Runs the platform: users, settings, the audit trail.
    case admin
    /// The coordinating office (cơ quan đầu mối) that assigns tasks and collects reports.
    case coordinator
    /// An officer of one agency; acts only for that agency.
    case agencyOfficer = "agency_officer"
    /// Writes and edits articles for the foreign-information site and bulletin.
    case editor
    /// Translates articles into other languages.
    case translator
    /// A leader who signs off (phê duyệt).
    case approver
    /// Reads everything that is not restricted; changes nothing.
    case viewer

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
