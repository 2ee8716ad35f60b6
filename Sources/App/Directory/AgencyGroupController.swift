import Fluent
import Foundation
import TTDNKit
import Vapor

/// Groups named in documents ("các sở, ban, ngành", "UBND các xã, phường"): list, show, create, edit.
enum AgencyGroupController {
    struct GroupForm: Content {
        var name: String?
        var code: String?
        var aliases: String?
        var members: [String]?
        /// `AgencyGroup.version` when the form was loaded (members included): a stale save is refused.
        var version: String?

        init() {}

        init(_ group: AgencyGroup, memberIDs: [UUID]) {
            name = group.name
            code = group.code
            aliases = group.aliases.joined(separator: "\n")
            members = memberIDs.map(\.uuidString)
            version = String(group.version)
        }

        var memberIDs: Set<UUID> { Set((members ?? []).compactMap { UUID(uuidString: $0) }) }
    }

    struct IndexPage: Encodable {
        struct Row: Encodable {
            let href: String
            let name: String
            let code: String
            let aliases: String
            let members: Int
        }

        let layout: LayoutContext
        let rows: [Row]
        let hasRows: Bool
        let canEdit: Bool
        let newHref: String
    }

    struct ShowPage: Encodable {
        let layout: LayoutContext
        let name: String
        let code: String
        let aliases: [String]
        let hasAliases: Bool
        let members: [AgencyShowPage.Link]
        let memberCount: Int
        let editHref: String?
        let listHref: String
    }

    struct FormPage: Encodable {
        struct Section: Encodable {
            let id: String
            let legend: String
            let options: [AccountController.Option]
            var count: Int { options.count }

            private enum CodingKeys: String, CodingKey { case id, legend, options, count }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(id, forKey: .id)
                try container.encode(legend, forKey: .legend)
                try container.encode(options, forKey: .options)
                try container.encode(count, forKey: .count)
            }
        }

