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
        let indicators: [String]?
        let rows: [Row]?
        let indicatorsHref: String
        let error: String?
    }

    @Sendable static func show(req: Request) async throws -> View {
        try await req.view.render("reports/targets", page(req, planID: req.recordID(), error: nil))
    }

    static func page(_ req: Request, planID: UUID, error: String?) async throws -> Page {
        guard let plan = try await Plan.find(planID, on: req.db) else { throw Abort(.notFound) }
        let tree = try await req.planTree(planID)
        let indicators = try await Indicator.query(on: req.db).filter(\.$active == true).sort(\.$position).all()
        let ids = tree.nodes.compactMap { $0.task.id }
        let links = ids.isEmpty ? [] : try await TaskIndicator.query(on: req.db).filter(\.$task.$id ~~ ids).all()
        let byPair = Dictionary(links.map { ("\($0.$task.id)|\($0.$indicator.id)", $0) }) { a, _ in a }
        return Page(
            layout: req.layout(titleKey: "targets.title"), planTitle: plan.title, planHref: SiteURL.plan(planID).path,
            action: SiteURL.planTargets(planID).path, indicators: indicators.map { "\($0.name) (\($0.unit))" }.nonEmpty,
            rows: tree.nodes.map { node in
                let t = node.task.id!
                return Page.Row(
                    id: t.uuidString, ref: node.task.ref, title: node.task.title, depth: node.depth,
                    cells: indicators.map { i in
                        let link = byPair["\(t)|\(i.id!)"]
                        return Page.Cell(
                            name: "\(t.uuidString)][\(i.id!.uuidString)", linked: link != nil,
                            target: link?.target.map(IndicatorAggregation.format),
                            label: "\(node.task.ref) · \(i.name)")
                    })
            }.nonEmpty,
            indicatorsHref: SiteURL.indicators.path, error: error)
    }

    struct Form: Decodable {
        var link: [String: [String: String]]?
        var target: [String: [String: String]]?
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
                        "reports/targets", page(req, planID: planID, error: req.t("targets.error.value"))
                    )
                    .encodeResponse(status: .badRequest, for: req)
                }
            }
        }
        let wantedKeys = Set(wanted.map { "\($0.0)|\($0.1)" })
        let chosen = wanted
        try await req.db.transaction { tx in
            for link in links
            where !wantedKeys.contains("\(link.$task.id)|\(link.$indicator.id)")
                && indicators.contains(where: { $0.id == link.$indicator.id })
            {
                try await link.auditedDelete(on: tx, by: req.auditContext)
            }
            for (t, i, target) in chosen {
                if let link = byPair["\(t)|\(i)"] {
                    if link.target != target {
                        try await link.auditedUpdate(on: tx, by: req.auditContext) { $0.target = target }
                    }
                } else {
                    let link = TaskIndicator()
                    link.$task.id = t
                    link.$indicator.id = i
                    link.target = target
                    try await link.auditedCreate(on: tx, by: req.auditContext)
                }
            }
        }
        req.flash(.success, req.t("targets.saved"))
        return req.redirect(to: SiteURL.planTargets(planID).path)
    }
}
