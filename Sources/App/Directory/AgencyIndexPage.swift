import TTDNKit
import Vapor

/// The directory page: the tree of current agencies, or a flat list of search results.
struct AgencyIndexPage: Encodable {
    struct Row: Encodable {
        let href: String
        let name: String
        let shortName: String?
        let kind: String
        let depth: Int
        let current: Bool
        let validTo: String?
        /// What a merged or dissolved agency became (its current successor), with its page.
        var became: String?
        var becameHref: String?
    }

    let layout: LayoutContext
    let rows: [Row]?
    let query: String
    let kinds: [AccountController.Option]
    let showAll: Bool
    let canEdit: Bool
    let count: Int
    let searching: Bool

    static func row(_ agency: Agency, depth: Int, req: Request) -> Row {
        Row(
            href: SiteURL.agency(agency.id!).path, name: agency.officialName, shortName: agency.shortName,
            kind: req.t("agency.kind.\(agency.kind)"), depth: min(depth, 6), current: agency.isCurrent(on: req.today),
            validTo: Formatting.date(iso: agency.validTo, req.locale))
    }

    /// Search results: current agencies first, then former ones, each former one with what it became.
    static func flatRows(_ agencies: [Agency], req: Request, names: PlanAgencyNames) -> [Row] {
        let today = req.today
        return agencies.sorted { ($0.isCurrent(on: today) ? 0 : 1) < ($1.isCurrent(on: today) ? 0 : 1) }.map {
            agency in
            var row = row(agency, depth: 0, req: req)
            if !row.current, let id = agency.id {
                let successor = names.current(id)
                if successor != id {
                    row.became = names.name(of: successor)
                    row.becameHref = SiteURL.agency(successor).path
                }
            }
            return row
        }
    }

    /// Depth-first, children under their parent, each level in dictionary order. An agency whose
    /// parent is filtered out is shown at the top level, so nothing disappears.
    static func treeRows(_ agencies: [Agency], req: Request) -> [Row] {
        let ids = Set(agencies.compactMap(\.id))
        var children: [UUID: [Agency]] = [:]
        var roots: [Agency] = []
        for agency in agencies {
            if let parent = agency.$parent.id, ids.contains(parent) {
                children[parent, default: []].append(agency)
            } else {
                roots.append(agency)
            }
        }
        var rows: [Row] = []
        var visited = Set<UUID>()
        func visit(_ agency: Agency, depth: Int) {
            guard let id = agency.id, visited.insert(id).inserted else { return }
            rows.append(row(agency, depth: depth, req: req))
            for child in children[id] ?? [] { visit(child, depth: depth + 1) }
        }
        for root in roots { visit(root, depth: 0) }
        return rows
    }

    static func kindOptions(_ req: Request, selected: String?) -> [AccountController.Option] {
        AgencyKind.allCases.map {
            .init(value: $0.rawValue, label: req.t("agency.kind.\($0.rawValue)"), selected: $0.rawValue == selected)
        }
    }
}
