import Crypto
import Foundation
import NIOCore
import NIOHTTP1
import Vapor

/// Rendered public pages, feeds and sitemaps, kept in memory behind the `site` revision: a page is rendered
/// once per change of anything published, on whichever instance; each request then costs one short read of
/// the counter. Answers carry an ETag (the body's hash) and Last-Modified, and a conditional request that
/// matches gets 304 with no body.
struct PublicPage: Sendable {
    let body: ByteBuffer
    let contentType: String
    let etag: String
    let lastModified: Date?
    let status: HTTPResponseStatus
    let maxAge: Int

    init(
        body: String, contentType: String, lastModified: Date?, status: HTTPResponseStatus = .ok, maxAge: Int = 60
    ) {
        self.body = ByteBuffer(string: body)
        self.contentType = contentType
        etag = "\"" + SHA256.hash(data: Data(body.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined() + "\""
        self.lastModified = lastModified
        self.status = status
        self.maxAge = maxAge
    }

    /// The answer to `req`: 304 when its `If-None-Match` (or, without one, `If-Modified-Since`) matches.
    func response(for req: Request) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: contentType)
        headers.replaceOrAdd(name: .eTag, value: etag)
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=\(maxAge)")
        // Pages differ by nothing but the address; the root's language choice varies by Accept-Language.
        if let lastModified {
            headers.replaceOrAdd(name: .lastModified, value: HTTPDate.format(lastModified))
        }
        if status == .ok, notModified(req) {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: status, headers: headers, body: .init(buffer: body))
    }

    private func notModified(_ req: Request) -> Bool {
        if let match = req.headers.first(name: .ifNoneMatch) {
            return match.split(separator: ",").contains {
                let tag = $0.trimmingCharacters(in: .whitespaces)
                return tag == etag || tag == "W/" + etag || tag == "*"
            }
        }
        if let since = req.headers.first(name: .ifModifiedSince), let date = HTTPDate.parse(since),
            let lastModified
        {
            return lastModified.timeIntervalSince1970.rounded(.down) <= date.timeIntervalSince1970
        }
        return false
    }
}

/// HTTP dates (RFC 9110 IMF-fixdate), always in GMT.
enum HTTPDate {
    private static let style = Date.VerbatimFormatStyle(
        format:
            "\(weekday: .abbreviated), \(day: .twoDigits) \(month: .abbreviated) \(year: .defaultDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits) GMT",
        locale: Locale(identifier: "en_US_POSIX"), timeZone: TimeZone(identifier: "GMT")!,
        calendar: Calendar(identifier: .gregorian))

    static func format(_ date: Date) -> String { date.formatted(style) }

    static func parse(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.date(from: text)
    }
}
