import Fluent
import Foundation
import TTDNKit
import Vapor

/// Point an agency at its successor (merged into / renamed to). In one audited transaction: the
/// succession is recorded, the agency ends the day before it takes effect, and its group memberships,
/// its users and its current units move to the successor. Old names then resolve to the successor.
enum AgencyMergeController {
    struct MergeForm: Content {
        var successor_id: String?
        var kind: String?
        var effective: String?
    }

    struct MergePage: Encodable {
        let layout: LayoutContext
        let action: String
        let cancel: String
        let name: String
        let current: Bool
        /// Successions already recorded for this agency.
        let existing: [AgencyShowPage.Link]
        let hasExisting: Bool
        let successors: [AccountController.Option]
        let kinds: [AccountController.Option]
        let effective: String
        /// What will move: group memberships, users, current units.
        let memberships: Int
        let users: Int
        let children: Int
        let errors: [String: String]
    }

    /// A checked request to merge.
    struct Plan: Sendable {
        let successor: Agency
        let kind: SuccessionKind
        let effective: LocalDate
    }

    @Sendable static func form(req: Request) async throws -> View {
        let agency = try await find(req)
        var form = MergeForm()
        form.kind = SuccessionKind.mergedInto.rawValue
        form.effective = req.today.iso
        return try await render(req, agency: agency, form: form, errors: [:])
    }

    @Sendable static func merge(req: Request) async throws -> Response {
        let agency = try await find(req)
        let form = try req.content.decode(MergeForm.self)
        let plan: Plan
        switch try await check(form, agency: agency, on: req.db) {
        case .success(let checked): plan = checked
        case .failure(let problems):
            return try await render(req, agency: agency, form: form, errors: problems.fields.mapValues { req.t($0) })
                .encodeResponse(status: .badRequest, for: req)
        }
        try await perform(plan, on: agency, db: req.db, by: req.auditContext)
        req.flash(
            .success,
            req.t(
                "merge.done.\(plan.kind.rawValue)", agency.officialName, plan.successor.officialName,
                Formatting.date(plan.effective, req.locale)))
        return req.redirect(to: SiteURL.agency(try plan.successor.requireID()).path)
    }

    // MARK: Checking and doing

    struct Problems: Error {
        var fields: [String: String]
    }

    /// Field → translation key of what is wrong, or the plan.
    static func check(_ form: MergeForm, agency: Agency, on db: any Database) async throws -> Result<Plan, Problems> {
        var problems: [String: String] = [:]
        let id = try agency.requireID()
        var successor: Agency?
        if let text = form.successor_id?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if let successorID = UUID(uuidString: text), let found = try await Agency.find(successorID, on: db) {
                successor = found
            } else {
                problems["successor_id"] = "merge.error.successor_unknown"
            }
        } else {
            problems["successor_id"] = "merge.error.successor_missing"
        }
        let kind = SuccessionKind(rawValue: form.kind ?? "")
        if kind == nil { problems["kind"] = "merge.error.kind" }
        let effective = DirectoryFormSupport.day(form.effective)
        if effective == nil {
            problems["effective"] = "merge.error.date"
        } else if let effective, let from = agency.validFrom.flatMap(LocalDate.init(iso:)), effective <= from {
            problems["effective"] = "merge.error.date_before_start"
        }

