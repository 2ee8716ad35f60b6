import Fluent
import Foundation
import TTDNKit
import Vapor

/// Links an article to a plan task it counts toward, or removes a link, from the article's page in the
/// newsroom; back to the language version the editor came from.
enum ArticleLinksController {
    struct Form: Content {
        var action: String?
        var task_id: String?
        var link_id: String?
        var from: String?
    }

    @Sendable static func save(req: Request) async throws -> Response {
        guard let user = req.auth.get(User.self), Policy.mayLinkOutputs(user.actor) else { throw Abort(.forbidden) }
        guard let articleID = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let article = try await Article.find(articleID, on: req.db)
        else { throw Abort(.notFound) }
        let form = try req.content.decode(Form.self)
        // Back to the version the editor came from when it is one of this article's, else to its source.
        let versions = try await ArticleVersion.query(on: req.db).filter(\.$article.$id == articleID).all()
        let from = form.from.flatMap(UUID.init(uuidString:)).flatMap { id in versions.first { $0.id == id } }
        guard let back = (from ?? versions.first { $0.isSource } ?? versions.first)?.id else { throw Abort(.notFound) }
        let links = OutputLinks(db: req.db, audit: req.auditContext)
        switch form.action {
        case "link":
            guard let taskID = form.task_id.flatMap(UUID.init(uuidString:)),
                let task = try await PlanTask.find(taskID, on: req.db)
            else {
                req.flash(.error, req.t("outputs.error.task"))
                return req.redirect(to: SiteURL.articleVersion(back).path)
            }
            try await links.link(.article, try article.requireID(), to: taskID, by: user.id)
            req.flash(.success, req.t("outputs.linked", "\(task.ref) \(task.title)"))
        case "unlink":
            guard let linkID = form.link_id.flatMap(UUID.init(uuidString:)),
                try await links.unlink(linkID, of: .article, articleID)
            else {
                req.flash(.error, req.t("outputs.error.link"))
                return req.redirect(to: SiteURL.articleVersion(back).path)
            }
            req.flash(.success, req.t("outputs.unlinked"))
        default:
            throw Abort(.badRequest)
        }
        return req.redirect(to: SiteURL.articleVersion(back).path)
    }
}