        let layout: LayoutContext
        let action: String
        let cancel: String
        let isNew: Bool
        let form: GroupForm
        let sections: [Section]
        let selectedCount: Int
        let errors: [String: String]
    }

    // MARK: Pages

    @Sendable static func index(req: Request) async throws -> View {
        let groups = try await AgencyGroup.query(on: req.db).sort(\.$sortKey).all()
        var counts: [UUID: Int] = [:]
        for member in try await AgencyGroupMember.query(on: req.db).all() { counts[member.$group.id, default: 0] += 1 }
        let rows = groups.map { group in
            IndexPage.Row(
                href: SiteURL.agencyGroup(group.id!).path, name: group.name, code: group.code,
                aliases: group.aliases.joined(separator: "; "), members: counts[group.id!] ?? 0)
        }
        let page = IndexPage(
            layout: req.layout(titleKey: "groups.title"), rows: rows, hasRows: !rows.isEmpty,
            canEdit: Policy.allows(req.auth.get(User.self)?.actor, .editDirectory), newHref: SiteURL.agencyGroupNew.path
        )
        return try await req.view.render("groups/index", page)
    }

    @Sendable static func show(req: Request) async throws -> View {
        let group = try await find(req)
        let id = try group.requireID()
        let members = try await group.$members.query(on: req.db).sort(\.$sortKey).all()
        let canEdit = Policy.allows(req.auth.get(User.self)?.actor, .editDirectory)
        let page = ShowPage(
            layout: req.layout(title: group.name), name: group.name, code: group.code, aliases: group.aliases,
            hasAliases: !group.aliases.isEmpty,
            members: members.map {
                AgencyShowPage.Link(
                    href: SiteURL.agency($0.id!).path, name: $0.officialName,
                    note: $0.isCurrent(on: req.today) ? nil : req.t("agency.former"))
            },
            memberCount: members.count, editHref: canEdit ? SiteURL.agencyGroupEdit(id).path : nil,
            listHref: SiteURL.agencyGroups.path)
        return try await req.view.render("groups/show", page)
    }

    @Sendable static func new(req: Request) async throws -> View {
        try await renderForm(req, group: nil, form: GroupForm(), problems: [:])
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let form = try req.content.decode(GroupForm.self)
        let problems = try await problems(form, existing: nil, on: req.db)
        guard problems.isEmpty else {
            return try await renderForm(req, group: nil, form: form, problems: problems).encodeResponse(
                status: .badRequest, for: req)
        }
        let group = AgencyGroup()
        apply(form, to: group)
        let audit = req.auditContext
        let members = form.memberIDs
        try await req.db.transaction { tx in
            try await group.auditedCreate(on: tx, by: audit)
            try await setMembers(of: group, to: members, on: tx, by: audit)
        }
        req.flash(.success, req.t("group.created", group.name))
        return req.redirect(to: SiteURL.agencyGroup(try group.requireID()).path)
    }

    @Sendable static func edit(req: Request) async throws -> View {
        let group = try await find(req)
        let memberIDs = try await AgencyGroupMember.query(on: req.db).filter(\.$group.$id == group.requireID()).all()
            .map(\.$agency.id)
        return try await renderForm(req, group: group, form: GroupForm(group, memberIDs: memberIDs), problems: [:])
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let group = try await find(req)
        let form = try req.content.decode(GroupForm.self)
        guard let expected = form.version.flatMap({ Int($0) }), expected == group.version else {
            return try await conflict(req, groupID: group.requireID(), mine: form)
        }
        let problems = try await problems(form, existing: group, on: req.db)
        guard problems.isEmpty else {
            return try await renderForm(req, group: group, form: form, problems: problems).encodeResponse(
                status: .badRequest, for: req)
        }
        let audit = req.auditContext
        let members = form.memberIDs
        do {
            // The claim on the group's version is the transaction's first write, so the members below
            // are changed by the one save that holds the version.
            try await req.db.transaction { tx in
                try await group.auditedUpdate(on: tx, by: audit, expectedVersion: expected) { apply(form, to: $0) }
                try await setMembers(of: group, to: members, on: tx, by: audit)
            }
        } catch is VersionConflict {
            return try await conflict(req, groupID: group.requireID(), mine: form)
        }
        req.flash(.success, req.t("group.saved", group.name))
        return req.redirect(to: SiteURL.agencyGroup(try group.requireID()).path)
    }

    /// Someone saved the group since the form was loaded: the form again with what this person typed
    /// (name, aliases, members) and the newer version.
    static func conflict(_ req: Request, groupID: UUID, mine: GroupForm) async throws -> Response {
        guard let current = try await AgencyGroup.find(groupID, on: req.db) else { throw Abort(.notFound) }
        var form = mine
        form.version = String(current.version)
        return try await renderForm(req, group: current, form: form, problems: ["form": "group.error.conflict"])
            .encodeResponse(status: .conflict, for: req)
    }

    // MARK: Checking and saving

    /// Field → translation key of what is wrong.
    static func problems(_ form: GroupForm, existing: AgencyGroup?, on db: any Database) async throws -> [String:
        String]
    {
        var problems: [String: String] = [:]
        let name = AgencyForm.trimmed(form.name)
        if name == nil { problems["name"] = "group.error.name" }
        let code = code(of: form)
        if code.isEmpty && name == nil {
            // Said once, on the name.
        } else if !DirectoryFormSupport.isValidCode(code) {
            problems["code"] = "group.error.code"
        } else if let other = try await AgencyGroup.query(on: db).filter(\.$code == code).first(),
            other.id != existing?.id
        {
            problems["code"] = "group.error.code_taken"
        } else if try await Agency.query(on: db).filter(\.$code == code).first() != nil {
            problems["code"] = "group.error.code_agency"
        }
        if AgencyForm.lines(form.aliases).contains(where: { $0.contains(AgencyCSV.separator) }) {
            problems["aliases"] = "group.error.separator"
        }
        let wanted = form.memberIDs
        if wanted.count != (form.members ?? []).filter({ !$0.isEmpty }).count {
            problems["members"] = "group.error.members"
        } else if !wanted.isEmpty {
            let found = try await Agency.query(on: db).filter(\.$id ~~ Array(wanted)).count()
            if found != wanted.count { problems["members"] = "group.error.members" }
        }
        return problems
    }

    /// The code as given, or made from the name when left empty.
    static func code(of form: GroupForm) -> String {
        let given = AgencyForm.trimmed(form.code)?.lowercased() ?? ""
        return given.isEmpty ? DirectoryFormSupport.code(from: form.name ?? "") : given
    }

    static func apply(_ form: GroupForm, to group: AgencyGroup) {
        group.name = AgencyForm.trimmed(form.name) ?? ""
        group.code = code(of: form)
        group.aliases = AgencyForm.lines(form.aliases)
        group.refreshKeys()
    }

    /// Adds and removes memberships so that the group has exactly `wanted` (each change audited).
    static func setMembers(of group: AgencyGroup, to wanted: Set<UUID>, on db: any Database, by audit: AuditContext)
        async throws
    {
        let id = try group.requireID()
        var existing = Dictionary(
            try await AgencyGroupMember.query(on: db).filter(\.$group.$id == id).all().map { ($0.$agency.id, $0) }
        ) { a, _ in a }
        for agencyID in wanted.sorted(by: { $0.uuidString < $1.uuidString })
        where existing.removeValue(forKey: agencyID) == nil {
            try await AgencyGroupMember(groupID: id, agencyID: agencyID).auditedCreate(on: db, by: audit)
        }
        for member in existing.values { try await member.auditedDelete(on: db, by: audit) }
    }

    // MARK: Form page

    private static func find(_ req: Request) async throws -> AgencyGroup {
        guard let group = try await AgencyGroup.find(req.recordID(), on: req.db) else { throw Abort(.notFound) }
        return group
    }

    /// Checkboxes of the current agencies, one fieldset per kind; members that are no longer current stay
    /// listed (checked) in a last fieldset, so saving never drops them unseen.
    private static func renderForm(_ req: Request, group: AgencyGroup?, form: GroupForm, problems: [String: String])
        async throws -> View
    {
        let agencies = try await DirectoryLoader(db: req.db).agencies()
        let selected = form.memberIDs
        func option(_ agency: Agency) -> AccountController.Option {
            AccountController.Option(
                value: agency.id!.uuidString, label: agency.officialName, selected: selected.contains(agency.id!))
        }
        var byKind: [String: [Agency]] = [:]
        for agency in agencies where agency.isCurrent(on: req.today) { byKind[agency.kind, default: []].append(agency) }
        var sections = AgencyKind.allCases.compactMap { kind -> FormPage.Section? in
            guard let members = byKind[kind.rawValue], !members.isEmpty else { return nil }
            return FormPage.Section(
                id: "kind-\(kind.rawValue)", legend: req.t("agency.kind.\(kind.rawValue)"), options: members.map(option)
            )
        }
        let former = agencies.filter { !$0.isCurrent(on: req.today) && selected.contains($0.id!) }
        if !former.isEmpty {
            sections.append(
                FormPage.Section(id: "former", legend: req.t("group.members.former"), options: former.map(option)))
        }
        let page = FormPage(
            layout: req.layout(titleKey: group == nil ? "group.new.title" : "group.edit.title"),
            action: group.flatMap { $0.id.map { SiteURL.agencyGroup($0).path } } ?? SiteURL.agencyGroups.path,
            cancel: group.flatMap { $0.id.map { SiteURL.agencyGroup($0).path } } ?? SiteURL.agencyGroups.path,
            isNew: group == nil, form: form, sections: sections, selectedCount: selected.count,
            errors: problems.mapValues { req.t($0) })
        return try await req.view.render("groups/form", page)
    }
}
