import Fluent
import Foundation
import SQLKit

extension SiteSearch {
    /// What a search result shows of a public version, read with SQLKit straight into this struct: Fluent's
    /// models are filled by reflection, and twenty of them were a tenth of a search page's time.
    struct Listing: Decodable, Sendable {
        let id: UUID
        let language: String
        let slug: String
        let title: String
        let summary: String
        let text: String
        let firstPublishedAt: Date?
        let liveAt: Date?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, language, slug
            case title = "live_title"
            case summary = "live_summary"
            case text = "live_text"
            case firstPublishedAt = "first_published_at"
            case liveAt = "live_at"
        }

        /// When it first went on the site.
        var published: Date { ArticleVersion.publishedDate(first: firstPublishedAt, live: liveAt) }
    }

    /// The listings of `ids` that are public now (a version taken down since the index answered is left out),
    /// in the order of `ids`.
    static func listings(_ ids: [UUID], on db: any Database) async throws -> [Listing] {
        guard let sql = db as? any SQLDatabase, !ids.isEmpty else { return [] }
        let rows = try await sql.select()
            .columns(Listing.CodingKeys.allCases.map { SQLIdentifier($0.rawValue) })
            .from(ArticleVersion.schema)
            .where(SQLIdentifier("id"), .in, SQLBind.group(ids))
            .where(SQLIdentifier("live_revision"), .isNot, SQLLiteral.null)
            .where(SQLIdentifier("classified"), .equal, SQLBind(false))
            .all(decoding: Listing.self)
        let byID = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byID[$0] }
    }
}
