import Fluent
import Foundation
import TTDNKit
import Vapor

/// The site's set-up: which languages it publishes in (tag, names, order, on or off), its topics (names per
/// language), and the province's sensitive terms. Vietnamese is the source of every article: it cannot be
/// switched off or renamed away.
enum SiteSettingsController {
    struct Page: Encodable {
        struct Language: Encodable {
            let id: String
            let tag: String
            let nativeName: String
            let vietnameseName: String
            let position: Int
            let enabled: Bool
            let isSource: Bool
            let version: Int
        }

        struct TopicRow: Encodable {
            let id: String
            let slug: String
            let name: String
            let names: String
            let version: Int
        }

        let layout: LayoutContext
        let languages: [Language]
        let topics: [TopicRow]
        let terms: String
        let languagesAction: String
        let topicsAction: String
        let termsAction: String
    }

    @Sendable static func show(req: Request) async throws -> View {
        let catalog = try await NewsroomCatalog.load(on: req.db)
        return try await req.view.render(
            "newsroom/site",
            Page(
                layout: req.layout(titleKey: "site.settings.title"),
                languages: catalog.languages.map {
                    Page.Language(
                        id: $0.id?.uuidString ?? "", tag: $0.tag, nativeName: $0.nativeName,
                        vietnameseName: $0.vietnameseName, position: $0.position, enabled: $0.enabled,
                        isSource: $0.tag == SiteLanguage.source.tag, version: $0.version)
                },
                topics: catalog.topics.map { topic in
                    Page.TopicRow(
                        id: topic.id?.uuidString ?? "", slug: topic.slug, name: topic.name,
                        names: topic.names.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
                            .joined(separator: "\n"), version: topic.version)
                },
                terms: catalog.terms.terms.joined(separator: "\n"),
                languagesAction: SiteURL.siteLanguages.path, topicsAction: SiteURL.siteTopics.path,
                termsAction: SiteURL.siteTerms.path))
    }

    struct LanguageForm: Content {
        var id: String?
        var tag: String?
        var native_name: String?
        var vietnamese_name: String?
        var position: String?
        var enabled: String?
        var version: String?
    }

    /// Adds a language (no id) or changes one.
    @Sendable static func saveLanguage(req: Request) async throws -> Response {
        let form = try req.content.decode(LanguageForm.self)
        let back = SiteURL.siteSettings.path
        let native = VietnameseText.collapseWhitespace(form.native_name ?? "")
        let vietnamese = VietnameseText.collapseWhitespace(form.vietnamese_name ?? "")
        let position = Int(form.position ?? "") ?? 100
        guard !native.isEmpty, !vietnamese.isEmpty else {
            req.flash(.error, req.t("site.error.language_names"))
            return req.redirect(to: back)
        }
        if let id = form.id.flatMap(UUID.init(uuidString:)) {
            guard let row = try await SiteLanguageRecord.find(id, on: req.db),
                let expected = form.version.flatMap({ Int($0) })
            else { throw Abort(.notFound) }
            do {
                try await row.auditedUpdate(on: req.db, by: req.auditContext, expectedVersion: expected) { row in
                    row.nativeName = native
                    row.vietnameseName = vietnamese
                    row.position = position
                    row.enabled = row.tag == SiteLanguage.source.tag || form.enabled == "on"
                }
                req.flash(.success, req.t("site.saved"))
            } catch is VersionConflict {
                req.flash(.error, req.t("editorial.error.conflict"))
            }
        } else {
            let tag = (form.tag ?? "").trimmingCharacters(in: .whitespaces)
            guard SiteLanguage.isValidTag(tag) else {
                req.flash(.error, req.t("site.error.language_tag"))
                return req.redirect(to: back)
            }
            guard try await SiteLanguageRecord.query(on: req.db).filter(\.$tag == tag).first() == nil else {
                req.flash(.error, req.t("site.error.language_exists"))
                return req.redirect(to: back)
            }
            let row = SiteLanguageRecord(
                SiteLanguage(tag: tag, nativeName: native, vietnameseName: vietnamese), position: position)
            try await row.auditedCreate(on: req.db, by: req.auditContext)
            req.flash(.success, req.t("site.saved"))
        }
        return req.redirect(to: back)
    }

    struct TopicForm: Content {
        var id: String?
        var name: String?
        var names: String?
        var version: String?
    }

    /// Adds a topic (no id) or renames one; other languages' names are `tag: name` lines.
    @Sendable static func saveTopic(req: Request) async throws -> Response {
        let form = try req.content.decode(TopicForm.self)
        let back = SiteURL.siteSettings.path
        let name = VietnameseText.collapseWhitespace(VietnameseText.nfc(form.name ?? ""))
        guard !name.isEmpty, let slug = Slug.make(name) else {
            req.flash(.error, req.t("site.error.topic_name"))
            return req.redirect(to: back)
        }
        var names: [String: String] = [:]
        for line in (form.names ?? "").split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, SiteLanguage.isValidTag(parts[0]), !parts[1].isEmpty else {
                req.flash(.error, req.t("site.error.topic_names", String(line)))
                return req.redirect(to: back)
            }
            names[parts[0]] = VietnameseText.nfc(parts[1])
        }
        if let id = form.id.flatMap(UUID.init(uuidString:)) {
            guard let row = try await Topic.find(id, on: req.db), let expected = form.version.flatMap({ Int($0) })
            else { throw Abort(.notFound) }
            do {
                try await row.auditedUpdate(on: req.db, by: req.auditContext, expectedVersion: expected) { row in
                    row.name = name
                    row.names = names
                }
                req.flash(.success, req.t("site.saved"))
            } catch is VersionConflict {
                req.flash(.error, req.t("editorial.error.conflict"))
            }
        } else {
            let taken = Set(try await Topic.query(on: req.db).all().map(\.slug))
            let position = (try await Topic.query(on: req.db).max(\.$position) ?? 0) + 1
            let row = Topic(slug: Slug.unique(slug, among: taken), name: name, names: names, position: position)
            try await row.auditedCreate(on: req.db, by: req.auditContext)
            req.flash(.success, req.t("site.saved"))
        }
        return req.redirect(to: back)
    }

    struct TermsForm: Content {
        var terms: String?
    }

    /// Replaces the list of sensitive terms with the lines typed (each change audited).
    @Sendable static func saveTerms(req: Request) async throws -> Response {
        let typed = SensitiveTerms(
            (try req.content.decode(TermsForm.self).terms ?? "").split(whereSeparator: \.isNewline).map {
                VietnameseText.collapseWhitespace(VietnameseText.nfc(String($0)))
            })
        let audit = req.auditContext
        try await req.db.transaction { tx in
            let existing = try await SensitiveTerm.query(on: tx).all()
            let wanted = Dictionary(
                typed.terms.map { (VietnameseText.searchKey($0), $0) }, uniquingKeysWith: { a, _ in a })
            for row in existing where wanted[row.termKey] == nil { try await row.auditedDelete(on: tx, by: audit) }
            let kept = Set(existing.map(\.termKey))
            for (key, term) in wanted where !kept.contains(key) {
                let row = SensitiveTerm()
                row.term = term
                row.termKey = key
                try await row.auditedCreate(on: tx, by: audit)
            }
        }
        req.flash(.success, req.t("site.saved"))
        return req.redirect(to: SiteURL.siteSettings.path)
    }
}
