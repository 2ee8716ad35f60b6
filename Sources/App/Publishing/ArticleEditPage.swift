import Fluent
import Foundation
import TTDNKit
import Vapor

/// The writing form: a new article, or a language version's text with, for a translation, the source beside
/// it. After a conflict the form keeps what this person typed and shows what the other saved, with the
/// difference.
struct ArticleEditPage: Encodable {
    struct Source: Encodable {
        let title: String
        let summary: String?
        let body: String
        let revision: Int
        let lang: String
    }

    struct Theirs: Encodable {
        let by: String
        let title: String
        let diff: [DiffSegment]
    }

    struct DiffSegment: Encodable {
        let kind: String
        let text: String
    }

    let layout: LayoutContext
    let action: String
    let cancel: String
    let isNew: Bool
    let isSource: Bool
    let lang: String
    let languageName: String
    let form: ArticleForm
    let errors: [String: String]
    let channels: [SelectOption]?
    let topics: [SelectOption]?
    let slugFixed: Bool
    let hasTranslations: Bool
    let source: Source?
    let theirs: Theirs?

    static func render(
        _ req: Request, version: ArticleVersion?, form: ArticleForm, problems: [String: String],
        theirs: ArticleVersion? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let catalog = try await NewsroomCatalog.load(on: req.db)
        let isNew = version == nil
        let lang = version?.language ?? SiteLanguage.source.tag
        var source: Source?
        var hasTranslations = false
        if let version, let articleID = Optional(version.$article.id) {
            if !version.isSource,
                let original = try await ArticleVersion.query(on: req.db).filter(\.$article.$id == articleID)
                    .filter(\.$language == SiteLanguage.source.tag).first()
            {
                source = Source(
                    title: original.title, summary: original.summary.isEmpty ? nil : original.summary,
                    body: original.body,
                    revision: original.revision, lang: original.language)
            }
            if version.isSource {
                let count = try await ArticleVersion.query(on: req.db).filter(\.$article.$id == articleID)
                    .filter(\.$language != SiteLanguage.source.tag).count()
                hasTranslations = count > 0
            }
        }
        let title: String
        if let version {
            title = req.t("article.edit.title", catalog.languageName(version.language, req))
        } else {
            title = req.t("article.new.title")
        }
        let page = ArticleEditPage(
            layout: req.layout(title: title),
            action: version.flatMap { $0.id.map { SiteURL.articleVersion($0).path } } ?? SiteURL.articles.path,
            cancel: version.flatMap { $0.id.map { SiteURL.articleVersion($0).path } } ?? SiteURL.articles.path,
            isNew: isNew, isSource: version?.isSource ?? true, lang: lang,
            languageName: catalog.languageName(lang, req), form: form,
            errors: problems.mapValues { req.t($0) },
            channels: isNew ? NewsroomCatalog.channelOptions(req, selected: form.channel) : nil,
            topics: isNew ? catalog.topicOptions(selected: Set(form.topicIDs)) : nil,
            slugFixed: version?.firstPublishedAt != nil, hasTranslations: hasTranslations, source: source,
            theirs: theirs.map { saved in
                let mine = form.text.normalized
                return Theirs(
                    by: saved.updatedBy, title: saved.title,
                    diff: TextDiff.words(
                        [saved.title, saved.summary, saved.body].joined(separator: "\n\n"),
                        [mine.title, mine.summary, mine.body].joined(separator: "\n\n")
                    ).map { DiffSegment(kind: $0.kind.rawValue, text: $0.text) })
            })
        return try await page.encodeResponse(for: req, view: "newsroom/edit", status: status)
    }

    func encodeResponse(for req: Request, view: String, status: HTTPStatus) async throws -> Response {
        let response = try await req.view.render(view, self).encodeResponse(for: req)
        response.status = status
        return response
    }
}
