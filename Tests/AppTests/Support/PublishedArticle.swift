import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor

@testable import App

/// An article written, checked and published through `ArticleDesk` by a system actor with every role, with
/// a lead image: for tests that need something on the public site.
struct PublishedArticle {
    let articleID: UUID
    let versionID: UUID
    let imageID: UUID
    let slug: String

    /// A 1×1 PNG.
    static let png = Data(
        base64Encoded:
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")!

    /// A 1×1 PNG attached to `articleID` (straight into the table: the upload is tested on its own).
    static func attachImage(_ app: Application, to articleID: UUID, name: String) async throws -> ArticleImage {
        let image = ArticleImage()
        image.$article.id = articleID
        image.filename = name
        image.contentType = "image/png"
        image.width = 1
        image.height = 1
        image.size = png.count
        image.sha256 = String(repeating: "a", count: 64)
        image.data = png
        try await image.create(on: app.db)
        return image
    }

    static func make(_ app: Application, title: String, body: String = "Nội dung công khai.") async throws
        -> PublishedArticle
    {
        let actor = Actor(userID: UUID(), roles: [.admin], agencyID: nil)
        let desk = ArticleDesk(
            db: app.db, audit: .system("test", clock: app.clock), actor: actor, userID: nil, userName: "test")
        let created = try await desk.create(
            channel: .websites, topics: [], text: ArticleText(title: title, summary: "Tóm tắt.", body: body))
        let versionID = try created.requireID()
        for move in [EditorialMove.submit] {
            let current = try #require(try await ArticleVersion.find(versionID, on: app.db))
            _ = try await desk.move(
                move, versionID: versionID, expectedVersion: current.version, comment: "", publishAt: nil,
                terms: SensitiveTerms([]))
        }
        let checked = try #require(try await ArticleVersion.find(versionID, on: app.db))
        try await desk.recordCheck(
            versionID, expectedVersion: checked.version, decision: .clear, signOff: "test", terms: SensitiveTerms([]))
        for move in [EditorialMove.approve, .publish] {
            let current = try #require(try await ArticleVersion.find(versionID, on: app.db))
            _ = try await desk.move(
                move, versionID: versionID, expectedVersion: current.version, comment: "", publishAt: nil,
                terms: SensitiveTerms([]))
        }
        let image = try await attachImage(app, to: created.$article.id, name: "anh.png")
        let published = try #require(try await ArticleVersion.find(versionID, on: app.db))
        return PublishedArticle(
            articleID: created.$article.id, versionID: versionID, imageID: try image.requireID(),
            slug: published.slug)
    }
}
