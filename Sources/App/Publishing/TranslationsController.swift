import Fluent
import Foundation
import TTDNKit
import Vapor

/// The translators' work list: articles × languages, each cell missing, draft, in review, approved,
/// published, outdated or withdrawn (`TranslationStatus`); filtered by language and status, exported as CSV.
/// By default it shows what asks for work (missing, draft, outdated) in any language.
enum TranslationsController {
    struct Page: Encodable {
        struct Cell: Encodable {
            let column: String
            let status: String
            let label: String
            let href: String?
            let startLanguage: String?
        }

        struct Row: Encodable {
            let title: String
            let href: String
            let state: String
            let stateLabel: String
            let alsoLive: Bool
            let articleID: String
            let translateAction: String
            let cells: [Cell]
        }

        let layout: LayoutContext
        let columns: [String]
        let rows: [Row]?
        let languages: [SelectOption]
        let statuses: [SelectOption]
        let csvHref: String
        let showing: String?
        let nextPage: String?
        let previousPage: String?
        let canStart: Bool
        let unused: [SelectOption]?
    }

    /// The filter from the address: one language or all, one status, "needs-work" (the default) or all.
    struct Filter {
        var language: String?
        var status: String

        init(_ req: Request) {
            language = req.query[String.self, at: "language"].flatMap { $0.isEmpty ? nil : $0 }
            status = req.query[String.self, at: "status"] ?? "needs-work"
        }

        func admits(_ status: TranslationStatus) -> Bool {
            switch self.status {
            case "all": true
            case "needs-work": status.needsWork
            default: status.rawValue == self.status
            }
        }

        var query: [String: String] {
            var items = ["status": status]
            if let language { items["language"] = language }
            return items
        }
    }

    struct Matrix {
        var languages: [SiteLanguageRecord]
        var rows: [(source: ArticleVersion, article: Article, cells: [(TranslationStatus, ArticleVersion?)])]
        /// Languages with no translation yet, left out of the columns.
        var unused: [SiteLanguageRecord] = []
    }

    static func matrix(_ req: Request, filter: Filter) async throws -> Matrix {
        let catalog = try await NewsroomCatalog.load(on: req.db)
        // Without a language chosen, the columns are the languages someone translates into: those with at
        // least one version (the others would make every article "missing" nine times over).
        let used = Set(
            try await ArticleVersion.query(on: req.db).filter(\.$language != SiteLanguage.source.tag).unique()
                .all(\.$language))
        let languages = catalog.targets.filter {
            filter.language == nil ? used.contains($0.tag) : $0.tag == filter.language
        }
        // Archived sources and those found classified are not for translating.
        let sources = try await ArticleVersion.query(on: req.db).filter(\.$language == SiteLanguage.source.tag)
            .filter(\.$state != EditorialState.archived.rawValue).filter(\.$classified == false)
            .sort(\.$updatedAt, .descending).all()
        let articles = Dictionary(
            try await Article.query(on: req.db).all().compactMap { a in a.id.map { ($0, a) } },
            uniquingKeysWith: { a, _ in a })
        let translations = Dictionary(
            grouping: try await ArticleVersion.query(on: req.db).filter(\.$language != SiteLanguage.source.tag).all(),
            by: { $0.$article.id })
        var rows: [(ArticleVersion, Article, [(TranslationStatus, ArticleVersion?)])] = []
        for source in sources {
            guard let article = articles[source.$article.id] else { continue }
            let cells = languages.map { language -> (TranslationStatus, ArticleVersion?) in
                let version = translations[source.$article.id]?.first { $0.language == language.tag }
                let status = TranslationStatus.of(
                    version.map { .init(state: $0.editorialState, sourceRevision: $0.sourceRevision ?? 0) },
                    lastSignificant: article.lastSignificant)
                return (status, version)
            }
            guard cells.contains(where: { filter.admits($0.0) }) else { continue }
            rows.append((source, article, cells))
        }
        return Matrix(
            languages: languages, rows: rows,
            unused: filter.language == nil ? catalog.targets.filter { !used.contains($0.tag) } : [])
    }

    static let pageSize = 50

    @Sendable static func index(req: Request) async throws -> View {
        let filter = Filter(req)
        let catalog = try await NewsroomCatalog.load(on: req.db)
        let matrix = try await matrix(req, filter: filter)
        let page = max(1, min(req.query[Int.self, at: "page"] ?? 1, 10_000))
        let first = (page - 1) * pageSize
        let shown = matrix.rows.dropFirst(first).prefix(pageSize)
        let canStart = Policy.mayWriteArticle(req.auth.get(User.self)?.actor, translation: true)
        let rows = shown.compactMap { row -> Page.Row? in
            guard let id = row.source.id, let articleID = row.article.id else { return nil }
            return Page.Row(
                title: row.source.title, href: SiteURL.articleVersion(id).path, state: row.source.state,
                stateLabel: req.t("editorial.state.\(row.source.state)"),
                alsoLive: row.source.isPublic && row.source.editorialState != .published,
                articleID: articleID.uuidString,
                translateAction: SiteURL.articleTranslate(articleID).path,
                cells: zip(matrix.languages, row.cells).map { language, cell in
                    Page.Cell(
                        column: catalog.languageName(language.tag, req), status: cell.0.rawValue,
                        label: req.t("translation.status.\(cell.0.rawValue)"),
                        href: cell.1?.id.map { SiteURL.articleVersion($0).path },
                        startLanguage: cell.1 == nil && canStart ? language.tag : nil)
                })
        }
        func link(_ n: Int) -> String { SiteURL.translations.with(filter.query.merging(["page": String(n)]) { $1 }) }
        let statuses = ["needs-work", "all"] + TranslationStatus.allCases.map(\.rawValue)
        return try await req.view.render(
            "newsroom/translations",
            Page(
                layout: req.layout(titleKey: "translations.title"),
                columns: matrix.languages.map { catalog.languageName($0.tag, req) }, rows: Array(rows).nonEmpty,
                languages: [
                    SelectOption(
                        value: "", label: req.t("translations.all_languages"), selected: filter.language == nil)
                ]
                    + catalog.targets.map {
                        SelectOption(
                            value: $0.tag, label: catalog.languageName($0.tag, req), selected: $0.tag == filter.language
                        )
                    },
                statuses: statuses.map {
                    SelectOption(value: $0, label: req.t("translations.filter.\($0)"), selected: $0 == filter.status)
                },
                csvHref: SiteURL.translationsCSV.with(filter.query),
                showing: matrix.rows.isEmpty ? nil : "\(first + 1)–\(first + rows.count) / \(matrix.rows.count)",
                nextPage: first + rows.count < matrix.rows.count ? link(page + 1) : nil,
                previousPage: page > 1 ? link(page - 1) : nil, canStart: canStart,
                unused: matrix.unused.map {
                    SelectOption(
                        value: SiteURL.translations.with(["language": $0.tag, "status": filter.status]),
                        label: catalog.languageName($0.tag, req), selected: false)
                }.nonEmpty))
    }

    @Sendable static func csv(req: Request) async throws -> Response {
        let matrix = try await matrix(req, filter: Filter(req))
        var rows = [["article_id", "title", "state"] + matrix.languages.map(\.tag)]
        for row in matrix.rows {
            rows.append(
                [row.article.id?.uuidString ?? "", row.source.title, row.source.state]
                    + row.cells.map(\.0.rawValue))
        }
        return PlanController.download(
            Data(("\u{FEFF}" + CSVTable.encode(rows)).utf8), filename: "ban-dich.csv",
            contentType: "text/csv; charset=utf-8")
    }
}
