import Fluent
import Foundation
import SQLKit
import TTDNKit

/// The public search: keeps `site_search` in step with what is public (called in the same transaction as
/// every change of a version's live text) and answers queries on SQLite FTS5 or PostgreSQL full-text search.
/// Both see only keys folded in Swift (`SearchKey`), so they find the same articles.
enum SiteSearch {
    /// One page of results: the versions' ids, best first; how many there are in all, counted up to one past
    /// `countLimit`; whether another page follows.
    struct Page: Sendable {
        var ids: [UUID]
        var total: Int
        var hasNext: Bool
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
        let text = [
            version.liveSummary, version.liveImageCaption, version.liveText,
        ]
        .joined(separator: "\n\n")
        let at = version.publishedDate.timeIntervalSince1970
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
                INSERT INTO site_search (rowid, version_id, language, published_at, lang, title, body)
                VALUES (\(bind: rowid), \(bind: id), \(bind: version.language), \(bind: at), \(bind: languageToken(version.language)), \
                \(bind: title), \(bind: body))
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

    /// The language as a token of the FTS5 index (`lvi`, `lzhhans`): matched inside the index, so that a search
    /// never reads the rows of other languages.
    static func languageToken(_ tag: String) -> String {
        "l" + tag.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    /// Matches are counted up to this many, and up to this many are ranked by relevance. Past it the words are
    /// too common for ranking to mean much: the page says "more than 1,000" and lists the newest first, read
    /// in date order from an index that stops at the page (a full count of a word found in nearly every
    /// article read the whole index: 190 ms on PostgreSQL for 100,000 articles).
    static let countLimit = 1_000

    /// The public versions in `language` matching `query`, `limit` from `offset`. Up to `countLimit` matches:
    /// the words side by side in the title first, then by relevance (SQLite: BM25 with the title weighing ten
    /// times the text; PostgreSQL: a title match first), newest first among equals. More: newest first.
    static func search(
        _ query: SearchQuery, language: String, limit: Int, offset: Int, countLimit: Int = countLimit,
        on db: any Database
    ) async throws -> Page {
        guard let sql = db as? any SQLDatabase, !query.isEmpty else { return Page(ids: [], total: 0, hasNext: false) }
        struct Row: Decodable { let version_id: String }
        struct Count: Decodable { let n: Int }
        // Several words: the articles holding them side by side in the title (`đồng đăng`, not `đang` here and
        // `đông` there) come first.
        let phrase = query.terms.count > 1 ? " " + query.terms.map(\.text).joined(separator: " ") : "\u{1}"
        // One more than the page, to know whether another follows.
        let take = limit + 1
        let rows: [Row]
        let total: Int
        if sql.dialect.name == "sqlite" {
            let match = "lang : \"\(languageToken(language))\" AND (\(query.fts5Match))"
            total =
                try await sql.raw(
                    """
                    SELECT COUNT(*) AS n FROM (SELECT rowid FROM site_search WHERE site_search MATCH \(bind: match)
                    LIMIT \(bind: countLimit + 1))
                    """
                ).first(decoding: Count.self)?.n ?? 0
            if total <= countLimit {
                rows = try await sql.raw(
                    """
                    SELECT version_id FROM site_search WHERE site_search MATCH \(bind: match)
                    ORDER BY instr(' ' || title, \(bind: phrase)) > 0 DESC,
                    bm25(site_search, 0.0, 0.0, 0.0, 0.0, 10.0, 1.0), published_at DESC
                    LIMIT \(bind: take) OFFSET \(bind: offset)
                    """
                ).all(decoding: Row.self)
            } else {
                // Rows are numbered in the order versions were first published.
                rows = try await sql.raw(
                    """
                    SELECT version_id FROM site_search WHERE site_search MATCH \(bind: match)
                    ORDER BY rowid DESC LIMIT \(bind: take) OFFSET \(bind: offset)
                    """
                ).all(decoding: Row.self)
            }
        } else {
            let tsQuery = query.tsQuery
            // In date order, so that for a common word the planner walks `site_search_recent` and stops at the
            // limit, while a rare one is answered from the GIN index.
            total =
                try await sql.raw(
                    """
                    SELECT COUNT(*) AS n FROM (SELECT 1 FROM site_search
                    WHERE document @@ \(bind: tsQuery)::tsquery AND language = \(bind: language)
                    ORDER BY published_at DESC LIMIT \(bind: countLimit + 1)) AS m
                    """
                ).first(decoding: Count.self)?.n ?? 0
            if total <= countLimit {
                rows = try await sql.raw(
                    """
                    SELECT version_id FROM site_search
                    WHERE document @@ \(bind: tsQuery)::tsquery AND language = \(bind: language)
                    ORDER BY strpos(' ' || title, \(bind: phrase)) > 0 DESC,
                    (title_vector @@ \(bind: tsQuery)::tsquery) DESC, published_at DESC
                    LIMIT \(bind: take) OFFSET \(bind: offset)
                    """
                ).all(decoding: Row.self)
            } else {
                rows = try await sql.raw(
                    """
                    SELECT version_id FROM site_search
                    WHERE document @@ \(bind: tsQuery)::tsquery AND language = \(bind: language)
                    ORDER BY published_at DESC LIMIT \(bind: take) OFFSET \(bind: offset)
                    """
                ).all(decoding: Row.self)
            }
        }
        return Page(
            ids: rows.prefix(limit).compactMap { UUID(uuidString: $0.version_id) }, total: total,
            hasNext: rows.count > limit)
    }
}
