import Fluent
import Foundation
import SQLKit
import TTDNKit
import Vapor

/// `ttdn seed-site --articles 100000 [--languages vi,en]`: synthetic public articles written straight into
/// the tables and the search index (in batches, without the audit trail: benchmark data, not work), for
/// `scripts/bench-public` and for trying the site at scale. Text is drawn from Vietnamese and English word
/// lists by a seeded generator, so two runs make the same site.
struct SeedSiteCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "articles", help: "How many articles (default 1000)") var articles: Int?
        @Option(name: "languages", help: "Comma-separated language tags, each a published version (default vi,en)")
        var languages: String?
    }

    var help: String { "Writes synthetic published articles, to measure the public site and its search at scale." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard app.environment != .production else { throw CommandFailure("seed-site refuses a production database") }
        try await DatabaseSetup.ensureSchema(app)
        let count = signature.articles ?? 1000
        guard (1...1_000_000).contains(count) else { throw CommandFailure("--articles 1…1000000") }
        let languages = (signature.languages ?? "vi,en").split(separator: ",").map(String.init)
        guard languages.allSatisfy(SiteLanguage.isValidTag) else { throw CommandFailure("--languages: BCP 47 tags") }
        guard app.db is any SQLDatabase else { throw CommandFailure("needs an SQL database") }
        var generator = SplitMix64(seed: 2026)
        let now = app.clock.now()
        let started = Date()
        let batch = 500
        for first in stride(from: 0, to: count, by: batch) {
            let range = first..<min(first + batch, count)
            let texts = range.map { _ in languages.map { SyntheticText.article($0, &generator) } }
            try await app.db.transaction { tx in
                guard let sql = tx as? any SQLDatabase else { return }
                for n in range {
                    let articleID = UUID()
                    // Oldest first, as a real site's index grows.
                    let at = now.addingTimeInterval(-Double(count - n) * 600)
                    try await sql.insert(into: Article.schema)
                        .columns("id", "channel", "last_significant", "version", "created_at", "updated_at")
                        .values(
                            SQLBind(articleID), SQLBind(PromotionChannel.websites.rawValue), SQLBind(0), SQLBind(1),
                            SQLBind(at), SQLBind(at)
                        ).run()
                    for (index, language) in languages.enumerated() {
                        let text = texts[n - first][index]
                        let versionID = UUID()
                        let slug = "\(Slug.make(text.title) ?? "bai")-\(n)"
                        try await sql.insert(into: ArticleVersion.schema)
                            .columns(
                                "id", "article_id", "language", "title", "summary", "body", "slug", "image_alt",
                                "image_caption", "state", "revision", "source_revision", "classified", "live_revision",
                                "live_title", "live_summary", "live_body", "live_image_alt", "live_image_caption",
                                "live_text",
                                "first_published_at", "live_at", "updated_by", "version", "created_at", "updated_at"
                            )
                            .values(
                                SQLBind(versionID), SQLBind(articleID), SQLBind(language), SQLBind(text.title),
                                SQLBind(text.summary), SQLBind(text.body), SQLBind(slug), SQLBind(""), SQLBind(""),
                                SQLBind(EditorialState.published.rawValue), SQLBind(1),
                                SQLBind(language == "vi" ? nil : 1 as Int?), SQLBind(false), SQLBind(1),
                                SQLBind(text.title), SQLBind(text.summary), SQLBind(text.body), SQLBind(""),
                                SQLBind(""), SQLBind(text.body),
                                SQLBind(at), SQLBind(at), SQLBind("seed-site"), SQLBind(1), SQLBind(at), SQLBind(at)
                            ).run()
                        let version = ArticleVersion(article: articleID, language: language)
                        version.id = versionID
                        version.liveRevision = 1
                        version.liveTitle = text.title
                        version.liveSummary = text.summary
                        version.liveBody = text.body
                        version.firstPublishedAt = at
                        version.liveText = text.body
                        try await SiteSearch.update(version, on: tx)
                    }
                }
            }
            if (first / batch) % 20 == 19 {
                context.console.print("\(first + batch) articles, \(Int(Date().timeIntervalSince(started))) s")
            }
        }
        try await Revision.site.bump(on: app.db)
        context.console.print(
            "\(count) articles in \(languages.joined(separator: ", ")), \(Int(Date().timeIntervalSince(started))) s")
    }
}

