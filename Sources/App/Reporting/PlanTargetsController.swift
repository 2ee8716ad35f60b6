import Fluent
import Foundation
import TTDNKit
import Vapor

/// One screen per plan to say which tasks feed which indicators, and their targets for the year.
enum PlanTargetsController {
    struct Page: Encodable {
        struct Cell: Encodable {
            let name: String
            let linked: Bool
            let target: String?
            let label: String
        }

        struct Row: Encodable {
            let id: String
            let ref: String
            let title: String
            let depth: Int
            let cells: [Cell]
        }

        let layout: LayoutContext
        let planTitle: String
        let planHref: String
        let action: String
        /// `Plan.targetsVersion` when the page was loaded: one versioned write guards the whole grid.
        let version: Int
        let indicators: [String]?
        let rows: [Row]?
        let indicatorsHref: String
        let error: String?
    }

    @Sendable static func show(req: Request) async throws -> View {
        try await req.view.render("reports/targets", page(req, planID: req.recordID(), error: nil))
    }

    /// The page; `typed` (a refused save) puts back what was ticked and typed, with the version now stored.
    static func page(_ req: Request, planID: UUID, error: String?, typed: Form? = nil) async throws -> Page {
        guard let plan = try await Plan.find(planID, on: req.db) else { throw Abort(.notFound) }
        let tree = try await req.planTree(planID)
        let indicators = try await Indicator.query(on: req.db).filter(\.$active == true).sort(\.$position).all()
        let ids = tree.nodes.compactMap { $0.task.id }
        let links = ids.isEmpty ? [] : try await TaskIndicator.query(on: req.db).filter(\.$task.$id ~~ ids).all()
        let byPair = Dictionary(links.map { ("\($0.$task.id)|\($0.$indicator.id)", $0) }) { a, _ in a }
        return Page(
            layout: req.layout(titleKey: "targets.title"), planTitle: plan.title, planHref: SiteURL.plan(planID).path,
            action: SiteURL.planTargets(planID).path, version: plan.targetsVersion ?? 0,
            indicators: indicators.map { "\($0.name) (\($0.unit))" }.nonEmpty,
            rows: tree.nodes.map { node in
                let t = node.task.id!
                return Page.Row(
                    id: t.uuidString, ref: node.task.ref, title: node.task.title, depth: node.depth,
                    cells: indicators.map { i in
                        let link = byPair["\(t)|\(i.id!)"]
                        let linked = typed.map { $0.link?[t.uuidString]?[i.id!.uuidString] != nil } ?? (link != nil)
                        let target =
                            typed.map { $0.target?[t.uuidString]?[i.id!.uuidString] }
                            ?? link?.target.map(IndicatorAggregation.format)
                        return Page.Cell(
                            name: "\(t.uuidString)][\(i.id!.uuidString)", linked: linked, target: target,
                            label: "\(node.task.ref) · \(i.name)")
                    })
            }.nonEmpty,
            indicatorsHref: SiteURL.indicators.path, error: error)
    }

    struct Form: Decodable {
        var link: [String: [String: String]]?
        var target: [String: [String: String]]?
        var version: Int?
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let planID = try req.recordID()
        let form = try req.content.decode(Form.self)
        let tree = try await PlanTaskTree.load(planID: planID, on: req.db)
        let indicators = try await Indicator.query(on: req.db).filter(\.$active == true).all()
        let ids = tree.nodes.compactMap { $0.task.id }
        let links = ids.isEmpty ? [] : try await TaskIndicator.query(on: req.db).filter(\.$task.$id ~~ ids).all()
        let byPair = Dictionary(links.map { ("\($0.$task.id)|\($0.$indicator.id)", $0) }) { a, _ in a }
        // Read everything first: one bad target saves nothing.
        var wanted: [(UUID, UUID, Double?)] = []
        for t in ids {
            for i in indicators.compactMap(\.id) {
                guard form.link?[t.uuidString]?[i.uuidString] != nil else { continue }
                let raw = (FormText.value(form.target?[t.uuidString]?[i.uuidString]) ?? "").replacingOccurrences(
                    of: ",", with: ".")
                if raw.isEmpty {
                    wanted.append((t, i, nil))
                } else if let v = Double(raw), v >= 0, v.isFinite {
                    wanted.append((t, i, v))
                } else {
                    return try await req.view.render(
                        "reports/targets", page(req, planID: planID, error: req.t("targets.error.value"), typed: form)
                    )
                    .encodeResponse(status: .badRequest, for: req)
                }
            }
        }
        let wantedKeys = Set(wanted.map { "\($0.0)|\($0.1)" })
        let chosen = wanted
        func conflict() async throws -> Response {
            try await req.view.render(
                "reports/targets", page(req, planID: planID, error: req.t("targets.error.conflict"), typed: form)
            )
            .encodeResponse(status: .conflict, for: req)
        }
        guard let expected = form.version else { return try await conflict() }
        do {
            try await save(
                planID: planID, expected: expected, links: links, chosen: chosen, on: req.db, by: req.auditContext,
                indicators: indicators, byPair: byPair, wantedKeys: wantedKeys)
        } catch is VersionConflict {
            return try await conflict()
        }
        req.flash(.success, req.t("targets.saved"))
        return req.redirect(to: SiteURL.planTargets(planID).path)
    }

    /// The grid's versioned write: the plan's `targets_version` is claimed first, then the links change,
    /// all in one transaction. The links read before are still the stored ones once the claim holds
    /// (only this write changes them).
    static func save(
        planID: UUID, expected: Int, links: [TaskIndicator], chosen: [(UUID, UUID, Double?)], on db: any Database,
        by audit: AuditContext, indicators: [Indicator], byPair: [String: TaskIndicator], wantedKeys: Set<String>
    ) async throws {
        try await db.transaction { tx in
            try await VersionedWrite.claim(
                Plan.schema, id: planID, expected: expected, column: "targets_version", on: tx)
            for link in links
            where !wantedKeys.contains("\(link.$task.id)|\(link.$indicator.id)")
                && indicators.contains(where: { $0.id == link.$indicator.id })
            {
                try await link.auditedDelete(on: tx, by: audit)
            }
            for (t, i, target) in chosen {
                if let link = byPair["\(t)|\(i)"] {
                    if link.target != target {
                        try await link.auditedUpdate(on: tx, by: audit) { $0.target = target }
                    }
                } else {
                    let link = TaskIndicator()
                    link.$task.id = t
                    link.$indicator.id = i
                    link.target = target
                    try await link.auditedCreate(on: tx, by: audit)
                }
            }
        }
    }
}
