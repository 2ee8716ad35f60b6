import Fluent
import Foundation
import SQLKit
import TTDNKit
import Testing
import Vapor

@testable import App

/// The foreign-information site end to end through HTTP: the editor writes, the translator translates, the
/// approver checks and publishes; the public site, its feeds, sitemaps and search show what is public and
/// nothing else.
@Suite("Publishing")
struct PublishingTests {
    /// Writes an article as the editor; returns the Vietnamese version's id.
    static func write(
        _ browser: inout Browser, title: String, body: String, summary: String = "Tóm tắt."
    ) async throws -> UUID {
        try await browser.get(SiteURL.articleNew.path)
        let created = try await browser.post(
            SiteURL.articles.path,
            form: [
                ("channel", "websites"), ("title", title), ("summary", summary), ("body", body),
            ])
        #expect(created.status == .seeOther, "\(created.text)")
        let location = try #require(created.location)
        return try #require(UUID(uuidString: String(location.split(separator: "/").last ?? "")))
    }

    static func version(_ app: Application, _ id: UUID) async throws -> ArticleVersion {
        try #require(try await ArticleVersion.find(id, on: app.db))
    }

    static func move(
        _ browser: inout Browser, _ app: Application, _ id: UUID, _ move: String, extra: [(String, String)] = []
    )
        async throws
    {
        let current = try await version(app, id)
        try await browser.get(SiteURL.articleVersion(id).path)
        _ = try await browser.post(
            SiteURL.articleVersionMove(id).path,
            form: [("move", move), ("version", String(current.version))] + extra)
    }

    static func check(
        _ browser: inout Browser, _ app: Application, _ id: UUID, _ decision: String, signOff: String = ""
    )
        async throws
    {
        let current = try await version(app, id)
        try await browser.get(SiteURL.articleVersion(id).path)
        _ = try await browser.post(
            SiteURL.articleVersionCheck(id).path,
            form: [("decision", decision), ("sign_off", signOff), ("version", String(current.version))])
    }

    @Test("Editor writes, approver checks and publishes; the public page, search and feed show it")
    func publishFlow() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var editor = Browser(app)
            try await editor.login(fixture.users[.editor]!)
            let id = try await Self.write(
                &editor, title: "Cửa khẩu Hữu Nghị thông quan 24/7",
                body: "Đoàn doanh nghiệp **Hà Nội** đến Đồng Đăng.\n\nHàng hóa thông quan nhanh.")
            try await Self.move(&editor, app, id, "submit")
            #expect(try await Self.version(app, id).editorialState == .inReview)

            var approver = Browser(app)
            try await approver.login(fixture.users[.approver]!)
            // No approval without the security check.
            try await Self.move(&approver, app, id, "approve")
            #expect(try await Self.version(app, id).editorialState == .inReview)
            let page = try await approver.get(SiteURL.articleVersion(id).path).text
            #expect(page.contains("Chưa có kết quả kiểm tra bảo mật trước khi đăng."))
            // The editor may not record it.
            try await Self.check(&editor, app, id, "clear")
            #expect(try await SecurityCheckRecord.query(on: app.db).count() == 0)
            try await Self.check(&approver, app, id, "clear")
            try await Self.move(&approver, app, id, "approve")
            try await Self.move(&approver, app, id, "publish")
            let published = try await Self.version(app, id)
            #expect(published.editorialState == .published && published.liveRevision == 1)

