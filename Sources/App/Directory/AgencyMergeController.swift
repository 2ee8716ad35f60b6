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
        switch try await check(form, agency: agency, today: req.today, on: req.db) {
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

    /// Field → translation key of what is wrong, or the plan. The rules are `AgencyMerge.problems`.
    static func check(_ form: MergeForm, agency: Agency, today: LocalDate, on db: any Database) async throws -> Result<
        Plan, Problems
    > {
        let id = try agency.requireID()
        let text = form.successor_id?.trimmingCharacters(in: .whitespaces) ?? ""
        var successor: Agency?
        if let successorID = UUID(uuidString: text) { successor = try await Agency.find(successorID, on: db) }
        let kind = SuccessionKind(rawValue: form.kind ?? "")
        let effective = DirectoryFormSupport.day(form.effective)
        var directory = AgencyMerge.Directory()
        for row in try await Agency.query(on: db).all() {
            if let child = row.id, let parent = row.$parent.id { directory.parents[child] = parent }
        }
        for link in try await AgencySuccession.query(on: db).all() {
            directory.successors[link.$predecessor.id, default: []].append(link.$successor.id)
        }
        let request = AgencyMerge.Request(
            agency: id, agencyValidFrom: agency.validFrom.flatMap(LocalDate.init(iso:)),
            successor: text.isEmpty ? nil : (successor?.id ?? UUID(uuidString: text) ?? UUID()),
            successorFound: text.isEmpty || successor != nil,
            successorIsCurrent: successor?.isCurrent(on: today) ?? false,
            kind: kind, effective: effective)
        let problems = AgencyMerge.problems(request, in: directory)
        guard problems.isEmpty, let successor, let kind, let effective else {
            return .failure(
                Problems(
                    fields: Dictionary(
                        uniqueKeysWithValues: problems.map { ($0.rawValue, "merge.error.\($1.rawValue)") })))
        }
        return .success(Plan(successor: successor, kind: kind, effective: effective))
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
            let successorGroups = Set(
                try await AgencyGroupMember.query(on: tx).filter(\.$agency.$id == successorID).all().map(\.$group.id))
            let memberships = try await AgencyGroupMember.query(on: tx).filter(\.$agency.$id == id).all()
            let children = try await Agency.query(on: tx).filter(\.$parent.$id == id).all()
            let handOver = AgencyMerge.handOver(
                effective: plan.effective, agencyGroups: memberships.map(\.$group.id), successorGroups: successorGroups,
                units: children.compactMap { child in
                    child.id.map { .init(id: $0, isCurrent: child.isCurrent(on: audit.clock.today)) }
                })
            // A versioned write: an edit of the agency saved since it was read makes the merge a conflict.
            try await agency.auditedUpdate(on: tx, by: audit) { $0.validTo = handOver.endsOn.iso }
            for membership in memberships {
                if handOver.groupsDropped.contains(membership.$group.id) {
                    try await membership.auditedDelete(on: tx, by: audit)
                } else if handOver.groupsPassed.contains(membership.$group.id) {
                    try await membership.auditedUpdate(on: tx, by: audit) { $0.$agency.id = successorID }
                }
            }
            for user in try await User.query(on: tx).filter(\.$agency.$id == id).all() {
                try await user.auditedUpdate(on: tx, by: audit) { $0.$agency.id = successorID }
            }
            let moved = Set(handOver.unitsMoved)
            for child in children where child.id.map(moved.contains) == true {
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
        let successors = all.filter { $0.id != id && !below.contains($0.id!) && $0.isCurrent(on: req.today) }.map {
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
            cancel: SiteURL.agency(id).path, name: agency.officialName, current: agency.isCurrent(on: req.today),
            existing: existing,
            hasExisting: !existing.isEmpty,
            successors: successors, kinds: kinds, effective: form.effective ?? "",
            memberships: try await AgencyGroupMember.query(on: req.db).filter(\.$agency.$id == id).count(),
            users: try await User.query(on: req.db).filter(\.$agency.$id == id).count(),
            children: all.filter { $0.$parent.id == id && $0.isCurrent(on: req.today) }.count,
            errors: errors)
        return try await req.view.render("agencies/merge", page)
    }
}
