import Fluent
import Foundation
import TTDNKit

/// The one way articles are written: creating one, saving a language version's text as a new revision,
/// starting a translation, recording a security check and making an editorial move. Each is one transaction
/// that claims the version's row at the version the writer read (`Versioned`), so a second writer gets a
/// conflict and keeps their text; each lands in the audit trail and the version's own history. Who may do
/// what is `Policy`; what blocks a move is `EditorialGate`; the desk applies both and never decides by hand.
struct ArticleDesk {
    let db: any Database
    let audit: AuditContext
    let actor: Actor?
    let userID: UUID?
    let userName: String

    enum Failure: Error, Equatable {
        case notAllowed
        case conflict
        /// A field's problem, as a code the locales word (`article.error.<code>`).
        case invalid(field: String, code: String)
        case blocked([EditorialGate.Block])
    }

    var now: Date { audit.clock.now() }

    // MARK: Writing

    /// A new article with its Vietnamese source at revision 1, as a draft.
    func create(channel: PromotionChannel, topics: [UUID], text: ArticleText) async throws -> ArticleVersion {
        guard Policy.mayWriteArticle(actor, translation: false) else { throw Failure.notAllowed }
        let text = try validated(text)
        return try await db.transaction { tx in
            let article = Article()
            article.channel = channel.rawValue
            article.lastSignificant = 0
            article.createdBy = userID
            article.version = 1
            try await article.auditedCreate(on: tx, by: audit)
            let articleID = try article.requireID()
            for topic in Set(topics) {
                try await ArticleTopic(article: articleID, topic: topic).auditedCreate(on: tx, by: audit)
            }
            let version = ArticleVersion(article: articleID, language: SiteLanguage.source.tag)
            version.slug = try await freeSlug(for: text.title, language: version.language, except: nil, on: tx)
            apply(text, to: version)
            version.revision = 1
            version.updatedBy = userName
            try await version.auditedCreate(on: tx, by: audit)
            try await addRevision(of: version, text: text, significant: false, note: "", on: tx)
            return version
        }
    }

    /// A translation into `language`, started from the source as it is now (the revision it is made from).
    func startTranslation(of article: Article, into language: String) async throws -> ArticleVersion {
        guard Policy.mayWriteArticle(actor, translation: true) else { throw Failure.notAllowed }
        guard language != SiteLanguage.source.tag,
            try await SiteLanguageRecord.query(on: db).filter(\.$tag == language).first() != nil
        else { throw Failure.invalid(field: "language", code: "language-unknown") }
        let articleID = try article.requireID()
        guard
            let source = try await ArticleVersion.query(on: db).filter(\.$article.$id == articleID)
                .filter(\.$language == SiteLanguage.source.tag).first()
        else { throw Failure.invalid(field: "language", code: "source-missing") }
        let version = ArticleVersion(article: articleID, language: language)
        version.sourceRevision = source.revision
        version.updatedBy = userName
        do {
            try await version.auditedCreate(on: db, by: audit)
        } catch {
            // The unique (article, language): someone started it a moment ago.
            throw Failure.conflict
        }
        return version
    }

