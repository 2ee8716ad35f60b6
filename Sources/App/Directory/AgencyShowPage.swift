import Fluent
import TTDNKit
import Vapor

/// One agency: names, place in the tree, validity, what it came from and what it became.
struct AgencyShowPage: Encodable {
    struct Link: Encodable {
        let href: String
        let name: String
        let note: String?
    }

    let layout: LayoutContext
    let name: String
    let shortName: String?
    let code: String
    let kind: String
    let parent: Link?
    let children: [Link]?
    let aliases: [String]?
    let abbreviations: [String]?
    let validFrom: String?
    let validTo: String?
    let current: Bool
    let successors: [Link]?
    let predecessors: [Link]?
    let groups: [Link]?
    let editHref: String?
    let mergeHref: String?
    let newChildHref: String?

    static func load(req: Request, id: UUID) async throws -> AgencyShowPage {
        guard let agency = try await Agency.query(on: req.db).filter(\.$id == id).with(\.$parent).first() else {
            throw Abort(.notFound)
        }
        let children = try await Agency.query(on: req.db).filter(\.$parent.$id == id).sort(\.$sortKey).all()
        let onward = try await AgencySuccession.query(on: req.db).filter(\.$predecessor.$id == id).with(\.$successor)
            .all()
        let earlier = try await AgencySuccession.query(on: req.db).filter(\.$successor.$id == id).with(\.$predecessor)
            .all()
        let memberships = try await AgencyGroupMember.query(on: req.db).filter(\.$agency.$id == id).with(\.$group).all()
        let locale = req.locale
        func note(_ succession: AgencySuccession) -> String {
            req.t("agency.succession.\(succession.kind)") + " · "
                + (Formatting.date(iso: succession.effective, locale) ?? succession.effective)
        }
        let canEdit = Policy.allows(req.auth.get(User.self)?.actor, .editDirectory)
        return AgencyShowPage(
            layout: req.layout(title: agency.officialName), name: agency.officialName, shortName: agency.shortName,
            code: agency.code, kind: req.t("agency.kind.\(agency.kind)"),
            parent: agency.parent.map { Link(href: SiteURL.agency($0.id!).path, name: $0.officialName, note: nil) },
            children: children.map {
                Link(
                    href: SiteURL.agency($0.id!).path, name: $0.officialName,
                    note: $0.isCurrent(on: req.today) ? nil : req.t("agency.former"))
            }.nonEmpty,
            aliases: agency.aliases.nonEmpty, abbreviations: agency.abbreviations.nonEmpty,
            validFrom: Formatting.date(iso: agency.validFrom, locale),
            validTo: Formatting.date(iso: agency.validTo, locale),
            current: agency.isCurrent(on: req.today),
            successors: onward.map {
                Link(href: SiteURL.agency($0.successor.id!).path, name: $0.successor.officialName, note: note($0))
            }.nonEmpty,
            predecessors: earlier.map {
                Link(href: SiteURL.agency($0.predecessor.id!).path, name: $0.predecessor.officialName, note: note($0))
            }.nonEmpty,
            groups: memberships.map {
                Link(href: SiteURL.agencyGroup($0.group.id!).path, name: $0.group.name, note: nil)
            }.nonEmpty,
            editHref: canEdit ? SiteURL.agencyEdit(id).path : nil,
            mergeHref: canEdit && agency.isCurrent(on: req.today) ? SiteURL.agencyMerge(id).path : nil,
            newChildHref: canEdit ? SiteURL.agencyNew.with(["parent": id.uuidString]) : nil)
    }
}
