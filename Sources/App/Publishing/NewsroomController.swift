import Fluent
import Foundation
import TTDNKit
import Vapor

/// The newsroom's list of articles (newest work first, by state, topic and channel) and the form for a new one.
enum NewsroomController {
    struct IndexPage: Encodable {
        struct Chip: Encodable {
            let tag: String
            let name: String
            let status: String
            let statusLabel: String
            let href: String?
        }

        struct Row: Encodable {
            let title: String
            let href: String
            let channel: String
            let state: String
            let stateLabel: String
            /// New text in the works while an earlier revision is on the site.
            let alsoLive: Bool
            let updated: String
            let chips: [Chip]
        }

        let layout: LayoutContext
        let canWrite: Bool
        let states: [SelectOption]
        let topics: [SelectOption]
        let channels: [SelectOption]
        let rows: [Row]?
        let showing: String?
        let previousPage: String?
        let nextPage: String?
    }

    static let pageSize = 50

    @Sendable static func index(req: Request) async throws -> View {
        let catalog = try await NewsroomCatalog.load(on: req.db)
        let state = req.query[String.self, at: "state"].flatMap(EditorialState.init(rawValue:))
        let topic = req.query[String.self, at: "topic"].flatMap(UUID.init(uuidString:))
        let channel = req.query[String.self, at: "channel"].flatMap(PromotionChannel.init(rawValue:))
        let page = max(1, min(req.query[Int.self, at: "page"] ?? 1, 10_000))

        var query = ArticleVersion.query(on: req.db).filter(\.$language == SiteLanguage.source.tag)
        if let state { query = query.filter(\.$state == state.rawValue) }
        if topic != nil || channel != nil {
            var articles = Article.query(on: req.db)
            if let channel { articles = articles.filter(\.$channel == channel.rawValue) }
            var ids = try await articles.all(\.$id)
            if let topic {
                let filed = Set(
                    try await ArticleTopic.query(on: req.db).filter(\.$topic.$id == topic).all(\.$article.$id))
                ids = ids.filter { filed.contains($0) }
            }
            query = query.filter(\.$article.$id ~~ ids)
        }
        let total = try await query.count()
        let sources = try await query.sort(\.$updatedAt, .descending).range((page - 1) * pageSize..<page * pageSize)
            .all()
        let articleIDs = sources.map(\.$article.id)
        let articles = Dictionary(
            try await Article.query(on: req.db).filter(\.$id ~~ articleIDs).all().compactMap { a in a.id.map { ($0, a) }
            },
            uniquingKeysWith: { a, _ in a })
        let translations = Dictionary(
            grouping: try await ArticleVersion.query(on: req.db).filter(\.$article.$id ~~ articleIDs)
                .filter(\.$language != SiteLanguage.source.tag).all(), by: { $0.$article.id })

        let rows: [IndexPage.Row] = sources.compactMap { source in
            guard let id = source.id, let article = articles[source.$article.id] else { return nil }
            let chips = catalog.targets.map { language -> IndexPage.Chip in
                let version = translations[source.$article.id]?.first { $0.language == language.tag }
                let status = TranslationStatus.of(
                    version.map {
                        .init(state: $0.editorialState, sourceRevision: $0.sourceRevision ?? 0)
                    }, lastSignificant: article.lastSignificant)
                return IndexPage.Chip(
                    tag: language.tag, name: catalog.languageName(language.tag, req), status: status.rawValue,
                    statusLabel: req.t("translation.status.\(status.rawValue)"),
                    href: version?.id.map { SiteURL.articleVersion($0).path })
            }
            return IndexPage.Row(
                title: source.title, href: SiteURL.articleVersion(id).path,
                channel: req.t("channel.\(article.channel)"),
                state: source.state, stateLabel: req.t("editorial.state.\(source.state)"),
                alsoLive: source.isPublic && source.editorialState != .published,
                updated: source.updatedAt.map { Formatting.dateTime($0, req.locale) } ?? "", chips: chips)
        }
        func pageLink(_ n: Int) -> String {
            var items = ["page": String(n)]
            if let state { items["state"] = state.rawValue }
            if let topic { items["topic"] = topic.uuidString }
            if let channel { items["channel"] = channel.rawValue }
            return SiteURL.articles.with(items)
        }
        let first = (page - 1) * pageSize
        return try await req.view.render(
            "newsroom/index",
            IndexPage(
                layout: req.layout(titleKey: "newsroom.title"),
                canWrite: Policy.mayWriteArticle(req.auth.get(User.self)?.actor, translation: false),
                states: [SelectOption(value: "", label: req.t("newsroom.filter.any_state"), selected: state == nil)]
                    + EditorialState.allCases.map {
                        SelectOption(
                            value: $0.rawValue, label: req.t("editorial.state.\($0.rawValue)"), selected: $0 == state)
                    },
                topics: [SelectOption(value: "", label: req.t("newsroom.filter.any_topic"), selected: topic == nil)]
                    + catalog.topicOptions(selected: Set(topic.map { [$0] } ?? [])),
                channels: [
                    SelectOption(value: "", label: req.t("newsroom.filter.any_channel"), selected: channel == nil)
                ] + NewsroomCatalog.channelOptions(req, selected: channel?.rawValue),
                rows: rows.nonEmpty,
                showing: total > 0 ? "\(first + 1)–\(first + rows.count) / \(total)" : nil,
                previousPage: page > 1 ? pageLink(page - 1) : nil,
                nextPage: first + rows.count < total ? pageLink(page + 1) : nil))
    }
}
