import Fluent
import SQLKit

/// The public site's search index: one row per public language version, holding its title and text as
/// folded keys (`SearchKey.index`, computed in Swift so that both databases see the same tokens). SQLite keeps
/// it in an FTS5 table with the `ascii` tokenizer; PostgreSQL in a table with generated `tsvector`s built with
/// `array_to_tsvector(string_to_array(key, ' '))` and GIN indexes. Both split a key on its spaces and nothing
/// else, so they find the same rows (`to_tsvector('simple', …)` would split `1e5dong` as a number and drop
/// letters the server's locale does not know; FTS5's `unicode61` splits some scripts differently).
struct CreateSiteSearch: AsyncMigration {
    static let table = "site_search"

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            try await sql.raw(
                """
                CREATE VIRTUAL TABLE site_search USING fts5(
                    version_id UNINDEXED, language UNINDEXED, published_at UNINDEXED, lang, title, body,
                    tokenize = 'ascii', prefix = '2 3 4 5 6 7 8')
                """
            ).run()
            // The FTS row of each version, by rowid (FTS5 cannot index `version_id`).
            try await sql.raw(
                "CREATE TABLE site_search_keys (id INTEGER PRIMARY KEY, version_id TEXT NOT NULL UNIQUE)"
            ).run()
        } else {
            try await sql.raw(
                """
                CREATE TABLE site_search (
                    version_id TEXT PRIMARY KEY, language TEXT NOT NULL, published_at DOUBLE PRECISION NOT NULL,
                    title TEXT NOT NULL, body TEXT NOT NULL,
                    title_vector tsvector GENERATED ALWAYS AS (array_to_tsvector(string_to_array(title, ' '))) STORED,
                    document tsvector GENERATED ALWAYS AS (
                        array_to_tsvector(string_to_array(title || ' ' || body, ' '))) STORED)
                """
            ).run()
            try await sql.raw("CREATE INDEX site_search_document ON site_search USING GIN (document)").run()
            // The newest matches of a common word come from this index, without reading every match.
            try await sql.raw("CREATE INDEX site_search_recent ON site_search (language, published_at DESC)").run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("DROP TABLE site_search").run()
        if sql.dialect.name == "sqlite" { try await sql.raw("DROP TABLE site_search_keys").run() }
    }
}
