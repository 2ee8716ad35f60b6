import Fluent
import SQLKit
import TTDNKit

/// The foreign-information site's tables, with their final constraints. The languages are seeded with the
/// defaults (`SiteLanguage.defaults`) and the sensitive terms with `SensitiveTerms.defaults`, so a new
/// installation can publish at once; admins change both afterwards.
struct CreatePublishing: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SiteLanguageRecord.schema)
            .id()
            .field("tag", .string, .required)
            .field("native_name", .string, .required)
            .field("vietnamese_name", .string, .required)
            .field("position", .int, .required)
            .field("enabled", .bool, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "tag")
            .create()
        try await database.schema(Topic.schema)
            .id()
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("names", .string, .required)
            .field("position", .int, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "slug")
            .create()
        try await database.schema(Article.schema)
            .id()
            .field("channel", .string, .required)
            .field("lead_image_id", .uuid)
            .field("last_significant", .int, .required)
            .field("created_by", .uuid)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(ArticleTopic.schema)
            .id()
            .field("article_id", .uuid, .required, .references(Article.schema, "id", onDelete: .cascade))
            .field("topic_id", .uuid, .required, .references(Topic.schema, "id", onDelete: .cascade))
            .unique(on: "article_id", "topic_id")
            .create()
        try await database.schema(ArticleVersion.schema)
            .id()
            .field("article_id", .uuid, .required, .references(Article.schema, "id", onDelete: .cascade))
            .field("language", .string, .required)
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .field("body", .string, .required)
            .field("slug", .string, .required)
            .field("image_alt", .string, .required)
            .field("image_caption", .string, .required)
            .field("state", .string, .required)
            .field("revision", .int, .required)
            .field("source_revision", .int)
            .field("classified", .bool, .required)
            .field("publish_at", .datetime)
            .field("unpublish_at", .datetime)
            .field("live_revision", .int)
            .field("live_title", .string, .required)
            .field("live_summary", .string, .required)
            .field("live_body", .string, .required)
            .field("live_image_alt", .string, .required)
            .field("live_image_caption", .string, .required)
            .field("live_text", .string, .required)
            .field("first_published_at", .datetime)
            .field("live_at", .datetime)
            .field("updated_by", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "article_id", "language")
            .unique(on: "language", "slug")
            .create()
        try await database.schema(ArticleRevision.schema)
            .id()
            .field("version_id", .uuid, .required, .references(ArticleVersion.schema, "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .field("body", .string, .required)
            .field("image_alt", .string, .required)
            .field("image_caption", .string, .required)
            .field("significant", .bool, .required)
            .field("source_revision", .int)
            .field("note", .string, .required)
            .field("author_id", .uuid)
            .field("author_name", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "version_id", "number")
            .create()
        try await database.schema(EditorialEvent.schema)
            .id()
            .field("version_id", .uuid, .required, .references(ArticleVersion.schema, "id", onDelete: .cascade))
            .field("move", .string, .required)
            .field("from_state", .string, .required)
            .field("to_state", .string, .required)
            .field("revision", .int, .required)
            .field("comment", .string, .required)
            .field("publish_at", .datetime)
            .field("user_id", .uuid)
            .field("user_name", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await database.schema(SecurityCheckRecord.schema)
            .id()
            .field("version_id", .uuid, .required, .references(ArticleVersion.schema, "id", onDelete: .cascade))
            .field("revision", .int, .required)
            .field("decision", .string, .required)
            .field("flagged_terms", .string, .required)
            .field("sign_off", .string)
            .field("reviewer_id", .uuid)
            .field("reviewer_name", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await database.schema(SensitiveTerm.schema)
            .id()
            .field("term", .string, .required)
            .field("term_key", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "term_key")
            .create()
        try await database.schema(ArticleImage.schema)
            .id()
            .field("article_id", .uuid, .required, .references(Article.schema, "id", onDelete: .cascade))
            .field("filename", .string, .required)
            .field("content_type", .string, .required)
            .field("width", .int, .required)
            .field("height", .int, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("data", .data)
            .field("storage_path", .string)
            .field("created_by", .uuid)
            .field("created_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            // The public lists read live versions by language, newest first; the history by version.
            try await sql.create(index: "article_versions_live").on(ArticleVersion.schema)
                .column("language").column("live_revision").column("first_published_at").run()
            try await sql.create(index: "editorial_events_version").on(EditorialEvent.schema)
                .column("version_id").column("at").run()
            try await sql.create(index: "security_checks_version").on(SecurityCheckRecord.schema)
                .column("version_id").column("at").run()
        }
        // Seeded rows are in the audit trail like any other (the migration is their author).
        let audit = AuditContext.system("ttdn migrate", clock: .system)
        for (position, language) in SiteLanguage.defaults.enumerated() {
            try await SiteLanguageRecord(language, position: position).auditedCreate(on: database, by: audit)
        }
        for (position, topic) in Self.topics.enumerated() {
            try await Topic(slug: topic.slug, name: topic.vi, names: ["en": topic.en], position: position)
                .auditedCreate(on: database, by: audit)
        }
        for term in SensitiveTerms.defaults {
            let row = SensitiveTerm()
            row.term = term
            row.termKey = VietnameseText.searchKey(term)
            try await row.auditedCreate(on: database, by: audit)
        }
    }

    /// The subjects most provinces' foreign information is filed under; admins add, rename and translate.
    static let topics: [(slug: String, vi: String, en: String)] = [
        ("bien-gioi", "Biên giới", "Border"), ("bien-dao", "Biển, đảo", "Seas and islands"),
        ("asean", "ASEAN", "ASEAN"), ("dau-tu", "Đầu tư", "Investment"), ("du-lich", "Du lịch", "Tourism"),
        ("van-hoa", "Văn hóa", "Culture"), ("quan-he-huu-nghi", "Quan hệ hữu nghị", "Friendship and cooperation"),
        ("nguoi-viet-nam-o-nuoc-ngoai", "Người Việt Nam ở nước ngoài", "Overseas Vietnamese"),
    ]

    func revert(on database: any Database) async throws {
        for schema in [
            ArticleImage.schema, SensitiveTerm.schema, SecurityCheckRecord.schema, EditorialEvent.schema,
            ArticleRevision.schema, ArticleVersion.schema, ArticleTopic.schema, Article.schema, Topic.schema,
            SiteLanguageRecord.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