        if let successor, let successorID = successor.id {
            if successorID == id {
                problems["successor_id"] = "merge.error.self"
            } else if !successor.isCurrent() {
                problems["successor_id"] = "merge.error.successor_not_current"
            } else {
                let all = try await Agency.query(on: db).all()
                if DirectoryFormSupport.descendants(of: id, in: all).contains(successorID) {
                    problems["successor_id"] = "merge.error.descendant"
                } else if try await AgencySuccession.query(on: db).filter(\.$predecessor.$id == id)
                    .filter(\.$successor.$id == successorID).first() != nil
                {
                    problems["successor_id"] = "merge.error.exists"
                } else if try await leadsBack(from: successorID, to: id, on: db) {
                    problems["successor_id"] = "merge.error.cycle"
                }
            }
        }
        guard problems.isEmpty, let successor, let kind, let effective else {
            return .failure(Problems(fields: problems))
        }
        return .success(Plan(successor: successor, kind: kind, effective: effective))
    }

    /// Whether following successions from `start` reaches `target` (the merge would close a loop).
    static func leadsBack(from start: UUID, to target: UUID, on db: any Database) async throws -> Bool {
        var onward: [UUID: [UUID]] = [:]
        for link in try await AgencySuccession.query(on: db).all() {
            onward[link.$predecessor.id, default: []].append(link.$successor.id)
        }
        var seen: Set<UUID> = []
        var queue = [start]
        while let next = queue.popLast() {
            if next == target { return true }
            guard seen.insert(next).inserted else { continue }
            queue += onward[next] ?? []
        }
        return false
    }

    /// Records the succession and moves what belongs to the successor now, all or nothing.
    static func perform(_ plan: Plan, on agency: Agency, db: any Database, by audit: AuditContext) async throws {
        let id = try agency.requireID()
        let successorID = try plan.successor.requireID()
        try await db.transaction { tx in
            try await AgencySuccession(
                predecessorID: id, successorID: successorID, kind: plan.kind.rawValue, effective: plan.effective
            )
            .auditedCreate(on: tx, by: audit)
            try await agency.auditedUpdate(on: tx, by: audit) { $0.validTo = plan.effective.adding(days: -1).iso }

            let successorGroups = Set(
                try await AgencyGroupMember.query(on: tx).filter(\.$agency.$id == successorID).all().map(\.$group.id))
            for membership in try await AgencyGroupMember.query(on: tx).filter(\.$agency.$id == id).all() {
                if successorGroups.contains(membership.$group.id) {
                    try await membership.auditedDelete(on: tx, by: audit)
                } else {
                    try await membership.auditedUpdate(on: tx, by: audit) { $0.$agency.id = successorID }
                }
            }
            for user in try await User.query(on: tx).filter(\.$agency.$id == id).all() {
                try await user.auditedUpdate(on: tx, by: audit) { $0.$agency.id = successorID }
            }
            for child in try await Agency.query(on: tx).filter(\.$parent.$id == id).all() where child.isCurrent() {
                try await child.auditedUpdate(on: tx, by: audit) { $0.$parent.id = successorID }
            }
            // Open obligations of the agency merged away pass to its successor.
            try await ObligationService.sync(planID: nil, on: tx, by: audit)
        }
    }

    // MARK: Page

    private static func find(_ req: Request) async throws -> Agency {
        guard let agency = try await Agency.find(req.recordID(), on: req.db) else { throw Abort(.notFound) }
        return agency
    }

    private static func render(_ req: Request, agency: Agency, form: MergeForm, errors: [String: String]) async throws
        -> View
    {
        let id = try agency.requireID()
        let all = try await DirectoryLoader(db: req.db).agencies()
        let below = DirectoryFormSupport.descendants(of: id, in: all)
        let successors = all.filter { $0.id != id && !below.contains($0.id!) && $0.isCurrent() }.map {
            AccountController.Option(
                value: $0.id!.uuidString, label: $0.officialName + " — " + req.t("agency.kind.\($0.kind)"),
                selected: $0.id!.uuidString.lowercased() == form.successor_id?.lowercased())
        }
        let kinds = SuccessionKind.allCases.map {
            AccountController.Option(
                value: $0.rawValue, label: req.t("agency.succession.\($0.rawValue)"), selected: $0.rawValue == form.kind
            )
        }
        let earlier = try await AgencySuccession.query(on: req.db).filter(\.$predecessor.$id == id).with(\.$successor)
            .all()
        let existing = earlier.map { link in
            AgencyShowPage.Link(
                href: SiteURL.agency(link.successor.id!).path, name: link.successor.officialName,
                note: req.t("agency.succession.\(link.kind)") + " · "
                    + (Formatting.date(iso: link.effective, req.locale) ?? link.effective))
        }
        let page = MergePage(
            layout: req.layout(title: req.t("merge.title", agency.officialName)), action: SiteURL.agencyMerge(id).path,
            cancel: SiteURL.agency(id).path, name: agency.officialName, current: agency.isCurrent(), existing: existing,
            hasExisting: !existing.isEmpty,
            successors: successors, kinds: kinds, effective: form.effective ?? "",
            memberships: try await AgencyGroupMember.query(on: req.db).filter(\.$agency.$id == id).count(),
            users: try await User.query(on: req.db).filter(\.$agency.$id == id).count(),
            children: all.filter { $0.$parent.id == id && $0.isCurrent() }.count,
            errors: errors)
        return try await req.view.render("agencies/merge", page)
    }
}
