import Fluent
import Foundation
import TTDNKit
import Vapor

/// A language version in the newsroom: its text as the site will show it, where it stands, what may be done
/// next and what stands in the way (in words), the security check, how far behind the source a translation
/// is (with the source's changes paragraph by paragraph), the article's other languages, and its history.
struct ArticleVersionPage: Encodable {
    struct Move: Encodable {
        let move: String
        let label: String
        let blocks: [String]?
        let needsComment: Bool
        let needsTime: Bool
        let offersEnd: Bool
    }

    struct Check: Encodable {
        let flagged: [String]?
        let needsSignOff: Bool
    }

    struct Paragraph: Encodable {
        let kind: String
        let old: String?
        let new: String?
        let words: [ArticleEditPage.DiffSegment]
    }

    struct Outdated: Encodable {
        let made: Int
        let now: Int
        let paragraphs: [Paragraph]
    }

    struct Language: Encodable {
        let name: String
        let tag: String
        let status: String
        let statusLabel: String
        let href: String?
        let canStart: Bool
    }

    struct Event: Encodable {
        let at: String
        let who: String
        let what: String
        let comment: String?
    }

    struct Revision: Encodable {
        let number: Int
        let at: String
        let who: String
        let note: String?
        let significant: Bool
        let diffHref: String?
    }

    let layout: LayoutContext
    let lang: String
    let languageName: String
    let isSource: Bool
    let title: String?
    let summary: String?
    let rowsHTML: String
    let problems: [String]?
    let state: String
    let stateLabel: String
    let revision: Int
    let version: Int
    let live: String?
    let publicHref: String?
    let scheduled: String?
    let unpublishAt: String?
    let classified: Bool
    let slug: String
    let channel: String
    let topicNames: String?
    let editHref: String?
    let moveAction: String
    let moves: [Move]?
    let checkAction: String
    let check: Check?
    let lastCheck: String?
    let outdated: Outdated?
    let languages: [Language]
    let translateAction: String
    let filing: Filing?
    let events: [Event]?
    let revisions: [Revision]
    let defaultTime: String
    let imageAction: String
    let versionID: String
    let images: [ImageItem]?
    let planLinks: PlanLinks

    struct ImageItem: Encodable {
        let src: String
        let thumbWidth: Int
        let thumbHeight: Int
        let markdown: String
        let lead: Bool
    }

    struct Filing: Encodable {
        let action: String
        let channels: [SelectOption]
        let topics: [SelectOption]
        let version: Int
    }

