import Crypto
import Foundation
import MultipartKit
import NIOCore
import TTDNKit
import Vapor

/// A form read as it arrives, for the routes that take files (a report's evidence). Text fields are kept, up
/// to `textLimit` bytes in all; each file goes to a file of its own under `directory`, chunk by chunk, with
/// its size, SHA-256 and `EvidenceSample` worked out on the way, so memory holds a chunk of a file, never the
/// file. Bytes of a file beyond `fileLimit` are counted, not kept (the policy then refuses it by its size).
///
/// The whole body is bounded by the route's limit whether or not it declared a length. The CSRF token is
/// checked here, since the middleware cannot read it without collecting the body: it must come before any
/// file, so a forged post never gets a byte onto the disk.
struct StreamedForm: Sendable {
    struct File: Sendable {
        var field: String
        var filename: String
        var url: URL
        var sample: EvidenceSample
        var sha256: String
        /// Bytes beyond the file limit were dropped; only the size counts them.
        var truncated: Bool
    }

    /// The text fields URL-encoded, so that `decode` reads them as any form is read.
    private(set) var encodedFields = ""
    private(set) var files: [File] = []

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try URLEncodedFormDecoder().decode(T.self, from: encodedFields)
    }

    /// Removes the files still where the reading put them (a save moves the ones it keeps).
    func removeFiles() {
        for file in files { try? FileManager.default.removeItem(at: file.url) }
    }

    /// Reads the request's form: multipart (streamed) or URL-encoded (collected, as text only).
    static func read(_ req: Request, directory: URL, fileLimit: Int, textLimit: Int = 8 << 20) async throws
        -> StreamedForm
    {
        let bodyLimit = req.route?.maxBodyBytes ?? 2 << 20
        let headerToken = req.headers.first(name: "X-CSRF-Token")
        guard let type = req.headers.contentType else {
            req.discardUnreadBody()
            throw Abort(.unsupportedMediaType)
        }
        if type == .urlEncodedForm {
            let buffer = try await req.body.collect(max: min(bodyLimit, textLimit)).get()
            var form = StreamedForm()
            form.encodedFields = buffer.map { String(buffer: $0) } ?? ""
            let token = try? URLEncodedFormDecoder().decode(TokenField.self, from: form.encodedFields)
            guard CSRF.matches(headerToken ?? token?.value, request: req) else {
                throw Abort(.forbidden, reason: "csrf")
            }
            return form
        }
        // MultipartKit's parser stops the process on an empty boundary: check it before making one.
        guard type.type == "multipart", type.subType == "form-data", let boundary = type.parameters["boundary"],
            (1...70).contains(boundary.utf8.count)
        else {
            req.discardUnreadBody()
            throw Abort(.unsupportedMediaType)
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let reader = MultipartReader(
            boundary: boundary, directory: directory, fileLimit: fileLimit, textLimit: textLimit, bodyLimit: bodyLimit,
            tokenMatches: { CSRF.matches($0, request: req) },
            headerTokenMatched: headerToken.map { CSRF.matches($0, request: req) } ?? false)
        let done = req.eventLoop.makePromise(of: Void.self)
        // Each chunk is parsed and written before the next is asked for: the stream's own back-pressure.
        req.body.drain { part in
            switch part {
            case .buffer(let buffer):
                do {
                    try reader.consume(buffer)
                    return req.eventLoop.makeSucceededVoidFuture()
                } catch {
                    done.fail(error)
                    return req.eventLoop.makeFailedFuture(error)
                }
            case .error(let error):
                done.fail(error)
                return req.eventLoop.makeSucceededVoidFuture()
            case .end:
                do {
                    try reader.finish()
                    done.succeed(())
                } catch {
                    done.fail(error)
                }
                return req.eventLoop.makeSucceededVoidFuture()
            }
        }
        do {
            try await done.futureResult.get()
        } catch {
            reader.removeFiles()
            throw error
        }
        var form = StreamedForm()
        (form.encodedFields, form.files) = reader.result
        return form
    }

    private struct TokenField: Decodable {
        var value: String?
        enum CodingKeys: String, CodingKey { case value = "_csrf" }
    }

    /// Percent-encodes a name or value for `encodedFields`: everything but unreserved characters (brackets
    /// stay in names, where the decoder reads them as nesting).
    static func formEncode(_ text: String, keepBrackets: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "["),
                UInt8(ascii: "]") where keepBrackets:
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}

/// The multipart side of `StreamedForm`: MultipartKit's push parser, fed chunk by chunk from the body's
/// drain, which calls it on one event loop, one chunk at a time (hence the unchecked `Sendable`).
private final class MultipartReader: @unchecked Sendable {
    private let parser: MultipartParser
    private let directory: URL
    private let fileLimit: Int
    private let textLimit: Int
    private let bodyLimit: Int
    private let tokenMatches: (String) -> Bool
    private var tokenChecked: Bool