            var reader = Browser(app)
            let home = try await reader.get(SiteURL.siteHome("vi").path)
            #expect(home.status == .ok && home.text.contains("Cửa khẩu Hữu Nghị thông quan 24/7"))
            let article = try await reader.get(SiteURL.siteArticle("vi", published.slug).path)
            #expect(article.status == .ok)
            #expect(article.text.contains("<strong>Hà Nội</strong>"))
            #expect(article.text.contains(#"<link rel="alternate" hreflang="vi""#))
            #expect(article.text.contains(#"hreflang="x-default""#))
            #expect(article.text.contains(#"<script type="application/ld+json">"#))
            // Search without diacritics, highlighted.
            let found = try await reader.get(SiteURL.siteSearch("vi").with(["q": "dong dang"])).text
            #expect(found.contains("Cửa khẩu Hữu Nghị thông quan 24/7"))
            #expect(found.contains("<mark>Đồng Đăng</mark>"))
            let feed = try await reader.get(SiteURL.siteFeed("vi", .rss).path)
            #expect(feed.headers.first(name: .contentType)?.hasPrefix("application/rss+xml") == true)
            #expect(feed.text.contains("Cửa khẩu Hữu Nghị thông quan 24/7"))
            // Reading the public site starts no session.
            #expect(reader.cookies["ttdn_session"] == nil)
            // Every step is in the audit trail.
            let moves = try await AuditEntry.query(on: app.db).filter(\.$entityType == "editorial_event").count()
            #expect(moves == 4)
        }
    }

    @Test("Search ranks up to its count limit; past it the newest come first, a page at a time")
    func searchPastTheCountLimit() async throws {
        try await withApp { app in
            let start = Date(timeIntervalSince1970: 1_780_000_000)
            var published: [UUID] = []
            for n in 1...5 {
                app.clock = .fixed(start.addingTimeInterval(Double(n) * 3600))
                // The oldest holds the words side by side in its title: first when ranked.
                let title = n == 1 ? "Hội chợ Đồng Đăng số \(n)" : "Đăng ký hội chợ số \(n) ở Đồng Văn"
                published.append(try await PublishedArticle.make(app, title: title).versionID)
            }
            let query = SearchQuery("dong dang")
            let ranked = try await SiteSearch.search(query, language: "vi", limit: 2, offset: 0, on: app.db)
            #expect(ranked.total == 5 && ranked.hasNext)
            #expect(ranked.ids.first == published[0])
            // Past a limit of 3, the count stops at 4 and the newest come first.
            let first = try await SiteSearch.search(
                query, language: "vi", limit: 2, offset: 0, countLimit: 3, on: app.db)
            #expect(first.total == 4 && first.hasNext)
            #expect(first.ids == [published[4], published[3]])
            let last = try await SiteSearch.search(
                query, language: "vi", limit: 2, offset: 4, countLimit: 3, on: app.db)
            #expect(last.ids == [published[0]] && !last.hasNext)
            // Nothing in another language, and nothing for a word no article holds.
            #expect(try await SiteSearch.search(query, language: "en", limit: 2, offset: 0, on: app.db).total == 0)
            let none = try await SiteSearch.search(
                SearchQuery("khong co"), language: "vi", limit: 2, offset: 0, on: app.db)
            #expect(none.ids.isEmpty && none.total == 0 && !none.hasNext)
        }
    }

    @Test("Classified and unapproved text never reaches any public response")
    func secretsStayInside() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var editor = Browser(app)
            try await editor.login(fixture.users[.editor]!)
            var approver = Browser(app)
            try await approver.login(fixture.users[.approver]!)
            // One public article, so that every public list has something in it.
            let open = try await Self.write(&editor, title: "Tin công khai", body: "Nội dung công khai.")
            try await Self.move(&editor, app, open, "submit")
            try await Self.check(&approver, app, open, "clear")
            try await Self.move(&approver, app, open, "approve")
            try await Self.move(&approver, app, open, "publish")
            // A classified one (published first, then found classified), one in review, one draft.
            let secret = try await Self.write(&editor, title: "Zebra mat qwxsecret", body: "Noi dung qwxsecret.")
            try await Self.move(&editor, app, secret, "submit")
            try await Self.check(&approver, app, secret, "clear")
            try await Self.move(&approver, app, secret, "approve")
            try await Self.move(&approver, app, secret, "publish")
            #expect(try await Self.version(app, secret).isPublic)
            try await Self.move(&approver, app, secret, "unpublish")
            try await Self.move(&approver, app, secret, "reopen")
            try await Self.move(&editor, app, secret, "submit")
            try await Self.check(&approver, app, secret, "classified")
            let classified = try await Self.version(app, secret)
            #expect(classified.classified && !classified.isPublic)
            // Whatever happens to it, it does not go out.
            try await Self.move(&approver, app, secret, "approve")
            try await Self.move(&approver, app, secret, "publish")
            #expect(!(try await Self.version(app, secret).isPublic))
            // An image of the classified article: never served to the public either.
            let image = try await PublishedArticle.attachImage(app, to: classified.$article.id, name: "qwxsecret.png")
            let review = try await Self.write(&editor, title: "Draft qwxreview", body: "Text qwxreview.")
            try await Self.move(&editor, app, review, "submit")
            _ = try await Self.write(&editor, title: "Nháp qwxdraft", body: "Nháp qwxdraft.")

            var reader = Browser(app)
            var paths = [
                SiteURL.siteHome("vi").path, SiteURL.siteHome("en").path, SiteURL.sitemapIndex.path,
                SiteURL.sitemap("vi").path, SiteURL.robots.path, SiteURL.siteFeed("vi", .rss).path,
                SiteURL.siteFeed("vi", .atom).path, SiteURL.siteSearch("vi").with(["q": "qwxsecret"]),
                SiteURL.siteSearch("vi").with(["q": "qwxreview"]), SiteURL.siteSearch("vi").with(["q": "qwxdraft"]),
                SiteURL.siteSearch("vi").with(["q": "zebra"]),
            ]
            for topic in try await Topic.query(on: app.db).all() {
                paths.append(SiteURL.siteTopic("vi", topic.slug).path)
                paths.append(SiteURL.siteTopicFeed("vi", topic.slug, .rss).path)
            }
            let now = LocalDate(app.clock.now())
            paths.append(SiteURL.siteArchive("vi", now.year, now.month).path)
            for version in try await ArticleVersion.query(on: app.db).all() {
                paths.append(SiteURL.siteArticle("vi", version.slug).path)
                paths.append(SiteURL.siteArticle("en", version.slug).path)
            }
            for path in paths {
                let response = try await reader.get(path)
                for marker in ["qwxsecret", "qwxreview", "qwxdraft", "Zebra"] {
                    if path.lowercased().contains(marker.lowercased()) {
                        // The address itself holds the word (a search, a slug): the page may repeat what was
                        // asked, but shows no article: an empty search, or not found.
                        #expect(
                            response.status == .notFound || !response.text.contains("search-results"),
                            "\(path) → \(response.status)")
                    } else {
                        #expect(!response.text.contains(marker), "\(marker) in \(path)")
                    }
                }
            }
            #expect(try await reader.get(SiteURL.siteArticle("vi", classified.slug).path).status == .notFound)
            #expect(try await reader.get(SiteURL.media(try image.requireID()).path).status == .notFound)
            // The newsroom still sees it.
            #expect(try await editor.get(SiteURL.media(try image.requireID()).path).status == .ok)
        }
    }

    @Test("Two people saving one version: the second gets a conflict and keeps their text")
    func conflictKeepsText() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var first = Browser(app)
            try await first.login(fixture.users[.editor]!)
            let id = try await Self.write(&first, title: "Bài gốc", body: "Đoạn một.")
            var second = Browser(app)
            try await second.login(fixture.users[.coordinator]!)
            let read = try await Self.version(app, id)
            try await first.get(SiteURL.articleVersionEdit(id).path)
            try await second.get(SiteURL.articleVersionEdit(id).path)
            let saved = try await first.post(
                SiteURL.articleVersion(id).path,
                form: [
                    ("title", "Bài gốc"), ("body", "Đoạn một, sửa bởi người thứ nhất."),
                    ("version", String(read.version)),
                ])
            #expect(saved.status == .seeOther)
            let clash = try await second.post(
                SiteURL.articleVersion(id).path,
                form: [("title", "Bài gốc"), ("body", "Văn bản của người thứ hai."), ("version", String(read.version))])
            #expect(clash.status == .conflict)
            #expect(clash.text.contains("Văn bản của người thứ hai."))
            #expect(try await Self.version(app, id).body == "Đoạn một, sửa bởi người thứ nhất.")
            #expect(try await ArticleRevision.query(on: app.db).filter(\.$version.$id == id).count() == 2)
        }
    }

    @Test("A significant change of the source makes its translation outdated, with the paragraphs that changed")
    func outdatedTranslation() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var editor = Browser(app)
            try await editor.login(fixture.users[.editor]!)
            let id = try await Self.write(
                &editor, title: "Mùa na Chi Lăng", body: "Sản lượng 40.000 tấn.\n\nGiá ổn định.")
            var translator = Browser(app)
            try await translator.login(fixture.users[.translator]!)
            let source = try await Self.version(app, id)
            try await translator.get(SiteURL.articleVersion(id).path)
            let started = try await translator.post(
                SiteURL.articleTranslate(source.$article.id).path, form: [("language", "en")])
            #expect(started.status == .seeOther)
            let english = try #require(
                try await ArticleVersion.query(on: app.db).filter(\.$language == "en").first())
            #expect(english.sourceRevision == 1)
            // The translator may not write the Vietnamese source.
            let refused = try await translator.post(
                SiteURL.articleVersion(id).path,
                form: [("title", "x"), ("body", "x"), ("version", String(source.version))])
            #expect(refused.status == .forbidden)
            let translated = try await translator.post(
                SiteURL.articleVersion(english.id!).path,
                form: [
                    ("title", "Chi Lang custard apple season"), ("body", "Output 40,000 tonnes.\n\nPrices stable."),
                    ("version", String(english.version)),
                ])
            #expect(translated.status == .seeOther)
            let matrix = try await translator.get(SiteURL.translations.with(["status": "all"])).text
            #expect(matrix.contains("Đang dịch"))
            // A significant change of the source.
            let current = try await Self.version(app, id)
            try await editor.get(SiteURL.articleVersionEdit(id).path)
            _ = try await editor.post(
                SiteURL.articleVersion(id).path,
                form: [
                    ("title", "Mùa na Chi Lăng"), ("summary", "Tóm tắt."),
                    ("body", "Sản lượng 45.000 tấn.\n\nGiá ổn định."),
                    ("significant", "on"), ("version", String(current.version)),
                ])
            let page = try await translator.get(SiteURL.articleVersion(english.id!).path).text
            #expect(page.contains("Bản dịch lạc hậu so với bản gốc"))
            #expect(page.contains("Sản lượng <del>40.000 </del><ins>45.000 </ins>tấn."))
            let diff = try await editor.get(SiteURL.articleVersionDiff(id).with(["from": "1", "to": "2"])).text
            #expect(diff.contains("<del>40.000 </del><ins>45.000 </ins>"))
            let csv = try await translator.get(SiteURL.translationsCSV.with(["status": "outdated"])).text
            #expect(csv.contains("Mùa na Chi Lăng") && csv.contains("outdated"))
        }
    }

    @Test("Scheduled publishing happens once, at its time, however many schedulers run")
    func scheduled() async throws {
        try await withApp { app in
            let start = Date(timeIntervalSince1970: 1_796_000_000)
            app.clock = .fixed(start)
            let fixture = try await Fixture.seed(app)
            var editor = Browser(app)
            try await editor.login(fixture.users[.editor]!)
            var approver = Browser(app)
            try await approver.login(fixture.users[.approver]!)
            let id = try await Self.write(&editor, title: "Hẹn giờ", body: "Sẽ đăng sau.")
            try await Self.move(&editor, app, id, "submit")
            try await Self.check(&approver, app, id, "clear")
            try await Self.move(&approver, app, id, "approve")
            let at = start.addingTimeInterval(2 * 3600)
            let end = at.addingTimeInterval(86_400)
            try await Self.move(
                &approver, app, id, "schedule",
                extra: [("publish_at", LocalDateTime.format(at)), ("unpublish_at", LocalDateTime.format(end))])
            #expect(try await Self.version(app, id).editorialState == .scheduled)
            #expect(
                try await SiteScheduler(app: app, db: app.db).runDue(now: start.addingTimeInterval(3600)).published == 0
            )
            let later = at.addingTimeInterval(60)
            async let one = SiteScheduler(app: app, db: app.db).runDue(now: later)
            async let two = SiteScheduler(app: app, db: app.db).runDue(now: later)
            let total = try await one.published + two.published
            #expect(total == 1)
            let done = try await Self.version(app, id)
            #expect(done.editorialState == .published && done.isPublic)
            let publishes = try await EditorialEvent.query(on: app.db).filter(\.$move == "publish").count()
            #expect(publishes == 1)
            // Taken down at the time asked for when it was scheduled, once.
            #expect(
                try await SiteScheduler(app: app, db: app.db).runDue(now: end.addingTimeInterval(-60)).unpublished == 0)
            #expect(
                try await SiteScheduler(app: app, db: app.db).runDue(now: end.addingTimeInterval(60)).unpublished == 1)
            #expect(
                try await SiteScheduler(app: app, db: app.db).runDue(now: end.addingTimeInterval(120)).unpublished == 0)
            #expect(!(try await Self.version(app, id).isPublic))
        }
    }

    @Test("An uploaded image is known by its bytes, becomes the lead image, and needs its description to go out")
    func imageUpload() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var editor = Browser(app)
            try await editor.login(fixture.users[.editor]!)
            let id = try await Self.write(&editor, title: "Ảnh Mẫu Sơn", body: "Mây trên đỉnh núi.")
            let version = try await Self.version(app, id)
            let article = version.$article.id
            try await editor.get(SiteURL.articleVersion(id).path)
            // A script named like a picture is refused.
            let fake = try await editor.multipart(
                SiteURL.articleImages(article).path, fields: [("version_id", id.uuidString)],
                files: [("image", "anh.png", Data("<script>alert(1)</script>".utf8))])
            #expect(fake.status == .seeOther)
            #expect(try await ArticleImage.query(on: app.db).count() == 0)
            let uploaded = try await editor.multipart(
                SiteURL.articleImages(article).path, fields: [("version_id", id.uuidString)],
                files: [("image", "mau-son.png", PublishedArticle.png)])
            #expect(uploaded.status == .seeOther)
            let image = try #require(try await ArticleImage.query(on: app.db).first())
            #expect(image.contentType == "image/png" && image.width == 1 && image.height == 1)
            #expect(try await Article.find(article, on: app.db)?.leadImageID == image.id)
            // The lead image has no description yet: the version cannot be submitted.
            try await Self.move(&editor, app, id, "submit")
            #expect(try await Self.version(app, id).editorialState == .draft)
            let page = try await editor.get(SiteURL.articleVersion(id).path).text
            #expect(page.contains("Có ảnh chưa có mô tả (alt)"))
            let current = try await Self.version(app, id)
            _ = try await editor.post(
                SiteURL.articleVersion(id).path,
                form: [
                    ("title", "Ảnh Mẫu Sơn"), ("body", "Mây trên đỉnh núi."),
                    ("image_alt", "Biển mây trên đỉnh Mẫu Sơn"),
                    ("version", String(current.version)),
                ])
            try await Self.move(&editor, app, id, "submit")
            #expect(try await Self.version(app, id).editorialState == .inReview)
            // Before it is public, only the newsroom sees the image.
            var reader = Browser(app)
            #expect(try await reader.get(SiteURL.media(try image.requireID()).path).status == .notFound)
            #expect(try await editor.get(SiteURL.media(try image.requireID()).path).status == .ok)
        }
    }

    @Test("Public pages answer 304 to a matching ETag; / picks the language from Accept-Language")
    func cachingAndNegotiation() async throws {
        try await withApp { app in
            var reader = Browser(app)
            let first = try await reader.get(SiteURL.siteHome("vi").path)
            let etag = try #require(first.headers.first(name: .eTag))
            #expect(first.headers.first(name: .cacheControl)?.contains("public") == true)
            let again = try await reader.get(SiteURL.siteHome("vi").path, headers: ["If-None-Match": etag])
            #expect(again.status == .notModified && again.body.readableBytes == 0)
            let root = try await reader.get("/", headers: ["Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5"])
            #expect(root.status == .seeOther || root.status == .found)
            #expect(root.location == "/zh-Hans")
            #expect(try await reader.get("/", headers: ["Accept-Language": "de"]).location == "/vi")
            #expect(try await reader.get("/?lang=en", headers: ["Accept-Language": "vi"]).location == "/en")
            #expect(try await reader.get("/xx-Nope").status == .notFound)
            // No session row for anyone who only reads.
            let sql = try #require(app.db as? any SQLDatabase)
            struct Count: Decodable { let n: Int }
            let sessions = try await sql.raw("SELECT COUNT(*) AS n FROM _fluent_sessions").first(decoding: Count.self)
            #expect(sessions?.n == 0)
        }
    }
}