    /// Saves `text` into `version` as a new revision, if the version is still at `expectedVersion`. Text that
    /// was in review, approved, scheduled or published goes back to draft (what was checked is no longer
    /// there); a published revision stays on the site meanwhile. `significant`: the source changed in a way
    /// its translations must follow. `upToDate`: a translation brought up to date with the source as it is now.
    func save(
        _ versionID: UUID, expectedVersion: Int, text: ArticleText, slug: String?, significant: Bool,
        upToDate: Bool, note: String
    ) async throws -> ArticleVersion {
        guard let current = try await ArticleVersion.find(versionID, on: db) else { throw Failure.conflict }
        guard Policy.mayWriteArticle(actor, translation: !current.isSource) else { throw Failure.notAllowed }
        guard current.editorialState.isEditable else { throw Failure.invalid(field: "state", code: "archived") }
        let text = try validated(text)
        let wantedSlug = try await slugChoice(slug, text: text, version: current)
        let sourceRevision: Int? =
            upToDate && !current.isSource
            ? try await ArticleVersion.query(on: db).filter(\.$article.$id == current.$article.id)
                .filter(\.$language == SiteLanguage.source.tag).first()?.revision : nil
        do {
            return try await db.transaction { tx in
                let version = try await ArticleVersion.claim(versionID, expectedVersion: expectedVersion, on: tx)
                let before = version.editorialState
                try await version.auditedUpdateAfterClaim(on: tx, by: audit) { row in
                    self.apply(text, to: row)
                    row.slug = wantedSlug
                    row.revision += 1
                    if let sourceRevision { row.sourceRevision = sourceRevision }
                    if EditorialMove.editReturnsToDraft(before) {
                        row.state = EditorialState.draft.rawValue
                        row.publishAt = nil
                    }
                    row.updatedBy = self.userName
                }
                try await addRevision(
                    of: version, text: text, significant: significant && version.isSource, note: note, on: tx)
                if significant && version.isSource {
                    let article = try await Article.claim(
                        version.$article.id, expectedVersion: try await currentVersion(of: version, on: tx), on: tx)
                    try await article.auditedUpdateAfterClaim(on: tx, by: audit) {
                        $0.lastSignificant = version.revision
                    }
                }
                if EditorialMove.editReturnsToDraft(before) {
                    try await event(
                        version, move: "edit", from: before, to: .draft, comment: note, publishAt: nil, on: tx)
                }
                return version
            }
        } catch is VersionConflict {
            throw Failure.conflict
        }
    }

    /// The channel and topics an article is filed under.
    func file(_ article: Article, expectedVersion: Int, channel: PromotionChannel, topics: [UUID]) async throws {
        guard Policy.mayWriteArticle(actor, translation: false) else { throw Failure.notAllowed }
        let articleID = try article.requireID()
        do {
            try await db.transaction { tx in
                let row = try await Article.claim(articleID, expectedVersion: expectedVersion, on: tx)
                try await row.auditedUpdateAfterClaim(on: tx, by: audit) { $0.channel = channel.rawValue }
                let existing = try await ArticleTopic.query(on: tx).filter(\.$article.$id == articleID).all()
                let wanted = Set(topics)
                for link in existing where !wanted.contains(link.$topic.id) {
                    try await link.auditedDelete(on: tx, by: audit)
                }
                for topic in wanted.subtracting(existing.map(\.$topic.id)) {
                    try await ArticleTopic(article: articleID, topic: topic).auditedCreate(on: tx, by: audit)
                }
            }
        } catch is VersionConflict {
            throw Failure.conflict
        }
    }

    // MARK: The security check and the moves