/// Words to make synthetic articles from: common Vietnamese syllables and place names, English words.
enum SyntheticText {
    static let vietnamese = """
        Lạng Sơn Hà Nội Đồng Đăng Hữu Nghị Tân Thanh Chi Lăng Mẫu Sơn Kỳ Lừa Quảng Tây Bằng Tường cửa khẩu thông quan \
        hàng hóa xuất khẩu nhập khẩu doanh nghiệp đầu tư hợp tác hữu nghị du lịch văn hóa lễ hội biên giới tỉnh \
        đoàn công tác hội nghị xúc tiến thương mại nông sản hoa hồi na vải thiều kinh tế phát triển hạ tầng giao thông \
        đường sắt cao tốc khu kinh tế cửa khẩu số khai báo điện tử phương tiện xe chở hàng năm tháng tuần ngày \
        lãnh đạo ủy ban nhân dân sở ngoại vụ đối ngoại nhân dân giao lưu thanh niên học sinh sinh viên trao đổi \
        kinh nghiệm quản lý chất lượng sản phẩm thị trường quốc tế ASEAN Trung Quốc Lào Campuchia Nhật Bản Hàn Quốc \
        người Việt Nam ở nước ngoài kiều bào Tết truyền thống dân ca then đàn tính ẩm thực đặc sản khách tham quan
        """.split(separator: " ").map(String.init)
    static let english = """
        Lang Son Hanoi Dong Dang Huu Nghi Tan Thanh Chi Lang Mau Son Ky Lua Guangxi Pingxiang border gate customs \
        clearance goods export import business investment cooperation friendship tourism culture festival province \
        delegation conference promotion trade produce star anise custard apple lychee economy development \
        infrastructure transport railway expressway economic zone digital declaration vehicle truck year month week \
        leaders people's committee department foreign affairs exchange youth students experience management quality \
        products market international ASEAN China Laos Cambodia Japan Korea overseas Vietnamese traditional songs \
        cuisine specialties visitors
        """.split(separator: " ").map(String.init)

    /// A number below 20,000, small ones far more often: 20,000 × u³ for u uniform in [0, 1).
    static func fileNumber(_ generator: inout SplitMix64) -> Int {
        let u = Double(generator.next() >> 11) / Double(1 << 53)
        return Int(u * u * u * 20_000)
    }

    static func article(_ language: String, _ generator: inout SplitMix64) -> (
        title: String, summary: String, body: String
    ) {
        let words = language == "vi" ? vietnamese : english
        func sentence(_ length: Int) -> String {
            var out: [String] = []
            for _ in 0..<length { out.append(words[Int(generator.next() % UInt64(words.count))]) }
            let text = out.joined(separator: " ")
            return text.prefix(1).uppercased() + text.dropFirst()
        }
        let title = sentence(8 + Int(generator.next() % 6))
        let summary = sentence(20) + "."
        var body = (0..<5).map { _ in
            (0..<3).map { _ in sentence(12 + Int(generator.next() % 8)) + "." }.joined(separator: " ")
        }
        // Every word above is in nearly every article. A file number makes words of every frequency, as a real
        // site has: number n is in about one article in 75 × n^(2/3) (0 in 3,700 of 100,000, 1,000 in 12),
        // so that searches of the benchmark also take the ranked path (fewer than 1,000 matches).
        body.append((language == "vi" ? "Mã hồ sơ " : "File number ") + String(fileNumber(&generator)) + ".")
        return (title, summary, body.joined(separator: "\n\n"))
    }
}
