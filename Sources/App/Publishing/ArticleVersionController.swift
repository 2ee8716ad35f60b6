import Fluent
import Foundation
import TTDNKit
import Vapor

/// A language version's page in the newsroom, its editorial moves, its security check and the comparison of
/// two of its revisions.
enum ArticleVersionController {
    @Sendable static func show(req: Request) async throws -> View {
        let version = try await ArticleEditController.load(req)
        return try await req.view.render("newsroom/version", try await ArticleVersionPage.build(req, version: version))
    }

    struct MoveForm: Content {
        var move: String?
        var comment: String?
        var publish_at: String?
        var unpublish_at: String?
        var version: String?
    }

    @Sendable static func move(req: Request) async throws -> Response {
        let version = try await ArticleEditController.load(req)
        let id = try version.requireID()
        let back = SiteURL.articleVersion(id).path
        let form = try req.content.decode(MoveForm.self)
        guard let move = form.move.flatMap(EditorialMove.init(rawValue:)),
            let expected = form.version.flatMap({ Int($0) })
        else { throw Abort(.badRequest) }
        let publishAt = (form.publish_at ?? "").isEmpty ? nil : form.publish_at.flatMap(LocalDateTime.parse)
        let unpublishAt = (form.unpublish_at ?? "").isEmpty ? nil : form.unpublish_at.flatMap(LocalDateTime.parse)
        if move == .schedule, publishAt == nil {
            req.flash(.error, req.t("editorial.error.time"))
            return req.redirect(to: back)
        }
        if !(form.unpublish_at ?? "").isEmpty, unpublishAt == nil {
            req.flash(.error, req.t("editorial.error.time"))
            return req.redirect(to: back)
        }
        let catalog = try await NewsroomCatalog.load(on: req.db)
        do {
            _ = try await req.articleDesk.move(
                move, versionID: id, expectedVersion: expected, comment: form.comment ?? "", publishAt: publishAt,
                unpublishAt: unpublishAt, terms: catalog.terms)
            req.flash(.success, req.t("editorial.done.\(move.rawValue)"))
        } catch ArticleDesk.Failure.blocked(let blocks) {
            req.flash(.error, blocks.map { req.t("editorial.block.\($0.rawValue)") }.joined(separator: " "))
        } catch ArticleDesk.Failure.conflict {
            req.flash(.error, req.t("editorial.error.conflict"))
        } catch ArticleDesk.Failure.invalid(_, let code) {
            req.flash(.error, req.t("article.error.\(code)"))
        } catch ArticleDesk.Failure.notAllowed {
            throw Abort(.forbidden)
        }
        return req.redirect(to: back)
    }

    struct CheckForm: Content {
        var decision: String?
        var sign_off: String?
        var version: String?
    }

    @Sendable static func check(req: Request) async throws -> Response {
        let version = try await ArticleEditController.load(req)
        guard Policy.mayCheckSecurity(req.auth.get(User.self)?.actor) else { throw Abort(.forbidden) }
        let id = try version.requireID()
        let form = try req.content.decode(CheckForm.self)
        guard let decision = form.decision.flatMap(SecurityCheck.Decision.init(rawValue:)),
            let expected = form.version.flatMap({ Int($0) })
        else {
            req.flash(.error, req.t("security.error.decision"))
            return req.redirect(to: SiteURL.articleVersion(id).path)
        }
        let catalog = try await NewsroomCatalog.load(on: req.db)
        do {
            try await req.articleDesk.recordCheck(
                id, expectedVersion: expected, decision: decision, signOff: form.sign_off ?? "", terms: catalog.terms)
            req.flash(.success, req.t("security.recorded.\(decision.rawValue)"))
        } catch ArticleDesk.Failure.conflict {
            req.flash(.error, req.t("editorial.error.conflict"))
        } catch ArticleDesk.Failure.notAllowed {
            throw Abort(.forbidden)
        }
        return req.redirect(to: SiteURL.articleVersion(id).path)
    }

    struct DiffPage: Encodable {
        let layout: LayoutContext
        let back: String
        let from: Int
        let to: Int
        let paragraphs: [ArticleVersionPage.Paragraph]
        let options: [SelectOption]
        let toOptions: [SelectOption]
        let action: String
    }

    /// Any two revisions side by side, paragraph by paragraph with the changed words marked.
    @Sendable static func diff(req: Request) async throws -> View {
        let version = try await ArticleEditController.load(req)
        let id = try version.requireID()
        let revisions = try await ArticleRevision.query(on: req.db).filter(\.$version.$id == id).sort(\.$number).all()
        let last = revisions.last?.number ?? 1
        let to = min(max(req.query[Int.self, at: "to"] ?? last, 1), last)
        let from = min(max(req.query[Int.self, at: "from"] ?? (to - 1), 1), last)
        func text(_ n: Int) -> String {
            revisions.first { $0.number == n }.map { [$0.title, $0.summary, $0.body].joined(separator: "\n\n") } ?? ""
        }
        let paragraphs = TextDiff.paragraphs(text(from), text(to)).map {
            ArticleVersionPage.Paragraph(
                kind: $0.kind.rawValue, old: $0.old, new: $0.new,
                words: $0.words.map { .init(kind: $0.kind.rawValue, text: $0.text) })
        }
        func options(_ selected: Int) -> [SelectOption] {
            revisions.map {
                SelectOption(
                    value: String($0.number),
                    label: "#\($0.number) · \(Formatting.dateTime($0.createdAt, req.locale)) · \($0.authorName)",
                    selected: $0.number == selected)
            }
        }
        return try await req.view.render(
            "newsroom/diff",
            DiffPage(
                layout: req.layout(title: req.t("article.diff.title", version.title)),
                back: SiteURL.articleVersion(id).path, from: from, to: to, paragraphs: paragraphs,
                options: options(from), toOptions: options(to), action: SiteURL.articleVersionDiff(id).path))
    }
}
