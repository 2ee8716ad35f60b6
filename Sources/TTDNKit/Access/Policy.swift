import struct Foundation.UUID

/// The one place that decides every permission.
public enum Policy {
    /// Whether `actor` (nil: an anonymous visitor) holds `permission`. The switch is exhaustive,
    /// so a new permission cannot be added without a rule.
    public static func allows(_ actor: Actor?, _ permission: Permission) -> Bool {
        switch permission {
        case .publicAccess:
            return true
        case .signedIn:
            return actor != nil
        case .viewDirectory, .viewPlans:
            return actor != nil
        case .viewReports:
            return actor != nil
        case .readAllReports:
            return has(actor, anyOf: [.admin, .coordinator, .approver, .viewer])
        case .fileReports:
            return has(actor, anyOf: [.admin, .coordinator, .agencyOfficer])
        case .editDirectory, .editPlans, .reviewReports:
            return has(actor, anyOf: [.admin, .coordinator])
        case .newsroom:
            return has(actor, anyOf: [.admin, .coordinator, .editor, .translator, .approver])
        case .manageSite:
            return has(actor, anyOf: [.admin, .coordinator])
        case .manageUsers, .viewAudit:
            return has(actor, anyOf: [.admin])
        }
    }

    /// Recording the pre-publication security check of a version: approvers (the leaders who answer for what
    /// the site says) and admins. Writers cannot clear their own text.
    public static func mayCheckSecurity(_ actor: Actor?) -> Bool {
        has(actor, anyOf: [.admin, .approver])
    }

    /// Acting for one agency's records: the coordinating office and admins act for all,
    /// an agency officer only for their own agency.
    public static func mayActFor(_ actor: Actor?, agency: UUID) -> Bool {
        guard let actor else { return false }
        if !actor.roles.isDisjoint(with: [.admin, .coordinator]) { return true }
        return actor.roles.contains(.agencyOfficer) && actor.agencyID == agency
    }

    /// Writing, submitting or recalling one agency's report: only that agency's own people who file reports
    /// (its officers, or the coordinating office for its own agency's report). The office reviews other
    /// agencies' reports — returns them with comments, accepts them — but never writes in them, so that what
    /// a report says is what the agency sent.
    public static func mayWriteReport(_ actor: Actor?, of agency: UUID) -> Bool {
        guard let actor, allows(actor, .fileReports) else { return false }
        return actor.agencyID == agency
    }

    /// Reading one agency's submitted report and its evidence: that agency's officers, the coordinating
    /// office, admins, and those who read everything (approvers, viewers). Other agencies' officers see
    /// only statuses on the dashboard, not the content.
    public static func mayRead(_ actor: Actor?, reportOf agency: UUID) -> Bool {
        mayActFor(actor, agency: agency) || allows(actor, .readAllReports)
    }

    /// Writing the text of an article's language version: editors write any language, translators
    /// translations only (the Vietnamese source is the editors'); the coordinating office and admins too.
    public static func mayWriteArticle(_ actor: Actor?, translation: Bool) -> Bool {
        if has(actor, anyOf: [.admin, .coordinator, .editor]) { return true }
        return translation && has(actor, anyOf: [.translator])
    }

    /// Linking a piece of work (an article, a publication) to the plan tasks it counts toward, and unlinking
    /// it: the editors who make it and the approvers who publish it, the coordinating office, admins. A
    /// translator's work counts through its article, which an editor links.
    public static func mayLinkOutputs(_ actor: Actor?) -> Bool {
        has(actor, anyOf: [.admin, .coordinator, .editor, .approver])
    }

    /// Making an editorial move on a language version: its writers submit it and reopen it; approvers return,
    /// approve, schedule, publish, unpublish and archive (and reopen); admins do everything. The security
    /// check and the other blocks are `EditorialGate`'s.
    public static func mayMove(_ actor: Actor?, _ move: EditorialMove, translation: Bool) -> Bool {
        if has(actor, anyOf: [.admin]) { return true }
        switch move {
        case .submit:
            return mayWriteArticle(actor, translation: translation)
        case .reopen:
            return mayWriteArticle(actor, translation: translation) || has(actor, anyOf: [.approver])
        case .returnToDraft, .approve, .schedule, .publish, .unpublish, .archive:
            return has(actor, anyOf: [.approver])
        }
    }

    static func has(_ actor: Actor?, anyOf roles: Set<Role>) -> Bool {
        guard let actor else { return false }
        return !actor.roles.isDisjoint(with: roles)
    }
}
