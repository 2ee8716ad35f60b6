import Fluent
import Foundation
import TTDNKit
import Vapor

extension ArticleVersionPage {
    /// The plan tasks the article counts toward: those linked, and, for those who may link, the tasks ttdn
    /// proposes (with why) and every other task of the plans in force.
    struct PlanLinks: Encodable {
        struct Linked: Encodable {
            let linkID: String
            let ref: String
            let title: String
            let plan: String
            let href: String
        }

        struct Proposed: Encodable {
            let taskID: String
            let ref: String
            let title: String
            let plan: String
            let why: String
        }

        let action: String
        let from: String
        let linked: [Linked]?
        let proposed: [Proposed]?
        let others: [SelectOption]?
        let canEdit: Bool
    }

    /// How many proposals are shown: the best few are what an editor reads.
    static let proposalCount = 5

    static func planLinks(
        _ req: Request, article: Article, versions: [ArticleVersion], from versionID: UUID, catalog: NewsroomCatalog
    ) async throws -> PlanLinks {
        let articleID = try article.requireID()
        let canEdit = Policy.mayLinkOutputs(req.auth.get(User.self)?.actor)
        let linked = try await OutputLinks.linked(.article, articleID, on: req.db)
        let linkedTasks = Set(linked.compactMap(\.task.id))
        var proposed: [PlanLinks.Proposed] = []
        var others: [SelectOption] = []
        if canEdit {
            let source = versions.first { $0.isSource } ?? versions.first
            // The languages it is read in: those on the site, else those written.
            let shown = versions.filter(\.isPublic).isEmpty ? versions : versions.filter(\.isPublic)
            let output = EvidenceMatcher.Output(
                channel: .article, title: source?.title ?? "",
                languages: shown.compactMap { catalog.language($0.language)?.vietnameseName })
            let candidates = try await OutputLinks.candidates(for: output, today: req.today, on: req.db)
                .filter { $0.task.id.map { !linkedTasks.contains($0) } ?? false }
            for candidate in candidates {
                guard let taskID = candidate.task.id?.uuidString else { continue }
                if let proposal = candidate.proposal, proposed.count < proposalCount {
                    proposed.append(
                        .init(
                            taskID: taskID, ref: candidate.task.ref, title: candidate.task.title,
                            plan: candidate.plan.title,
                            why: proposal.reasons.map { req.t("outputs.reason.\($0.rawValue)") }.joined(separator: "; ")
                        ))
                } else {
                    others.append(
                        SelectOption(
                            value: taskID,
                            label: "\(candidate.task.ref) \(candidate.task.title) — \(candidate.plan.title)",
                            selected: false))
                }
            }
        }
        return PlanLinks(
            action: SiteURL.articleLinks(articleID).path, from: versionID.uuidString,
            linked: linked.compactMap { item in
                guard let linkID = item.link.id, let taskID = item.task.id else { return nil }
                return .init(
                    linkID: linkID.uuidString, ref: item.task.ref, title: item.task.title, plan: item.plan.title,
                    href: SiteURL.task(taskID).path)
            }.nonEmpty,
            proposed: proposed.nonEmpty, others: others.nonEmpty, canEdit: canEdit)
    }
}
