import Fluent
import Foundation
import TTDNKit
import Vapor

/// Images of articles: uploaded in the newsroom (PNG, JPEG, GIF or WebP by their bytes, at most 10 MB, stored
/// like report evidence), served at `/media/<id>` with their type. An image is public only while its article
/// has a public version; before that only the newsroom sees it.
enum ArticleImageController {
    static let maxBytes = 10 << 20

    struct UploadForm: Decodable {
        var version_id: String?
        var lead: String?
        var version: String?
    }

    @Sendable static func upload(req: Request) async throws -> Response {
        guard let article = try await Article.find(try req.recordID(), on: req.db) else { throw Abort(.notFound) }
        let user = try req.auth.require(User.self)
        guard Policy.mayWriteArticle(user.actor, translation: true) else { throw Abort(.forbidden) }
        let settings = req.application.settings
        let posted = try await StreamedForm.read(req, directory: settings.uploadDirectory, fileLimit: maxBytes)
        defer { posted.removeFiles() }
        let form = try posted.decode(UploadForm.self)
        let back =
            form.version_id.flatMap(UUID.init(uuidString:)).map { SiteURL.articleVersion($0).path }
            ?? SiteURL.articles.path
        guard let file = posted.files.first(where: { $0.field == "image" && !$0.filename.isEmpty }) else {
            req.flash(.error, req.t("image.error.missing"))
            return req.redirect(to: back)
        }
        guard !file.truncated, let data = FileManager.default.contents(atPath: file.url.path),
            let header = ImageHeader.read(data)
        else {
            req.flash(
                .error,
                req.t(
                    file.truncated ? "image.error.too_big" : "image.error.type", EvidencePolicy.cleanName(file.filename)
                ))
            return req.redirect(to: back)
        }
        let articleID = try article.requireID()
        let audit = req.auditContext
        let image = ArticleImage()
        let imageID = UUID()
        image.id = imageID
        image.$article.id = articleID
        image.filename = EvidencePolicy.cleanName(file.filename)
        image.contentType = header.format.contentType
        image.width = header.width
        image.height = header.height
        image.size = data.count
        image.sha256 = file.sha256
        image.createdBy = user.id
        if let directory = settings.evidenceDirectory {
            let relative = "images/\(articleID.uuidString.lowercased())/\(imageID.uuidString.lowercased())"
            let final = URL(fileURLWithPath: directory).appendingPathComponent(relative)
            try FileManager.default.createDirectory(
                at: final.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: final, options: .atomic)
            image.storagePath = relative
        } else {
            image.data = data
        }
        let makeLead = form.lead == "on" || article.leadImageID == nil
        do {
            try await req.db.transaction { tx in
                try await image.auditedCreate(on: tx, by: audit)
                if makeLead {
                    let expected = form.version.flatMap { Int($0) } ?? article.version
                    let row = try await Article.claim(articleID, expectedVersion: expected, on: tx)
                    try await row.auditedUpdateAfterClaim(on: tx, by: audit) { $0.leadImageID = imageID }
                }
            }
        } catch is VersionConflict {
            req.flash(.error, req.t("article.error.conflict"))
            return req.redirect(to: back)
        }
        req.flash(.success, req.t("image.saved", "![…](\(SiteURL.media(imageID).path))"))
        return req.redirect(to: back)
    }

    @Sendable static func serve(req: Request) async throws -> Response {
        guard let image = try await ArticleImage.find(try req.recordID(), on: req.db) else { throw Abort(.notFound) }
        let isPublic =
            try await ArticleVersion.query(on: req.db).filter(\.$article.$id == image.$article.id)
            .filter(\.$liveRevision != nil).filter(\.$classified == false).first() != nil
        let newsroom = Policy.allows(req.auth.get(User.self)?.actor, .newsroom)
        guard isPublic || newsroom else { throw Abort(.notFound) }
        let data: Data
        if let path = image.storagePath, let directory = req.application.settings.evidenceDirectory {
            guard !path.contains(".."),
                let bytes = FileManager.default.contents(
                    atPath: URL(fileURLWithPath: directory).appendingPathComponent(path).path)
            else { throw Abort(.notFound) }
            data = bytes
        } else {
            data = image.data ?? Data()
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: image.contentType)
        headers.replaceOrAdd(name: .eTag, value: "\"\(image.sha256.prefix(24))\"")
        headers.replaceOrAdd(name: .cacheControl, value: isPublic ? "public, max-age=86400" : "private, no-store")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        if req.headers.first(name: .ifNoneMatch) == "\"\(image.sha256.prefix(24))\"" {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
