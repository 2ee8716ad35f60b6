import Fluent
import Foundation
import TTDNKit
import Vapor

/// Writing: a new article, a language version's new text, the article's channel and topics, and starting
/// a translation. Every save goes through `ArticleDesk`.
enum ArticleEditController {
    @Sendable static func new(req: Request) async throws -> Response {
        try require(req, translation: false)
        var form = ArticleForm()
        form.channel = PromotionChannel.websites.rawValue
        return try await ArticleEditPage.render(req, version: nil, form: form, problems: [:])
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try require(req, translation: false)
        let form = try req.content.decode(ArticleForm.self)
        guard let channel = form.channel.flatMap(PromotionChannel.init(rawValue:)) else {
            return try await ArticleEditPage.render(
                req, version: nil, form: form, problems: ["channel": "article.error.channel"], status: .badRequest)
        }
        do {
            let version = try await req.articleDesk.create(channel: channel, topics: form.topicIDs, text: form.text)
            req.flash(.success, req.t("article.created"))
            return req.redirect(to: SiteURL.articleVersion(try version.requireID()).path)
        } catch ArticleDesk.Failure.invalid(let field, let code) {
            return try await ArticleEditPage.render(
                req, version: nil, form: form, problems: [field: "article.error.\(code)"], status: .badRequest)
        }
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        let version = try await load(req)
        try require(req, translation: !version.isSource)
        guard version.editorialState.isEditable else {
            return req.redirect(to: SiteURL.articleVersion(try version.requireID()).path)
        }
        return try await ArticleEditPage.render(req, version: version, form: ArticleForm(version), problems: [:])
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let version = try await load(req)
        try require(req, translation: !version.isSource)
        let id = try version.requireID()
        let form = try req.content.decode(ArticleForm.self)
        guard let expected = form.version.flatMap({ Int($0) }) else {
            return try await conflict(req, version: version, form: form)
        }
        do {
            _ = try await req.articleDesk.save(
                id, expectedVersion: expected, text: form.text, slug: form.slug, significant: form.isSignificant,
                upToDate: form.isUpToDate, note: form.note ?? "")
            req.flash(.success, req.t("article.saved"))
            return req.redirect(to: SiteURL.articleVersion(id).path)
        } catch ArticleDesk.Failure.conflict {
            guard let fresh = try await ArticleVersion.find(id, on: req.db) else { throw Abort(.notFound) }
            return try await conflict(req, version: fresh, form: form)
        } catch ArticleDesk.Failure.invalid(let field, let code) {
            return try await ArticleEditPage.render(
                req, version: version, form: form, problems: [field: "article.error.\(code)"], status: .badRequest)
        } catch ArticleDesk.Failure.notAllowed {
            throw Abort(.forbidden)
        }
    }

    /// The form again with this person's text and the newer version number, and what the other person saved.
    static func conflict(_ req: Request, version: ArticleVersion, form: ArticleForm) async throws -> Response {
        var mine = form
        mine.version = String(version.version)
        return try await ArticleEditPage.render(
            req, version: version, form: mine, problems: ["form": "article.error.conflict"], theirs: version,
            status: .conflict)
    }

    struct FilingForm: Content {
        var channel: String?
        var topics: [String]?
        var version: String?
    }

    @Sendable static func file(req: Request) async throws -> Response {
        guard let article = try await Article.find(try req.recordID(), on: req.db) else { throw Abort(.notFound) }
        try require(req, translation: false)
        let form = try req.content.decode(FilingForm.self)
        let source = try await ArticleVersion.query(on: req.db).filter(\.$article.$id == article.requireID())
            .filter(\.$language == SiteLanguage.source.tag).first()
        let back = source.flatMap { $0.id.map { SiteURL.articleVersion($0).path } } ?? SiteURL.articles.path
        guard let channel = form.channel.flatMap(PromotionChannel.init(rawValue:)),
            let expected = form.version.flatMap({ Int($0) })
        else { throw Abort(.badRequest) }
        do {
            try await req.articleDesk.file(
                article, expectedVersion: expected, channel: channel,
                topics: (form.topics ?? []).compactMap(UUID.init(uuidString:)))
            req.flash(.success, req.t("article.filed"))
        } catch ArticleDesk.Failure.conflict {
            req.flash(.error, req.t("article.error.conflict"))
        } catch ArticleDesk.Failure.notAllowed {
            throw Abort(.forbidden)
        }
        return req.redirect(to: back)
    }

    struct TranslateForm: Content {
        var language: String?
    }

    @Sendable static func translate(req: Request) async throws -> Response {
        guard let article = try await Article.find(try req.recordID(), on: req.db) else { throw Abort(.notFound) }
        try require(req, translation: true)
        let language = try req.content.decode(TranslateForm.self).language ?? ""
        if let existing = try await ArticleVersion.query(on: req.db).filter(\.$article.$id == article.requireID())
            .filter(\.$language == language).first(), let id = existing.id
        {
            return req.redirect(to: SiteURL.articleVersionEdit(id).path)
        }
        do {
            let version = try await req.articleDesk.startTranslation(of: article, into: language)
            return req.redirect(to: SiteURL.articleVersionEdit(try version.requireID()).path)
        } catch ArticleDesk.Failure.invalid {
            throw Abort(.badRequest)
        } catch ArticleDesk.Failure.notAllowed {
            throw Abort(.forbidden)
        } catch ArticleDesk.Failure.conflict {
            return req.redirect(to: SiteURL.translations.path)
        }
    }

    /// Refuses (403) someone who may not write this kind of version, before any form is read.
    static func require(_ req: Request, translation: Bool) throws {
        guard Policy.mayWriteArticle(req.auth.get(User.self)?.actor, translation: translation) else {
            throw Abort(.forbidden)
        }
    }

    static func load(_ req: Request) async throws -> ArticleVersion {
        guard let version = try await ArticleVersion.find(try req.recordID(), on: req.db) else {
            throw Abort(.notFound)
        }
        return version
    }
}

extension Request {
    /// The desk acting as the signed-in user.
    var articleDesk: ArticleDesk {
        let user = auth.get(User.self)
        return ArticleDesk(
            db: db, audit: auditContext, actor: user?.actor, userID: user?.id, userName: user?.displayName ?? "—")
    }
}