    static func build(_ req: Request, version: ArticleVersion) async throws -> ArticleVersionPage {
        let db = req.db
        let id = try version.requireID()
        let catalog = try await NewsroomCatalog.load(on: db)
        guard let article = try await Article.find(version.$article.id, on: db) else { throw Abort(.notFound) }
        let articleID = try article.requireID()
        let actor = req.auth.get(User.self)?.actor
        let desk = req.articleDesk
        let translation = !version.isSource
        let all = try await ArticleVersion.query(on: db).filter(\.$article.$id == articleID).all()
        let source = all.first { $0.isSource }
        let topicIDs = Set(try await ArticleTopic.query(on: db).filter(\.$article.$id == articleID).all(\.$topic.$id))
        let rendered = ArticleBody.render(version.body)

        var moves: [Move] = []
        let gate = try await desk.gate(for: version, terms: catalog.terms)
        let live = version.liveRevision != nil
        for move in EditorialMove.allCases
        where move.target(from: version.editorialState, live: live) != nil
            && Policy.mayMove(actor, move, translation: translation)
        {
            let blocks = gate(
                move, move == .schedule ? req.application.clock.now().addingTimeInterval(3600) : nil
            ).filter { $0 != .timeInPast }
            moves.append(
                Move(
                    move: move.rawValue, label: req.t("editorial.move.\(move.rawValue)"),
                    blocks: blocks.map { req.t("editorial.block.\($0.rawValue)") }.nonEmpty,
                    needsComment: move == .returnToDraft, needsTime: move == .schedule,
                    offersEnd: move == .schedule || move == .publish))
        }

        let lastCheck = try await desk.latestCheck(of: version)
        let flagged = catalog.terms.found(in: ArticleText(version).checkedText)
        let check: Check? =
            Policy.mayCheckSecurity(actor) && !version.classified
                && [.inReview, .draft].contains(version.editorialState)
            ? Check(flagged: flagged.nonEmpty, needsSignOff: !flagged.isEmpty) : nil

        var outdated: Outdated?
        if translation, let source, let made = version.sourceRevision, made < article.lastSignificant {
            let sourceID = try source.requireID()
            let then = try await ArticleRevision.query(on: db).filter(\.$version.$id == sourceID)
                .filter(\.$number == made).first()
            let old = then.map { [$0.title, $0.summary, $0.body].joined(separator: "\n\n") } ?? ""
            let new = [source.title, source.summary, source.body].joined(separator: "\n\n")
            outdated = Outdated(
                made: made, now: source.revision,
                paragraphs: TextDiff.paragraphs(old, new).filter { $0.kind != .same }.map {
                    Paragraph(
                        kind: $0.kind.rawValue, old: $0.old, new: $0.new,
                        words: $0.words.map { .init(kind: $0.kind.rawValue, text: $0.text) })
                })
        }

        let languages = catalog.languages.filter { $0.enabled }.map { language -> Language in
            let other = all.first { $0.language == language.tag }
            let status: String
            if language.tag == SiteLanguage.source.tag {
                status = other?.state ?? "missing"
            } else {
                status =
                    TranslationStatus.of(
                        other.map { .init(state: $0.editorialState, sourceRevision: $0.sourceRevision ?? 0) },
                        lastSignificant: article.lastSignificant
                    ).rawValue
            }
            let label =
                language.tag == SiteLanguage.source.tag
                ? req.t("editorial.state.\(status)") : req.t("translation.status.\(status)")
            return Language(
                name: catalog.languageName(language.tag, req), tag: language.tag, status: status, statusLabel: label,
                href: other?.id.map { SiteURL.articleVersion($0).path },
                canStart: other == nil && language.tag != SiteLanguage.source.tag
                    && Policy.mayWriteArticle(actor, translation: true))
        }

        let events = try await EditorialEvent.query(on: db).filter(\.$version.$id == id).sort(\.$at, .descending)
            .all().map { event in
                Event(
                    at: Formatting.dateTime(event.at, req.locale), who: event.userName,
                    what: req.t("editorial.event.\(event.move)"), comment: event.comment.isEmpty ? nil : event.comment)
            }
        let revisions = try await ArticleRevision.query(on: db).filter(\.$version.$id == id)
            .sort(\.$number, .descending).all().map { revision in
                Revision(
                    number: revision.number, at: Formatting.dateTime(revision.createdAt, req.locale),
                    who: revision.authorName, note: revision.note.isEmpty ? nil : revision.note,
                    significant: revision.significant,
                    diffHref: revision.number > 1
                        ? SiteURL.articleVersionDiff(id).with([
                            "from": String(revision.number - 1), "to": String(revision.number),
                        ]) : nil)
            }

        let images = try await ArticleImage.query(on: db).filter(\.$article.$id == articleID).sort(\.$createdAt)
            .all().compactMap { image -> ImageItem? in
                guard let imageID = image.id else { return nil }
                // A thumbnail 120 pixels wide, its height in proportion.
                let width = min(120, image.width)
                return ImageItem(
                    src: SiteURL.media(imageID).path, thumbWidth: width,
                    thumbHeight: max(1, image.height * width / max(1, image.width)),
                    markdown: "![…](\(SiteURL.media(imageID).path))", lead: article.leadImageID == imageID)
            }
        let lastCheckText = lastCheck.map { check in
            req.t(
                "security.last.\(check.decision)", check.reviewerName, Formatting.dateTime(check.at, req.locale),
                String(check.revision))
                + ((check.signOff ?? "").isEmpty ? "" : " — " + (check.signOff ?? ""))
        }
        let filing: Filing? =
            version.isSource && Policy.mayWriteArticle(actor, translation: false)
            ? Filing(
                action: SiteURL.articleFiling(articleID).path,
                channels: NewsroomCatalog.channelOptions(req, selected: article.channel),
                topics: catalog.topicOptions(selected: topicIDs), version: article.version) : nil

        return ArticleVersionPage(
            layout: req.layout(title: version.title.isEmpty ? req.t("article.untitled") : version.title),
            lang: version.language, languageName: catalog.languageName(version.language, req),
            isSource: version.isSource, title: version.title.isEmpty ? nil : version.title,
            summary: version.summary.isEmpty ? nil : version.summary,
            rowsHTML: rendered.html,
            problems: rendered.problems.map { req.t("article.body.\($0.rawValue)") }.nonEmpty,
            state: version.state, stateLabel: req.t("editorial.state.\(version.state)"), revision: version.revision,
            version: version.version,
            live: version.liveRevision.map { revision in
                req.t(
                    "article.live", String(revision),
                    version.liveAt.map { Formatting.dateTime($0, req.locale) } ?? "")
            },
            publicHref: version.isPublic ? SiteURL.siteArticle(version.language, version.slug).path : nil,
            scheduled: version.editorialState == .scheduled
                ? version.publishAt.map { Formatting.dateTime($0, req.locale) } : nil,
            unpublishAt: version.unpublishAt.map { Formatting.dateTime($0, req.locale) },
            classified: version.classified, slug: version.slug, channel: req.t("channel.\(article.channel)"),
            topicNames: catalog.topics.filter { $0.id.map(topicIDs.contains) ?? false }.map(\.name)
                .joined(separator: ", ").nonEmptyText,
            editHref: version.editorialState.isEditable && Policy.mayWriteArticle(actor, translation: translation)
                ? SiteURL.articleVersionEdit(id).path : nil,
            moveAction: SiteURL.articleVersionMove(id).path, moves: moves.nonEmpty,
            checkAction: SiteURL.articleVersionCheck(id).path, check: check, lastCheck: lastCheckText,
            outdated: outdated, languages: languages, translateAction: SiteURL.articleTranslate(articleID).path,
            filing: filing, events: events.nonEmpty, revisions: revisions,
            defaultTime: LocalDateTime.format(req.application.clock.now().addingTimeInterval(3600)),
            imageAction: SiteURL.articleImages(articleID).path, versionID: id.uuidString,
            images: images.isEmpty ? nil : images,
            planLinks: try await planLinks(req, article: article, versions: all, from: id, catalog: catalog))
    }
}
