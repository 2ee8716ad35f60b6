import struct Foundation.UUID

/// Everything the platform lets someone do. Each route names exactly one permission, and
/// `Policy` alone decides who holds it, so no handler checks roles by hand.
public enum Permission: String, CaseIterable, Sendable {
    /// Anyone, signed in or not: the public site, the login page, health checks.
    case publicAccess
    /// Any signed-in user: their home page, their account, logging out.
    case signedIn
    /// Browse and search the agency directory.
    case viewDirectory
    /// Create, edit and merge agencies and groups; import the directory from CSV.
    case editDirectory
    /// Read plans, their tasks and the legal documents they cite; see one's own agency's tasks.
    case viewPlans
    /// Import plans, correct them on the review screen, add, edit, move and remove tasks, export.
    case editPlans
    /// See who owes which report and who is late (the dashboard) and the follow-up of tasks: statuses and
    /// figures, not what agencies wrote.
    case viewReports
    /// Read every agency's report text at once: the consolidated report's print page and DOCX. Those who may
    /// read only their own agency's reports must not read the others' there.
    case readAllReports
    /// Fill and submit one's own agency's reports (the record-level check is `Policy.mayActFor`).
    case fileReports
    /// Accept, return and reopen reports; set up regimes, indicators and holidays; edit and export the
    /// consolidated report; send reminders.
    case reviewReports
    /// Work in the newsroom of the foreign-information site: the articles in every state, their history, the
    /// translators' list. What one may write or move there is `Policy.mayWriteArticle` and `Policy.mayMove`.
    case newsroom
    /// Set up the site: its languages, topics and the list of sensitive terms.
    case manageSite
    /// Create users, assign roles, reset passwords.
    case manageUsers
    /// Read the audit trail.
    case viewAudit
}

/// Who is asking: the signed-in user as the policy sees them.
public struct Actor: Sendable, Equatable {
    public var userID: UUID
    public var roles: Set<Role>
    /// The agency an agency officer acts for.
    public var agencyID: UUID?

    public init(userID: UUID, roles: Set<Role>, agencyID: UUID?) {
        self.userID = userID
        self.roles = roles
        self.agencyID = agencyID
    }
}
