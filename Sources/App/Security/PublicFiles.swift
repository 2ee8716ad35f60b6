import Crypto
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// Serves `Public/` (the stylesheet, the script) from memory: the files are read once when the application
/// starts (in a debug build, again whenever they change on disk, for whoever edits them), and each answer is a
/// dictionary look-up with an ETag and `Cache-Control`, a 304 when the browser has the file. No session, no
/// database, no file system per request: Vapor's `FileMiddleware` opened and streamed the file every time
/// (1,100 requests a second where nginx served 29,000).
///
/// Only GET and HEAD of an exact file name are answered here; anything else (`..`, a directory, a path longer
/// than a file system takes) goes on to the routes, which answer 404.
struct PublicFiles: AsyncMiddleware {
    struct File: Sendable {
        let body: ByteBuffer
        let contentType: String
        let etag: String
        let modified: Date
    }

    private let directory: String
    private let files: NIOLockedValueBox<[String: File]>
    private let reloads: Bool

    /// The largest file kept in memory; larger ones are not served from here.
    static let maxFileBytes = 4 << 20

    init(publicDirectory: String, reloads: Bool = false) {
        directory = publicDirectory
        files = NIOLockedValueBox(Self.load(publicDirectory))
        self.reloads = reloads
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .GET || request.method == .HEAD else { return try await next.respond(to: request) }
        let path = request.url.path
        guard var file = files.withLockedValue({ $0[path] }) else { return try await next.respond(to: request) }
        if reloads, let fresh = Self.reload(path, in: directory, if: file) {
            file = fresh
            files.withLockedValue { $0[path] = fresh }
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: file.contentType)
        headers.replaceOrAdd(name: .eTag, value: file.etag)
        headers.replaceOrAdd(name: .lastModified, value: HTTPDate.format(file.modified))
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        // Served ahead of `SecurityHeadersMiddleware`: the one header a static file needs.
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        if request.headers.first(name: .ifNoneMatch) == file.etag {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(buffer: file.body))
    }

    /// Every regular file under `directory` by its address (`/css/app.css`), dot-files left out.
    static func load(_ directory: String) -> [String: File] {
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        var found: [String: File] = [:]
        guard
            let walker = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [:] }
        for case let url as URL in walker {
            let relative = url.standardizedFileURL.path.dropFirst(root.path.count)
            guard relative.hasPrefix("/"), let file = read(url) else { continue }
            found[String(relative)] = file
        }
        return found
    }

    static func read(_ url: URL) -> File? {
        guard let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .contentModificationDateKey]),
            values.isRegularFile == true, let data = try? Data(contentsOf: url), data.count <= maxFileBytes
        else { return nil }
        let digest = SHA256.hash(data: data).prefix(12).map { String(format: "%02x", $0) }.joined()
        let type = HTTPMediaType.fileExtension(url.pathExtension).map { "\($0.type)/\($0.subType)" }
        let textual = ["css", "js", "txt", "svg", "json", "html"].contains(url.pathExtension)
        return File(
            body: ByteBuffer(data: data),
            contentType: (type ?? "application/octet-stream") + (textual ? "; charset=utf-8" : ""),
            etag: "\"\(digest)\"", modified: values.contentModificationDate ?? Date(timeIntervalSince1970: 0))
    }

    /// The file read again when its modification date moved (debug builds only).
    static func reload(_ path: String, in directory: String, if kept: File) -> File? {
        let url = URL(fileURLWithPath: directory + path)
        guard let modified = try? url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate,
            modified != kept.modified
        else { return nil }
        return read(url)
    }
}