    private var bodyBytes = 0
    private var textBytes = 0
    private var fields: [String] = []
    private var files: [StreamedForm.File] = []
    private var failure: (any Error)?

    // The part being read.
    private var headers = HTTPHeaders()
    private var started = false
    /// The part has a `filename` (an empty file input's part has one too, and no bytes kept).
    private var isFile = false
    private var name = ""
    private var text: [UInt8] = []
    private var file: FileHandle?
    private var current: StreamedForm.File?
    private var hasher = SHA256()

    init(
        boundary: String, directory: URL, fileLimit: Int, textLimit: Int, bodyLimit: Int,
        tokenMatches: @escaping (String) -> Bool, headerTokenMatched: Bool
    ) {
        parser = MultipartParser(boundary: boundary)
        self.directory = directory
        self.fileLimit = fileLimit
        self.textLimit = textLimit
        self.bodyLimit = bodyLimit
        self.tokenMatches = tokenMatches
        tokenChecked = headerTokenMatched
        parser.onHeader = { [unowned self] name, value in
            headers.add(name: name, value: value)
        }
        parser.onBody = { [unowned self] buffer in
            guard failure == nil else { return }
            do {
                try begin()
                try body(buffer.readableBytesView)
            } catch { failure = error }
        }
        parser.onPartComplete = { [unowned self] in
            guard failure == nil else { return }
            do {
                try begin()
                try complete()
            } catch { failure = error }
        }
    }

    var result: (String, [StreamedForm.File]) { (fields.joined(separator: "&"), files) }

    func consume(_ buffer: ByteBuffer) throws {
        bodyBytes += buffer.readableBytes
        guard bodyBytes <= bodyLimit else { throw Abort(.payloadTooLarge) }
        do {
            try parser.execute(buffer)
        } catch {
            throw Abort(.badRequest)
        }
        if let failure { throw failure }
    }

    /// The body has ended: a part left open means it was cut off; a form without its token is refused.
    func finish() throws {
        if let failure { throw failure }
        guard !started, bodyBytes > 0 else { throw Abort(.badRequest) }
        guard tokenChecked else { throw Abort(.forbidden, reason: "csrf") }
    }

    func removeFiles() {
        try? file?.close()
        file = nil
        for file in files { try? FileManager.default.removeItem(at: file.url) }
        if let current { try? FileManager.default.removeItem(at: current.url) }
    }

    /// Learns from the part's headers what it is, on its first byte (or its end, for an empty part).
    private func begin() throws {
        guard !started else { return }
        started = true
        guard let disposition = headers.contentDisposition, let partName = disposition.name else {
            throw Abort(.badRequest)
        }
        name = partName
        guard let filename = disposition.filename else { return }
        isFile = true
        // A file before the token: the form is forged or broken; nothing reaches the disk.
        guard tokenChecked else { throw Abort(.forbidden, reason: "csrf") }
        guard !filename.isEmpty else { return }  // an empty file input still posts a part
        let url = directory.appendingPathComponent("upload-\(UUID().uuidString.lowercased())")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw Abort(.internalServerError, reason: "evidence directory not writable")
        }
        current = StreamedForm.File(
            field: partName, filename: filename, url: url, sample: EvidenceSample(), sha256: "", truncated: false)
        file = try FileHandle(forWritingTo: url)
        hasher = SHA256()
    }

    private func body(_ bytes: ByteBufferView) throws {
        if var upload = current {
            let chunk = Data(bytes)
            upload.sample.append(chunk)
            hasher.update(data: chunk)
            if upload.sample.size <= fileLimit {
                try file?.write(contentsOf: chunk)
            } else if !upload.truncated {
                upload.truncated = true
                try file?.truncate(atOffset: 0)
            }
            current = upload
        } else if isFile {
            return  // the empty file input's part
        } else {
            textBytes += bytes.count
            guard textBytes <= textLimit else { throw Abort(.payloadTooLarge) }
            text.append(contentsOf: bytes)
        }
    }

    private func complete() throws {
        if var upload = current {
            try file?.close()
            file = nil
            upload.sha256 = hasher.finalize().hex
            files.append(upload)
            current = nil
        } else if !isFile {
            let value = String(decoding: text, as: UTF8.self)
            if name == CSRF.fieldName {
                guard tokenMatches(value) else { throw Abort(.forbidden, reason: "csrf") }
                tokenChecked = true
            } else {
                fields.append(
                    StreamedForm.formEncode(name, keepBrackets: true) + "="
                        + StreamedForm.formEncode(value, keepBrackets: false))
            }
        }
        headers = HTTPHeaders()
        started = false
        isFile = false
        text = []
        name = ""
    }
}