    /// Records the pre-publication security check of the version's current text. `classified` bars the
    /// version from the public for good: a revision of it on the site is taken down at once.
    func recordCheck(
        _ versionID: UUID, expectedVersion: Int, decision: SecurityCheck.Decision, signOff: String,
        terms: SensitiveTerms
    ) async throws {
        guard Policy.mayCheckSecurity(actor) else { throw Failure.notAllowed }
        let reason = VietnameseText.nfc(signOff).trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            try await db.transaction { tx in
                let version = try await ArticleVersion.claim(versionID, expectedVersion: expectedVersion, on: tx)
                let flagged = terms.found(in: ArticleText(version).checkedText)
                let check = SecurityCheckRecord()
                check.$version.id = versionID
                check.revision = version.revision
                check.decision = decision.rawValue
                check.flaggedTerms = flagged.joined(separator: "\n")
                check.signOff = reason.isEmpty ? nil : reason
                check.reviewerID = userID
                check.reviewerName = userName
                check.at = now
                try await check.auditedCreate(on: tx, by: audit)
                let before = version.editorialState
                try await version.auditedUpdateAfterClaim(on: tx, by: audit) { row in
                    if decision == .classified {
                        row.classified = true
                        row.liveRevision = nil
                        row.liveTitle = ""
                        row.liveSummary = ""
                        row.liveBody = ""
                        row.liveText = ""
                        row.publishAt = nil
                        if before.isPublic || before == .scheduled || before == .approved {
                            row.state = EditorialState.draft.rawValue
                        }
                    }
                }
                try await event(
                    version, move: "check-\(decision.rawValue)", from: before, to: version.editorialState,
                    comment: reason, publishAt: nil, on: tx)
                try await SiteSearch.update(version, on: tx)
            }
        } catch is VersionConflict {
            throw Failure.conflict
        }
    }

    /// What blocks `move` on the version now (for the screen, before the button is pressed).
    func blocks(_ move: EditorialMove, on version: ArticleVersion, publishAt: Date?, terms: SensitiveTerms)
        async throws -> [EditorialGate.Block]
    {
        try await gate(for: version, terms: terms)(move, publishAt)
    }

    /// What blocks each move on the version, with what the gate reads (the latest check, the lead image, the
    /// rendered body, the sensitive terms) read once: a page that lists every move asks for each.
    func gate(for version: ArticleVersion, terms: SensitiveTerms) async throws
        -> (EditorialMove, Date?) -> [EditorialGate.Block]
    {
        let check = try await latestCheck(of: version)
        let lead = try await Article.find(version.$article.id, on: db)?.leadImageID
        let altMissing =
            ArticleBody.render(version.body).problems.contains(.imageAltMissing)
            || (lead != nil && version.imageAlt.isEmpty)
        let flagged = terms.found(in: ArticleText(version).checkedText)
        let now = now
        return { move, publishAt in
            var blocks = EditorialGate.blocks(
                move, from: version.editorialState, check: check?.check,
                checkedCurrentText: check?.revision == version.revision, flagged: flagged, publishAt: publishAt,
                live: version.liveRevision != nil, altMissing: altMissing, now: now)
            if version.classified, [.approve, .schedule, .publish].contains(move), !blocks.contains(.classified) {
                blocks.append(.classified)
            }
            return blocks
        }
    }

    /// Makes `move` on the version if it is still at `expectedVersion`, nobody's policy forbids it and nothing
    /// blocks it. Publishing copies the current text to the live columns; taking down empties them.
    func move(
        _ move: EditorialMove, versionID: UUID, expectedVersion: Int, comment: String, publishAt: Date?,
        unpublishAt: Date? = nil, terms: SensitiveTerms
    ) async throws -> ArticleVersion {
        guard let current = try await ArticleVersion.find(versionID, on: db) else { throw Failure.conflict }
        guard Policy.mayMove(actor, move, translation: !current.isSource) else { throw Failure.notAllowed }
        let comment = VietnameseText.nfc(comment).trimmingCharacters(in: .whitespacesAndNewlines)
        if move == .returnToDraft, comment.isEmpty { throw Failure.invalid(field: "comment", code: "comment-required") }
        if let unpublishAt, unpublishAt <= (publishAt ?? now) {
            throw Failure.invalid(field: "unpublish_at", code: "unpublish-before-publish")
        }
        do {
            return try await db.transaction { tx in
                let version = try await ArticleVersion.claim(versionID, expectedVersion: expectedVersion, on: tx)
                let blocks = try await ArticleDesk(
                    db: tx, audit: audit, actor: actor, userID: userID, userName: userName
                ).blocks(move, on: version, publishAt: publishAt, terms: terms)
                guard blocks.isEmpty else { throw Failure.blocked(blocks) }
                try await apply(
                    move, to: version, publishAt: publishAt, unpublishAt: unpublishAt, comment: comment, on: tx)
                return version
            }
        } catch is VersionConflict {
            throw Failure.conflict
        }
    }

    /// The state change itself, on a version claimed in `tx`; also what the scheduler runs.
    func apply(
        _ move: EditorialMove, to version: ArticleVersion, publishAt: Date?, unpublishAt: Date? = nil,
        comment: String, on tx: any Database
    ) async throws {
        let before = version.editorialState
        guard let after = move.target(from: before, live: version.liveRevision != nil) else {
            throw Failure.blocked([.notFromHere])
        }
        let at = now
        try await version.auditedUpdateAfterClaim(on: tx, by: audit) { row in
            row.state = after.rawValue
            row.liveRevision = move.liveRevision(current: row.revision, live: row.liveRevision)
            switch move {
            case .schedule:
                row.publishAt = publishAt
                if let unpublishAt { row.unpublishAt = unpublishAt }
            case .publish:
                row.publishAt = nil
                if let unpublishAt { row.unpublishAt = unpublishAt }
                row.liveTitle = row.title
                row.liveSummary = row.summary
                row.liveBody = row.body
                row.liveImageAlt = row.imageAlt
                row.liveImageCaption = row.imageCaption
                row.liveText = ArticleBody.render(row.body).plainText
                row.liveAt = at
                if row.firstPublishedAt == nil { row.firstPublishedAt = at }
            case .unpublish, .archive:
                row.liveTitle = ""
                row.liveSummary = ""
                row.liveBody = ""
                row.liveImageAlt = ""
                row.liveImageCaption = ""
                row.liveText = ""
                row.unpublishAt = nil
                if move == .archive { row.publishAt = nil }
            case .returnToDraft: row.publishAt = nil
            case .submit, .approve, .reopen: break
            }
        }
        try await event(
            version, move: move.rawValue, from: before, to: after, comment: comment, publishAt: publishAt, on: tx)
        try await SiteSearch.update(version, on: tx)
    }

    // MARK: Parts

    func latestCheck(of version: ArticleVersion) async throws -> SecurityCheckRecord? {
        try await SecurityCheckRecord.query(on: db).filter(\.$version.$id == version.requireID())
            .sort(\.$at, .descending).first()
    }

    private func validated(_ text: ArticleText) throws -> ArticleText {
        let text = text.normalized
        if text.title.isEmpty { throw Failure.invalid(field: "title", code: "title-required") }
        if text.title.count > 300 { throw Failure.invalid(field: "title", code: "title-too-long") }
        if text.summary.count > 2_000 { throw Failure.invalid(field: "summary", code: "summary-too-long") }
        if text.body.utf8.count > 400_000 { throw Failure.invalid(field: "body", code: "body-too-long") }
        return text
    }

    private func apply(_ text: ArticleText, to version: ArticleVersion) {
        version.title = text.title
        version.summary = text.summary
        version.body = text.body
        version.imageAlt = text.imageAlt
        version.imageCaption = text.imageCaption
    }

    /// The slug a save keeps: fixed once the version was first published (links to it are out there); before
    /// that, the one typed (made into a slug) or one made from the title, unique in its language.
    private func slugChoice(_ typed: String?, text: ArticleText, version: ArticleVersion) async throws -> String {
        if version.firstPublishedAt != nil, !version.slug.isEmpty { return version.slug }
        let wanted = (typed?.isEmpty == false ? typed : nil) ?? text.title
        return try await freeSlug(for: wanted, language: version.language, except: version.id, on: db)
    }

    private func freeSlug(for text: String, language: String, except: UUID?, on db: any Database) async throws
        -> String
    {
        let base = Slug.make(text) ?? "bai-viet"
        var query = ArticleVersion.query(on: db).filter(\.$language == language).filter(\.$slug =~ base)
        if let except { query = query.filter(\.$id != except) }
        let taken = Set(try await query.all().map(\.slug))
        return Slug.unique(base, among: taken)
    }

    private func currentVersion(of version: ArticleVersion, on tx: any Database) async throws -> Int {
        try await Article.find(version.$article.id, on: tx)?.version ?? 0
    }

    private func addRevision(
        of version: ArticleVersion, text: ArticleText, significant: Bool, note: String, on tx: any Database
    ) async throws {
        let revision = ArticleRevision()
        revision.$version.id = try version.requireID()
        revision.number = version.revision
        revision.title = text.title
        revision.summary = text.summary
        revision.body = text.body
        revision.imageAlt = text.imageAlt
        revision.imageCaption = text.imageCaption
        revision.significant = significant
        revision.sourceRevision = version.sourceRevision
        revision.note = VietnameseText.nfc(note).trimmingCharacters(in: .whitespacesAndNewlines)
        revision.authorID = userID
        revision.authorName = userName
        revision.createdAt = now
        try await revision.auditedCreate(on: tx, by: audit)
    }

    private func event(
        _ version: ArticleVersion, move: String, from: EditorialState, to: EditorialState, comment: String,
        publishAt: Date?, on tx: any Database
    ) async throws {
        let event = EditorialEvent()
        event.$version.id = try version.requireID()
        event.move = move
        event.fromState = from.rawValue
        event.toState = to.rawValue
        event.revision = version.revision
        event.comment = comment
        event.publishAt = publishAt
        event.userID = userID
        event.userName = userName
        event.at = now
        try await event.auditedCreate(on: tx, by: audit)
    }
}
