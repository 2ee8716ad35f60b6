import Fluent
import Foundation
import SQLKit
import TTDNKit

/// The public search: keeps `site_search` in step with what is public (called in the same transaction as
/// every change of a version's live text) and answers queries on SQLite FTS5 or PostgreSQL full-text search.
/// Both see only keys folded in Swift (`SearchKey`), so they find the same articles.
enum SiteSearch {
    /// One page of results: the versions' ids, best first, and how many there are in all.
    struct Page: Sendable {
        var ids: [UUID]
        var total: Int
    }

    /// Puts the version's live text in the index, or takes it out when nothing of it is public. On SQLite the
    /// FTS5 row is found by its rowid, which `site_search_keys` keeps per version (a search by the FTS table's
    /// `version_id` column would read the whole index); on PostgreSQL `version_id` is the primary key.
    static func update(_ version: ArticleVersion, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let id = try version.requireID().uuidString.lowercased()
        let sqlite = sql.dialect.name == "sqlite"
        struct Key: Decodable { let id: Int }
        var rowid: Int?
        if sqlite {
            rowid = try await sql.raw("SELECT id FROM site_search_keys WHERE version_id = \(bind: id)")
                .first(decoding: Key.self)?.id
            if let rowid { try await sql.raw("DELETE FROM site_search WHERE rowid = \(bind: rowid)").run() }
        } else {
            try await sql.raw("DELETE FROM site_search WHERE version_id = \(bind: id)").run()
        }
        guard version.isPublic else { return }
        let text = [version.liveSummary, version.liveImageCaption, ArticleBody.render(version.liveBody).plainText]
            .joined(separator: "\n\n")
        let at = (version.firstPublishedAt ?? version.liveAt ?? Date(timeIntervalSince1970: 0)).timeIntervalSince1970
        let title = SearchKey.index(version.liveTitle)
        let body = SearchKey.index(text)
        if sqlite {
            if rowid == nil {
                rowid = try await sql.raw(
                    "INSERT INTO site_search_keys (version_id) VALUES (\(bind: id)) RETURNING id"
                ).first(decoding: Key.self)?.id
            }
            try await sql.raw(
                """
                INSERT INTO site_search (rowid, version_id, language, published_at, title, body)
                VALUES (\(bind: rowid), \(bind: id), \(bind: version.language), \(bind: at), \(bind: title), \(bind: body))
                """
            ).run()
        } else {
            try await sql.raw(
                """
                INSERT INTO site_search (version_id, language, published_at, title, body)
                VALUES (\(bind: id), \(bind: version.language), \(bind: at), \(bind: title), \(bind: body))
                """
            ).run()
        }
    }

    /// The public versions in `language` matching `query`: those matching in the title first (SQLite: BM25 with
    /// the title weighing ten times the text), newest first among equals.
    static func search(_ query: SearchQuery, language: String, limit: Int, offset: Int, on db: any Database)
        async throws -> Page
    {
        guard let sql = db as? any SQLDatabase, !query.isEmpty else { return Page(ids: [], total: 0) }
        struct Row: Decodable { let version_id: String }
        // Several words: the articles holding them side by side (`đồng đăng`, not `đang` here and `đông`
        // there) come first, in the title before in the text.
        let phrase = query.terms.count > 1 ? " " + query.terms.map(\.text).joined(separator: " ") : "\u{1}"
        struct Count: Decodable { let n: Int }
        let rows: [Row]
        let count: Count?
        if sql.dialect.name == "sqlite" {
            let match = query.fts5Match
            rows = try await sql.raw(
                """
                SELECT version_id FROM site_search WHERE site_search MATCH \(bind: match) AND language = \(bind: language)
                ORDER BY instr(' ' || title, \(bind: phrase)) > 0 DESC, instr(' ' || body, \(bind: phrase)) > 0 DESC,
                bm25(site_search, 0.0, 0.0, 0.0, 10.0, 1.0), published_at DESC
                LIMIT \(bind: limit) OFFSET \(bind: offset)
                """
            ).all(decoding: Row.self)
            count = try await sql.raw(
                """
                SELECT COUNT(*) AS n FROM site_search
                WHERE site_search MATCH \(bind: match) AND language = \(bind: language)
                """
            ).first(decoding: Count.self)
        } else {
            let tsQuery = query.tsQuery
            rows = try await sql.raw(
                """
                SELECT version_id FROM site_search
                WHERE document @@ \(bind: tsQuery)::tsquery AND language = \(bind: language)
                ORDER BY strpos(' ' || title, \(bind: phrase)) > 0 DESC, strpos(' ' || body, \(bind: phrase)) > 0 DESC,
                (title_vector @@ \(bind: tsQuery)::tsquery) DESC, published_at DESC
                LIMIT \(bind: limit) OFFSET \(bind: offset)
                """
            ).all(decoding: Row.self)
            count = try await sql.raw(
                """
                SELECT COUNT(*) AS n FROM site_search
                WHERE document @@ \(bind: tsQuery)::tsquery AND language = \(bind: language)
                """
            ).first(decoding: Count.self)
        }
        return Page(ids: rows.compactMap { UUID(uuidString: $0.version_id) }, total: count?.n ?? 0)
    }
}
