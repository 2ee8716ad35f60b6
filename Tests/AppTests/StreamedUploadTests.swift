import Crypto
import Fluent
import Foundation
import TTDNKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// The report form streams its files to disk (`StreamedForm`): nothing of a file is held whole in memory,
/// a file over the limit is counted and refused, a forged or broken form leaves nothing behind, and the
/// files kept are renamed into the evidence directory only when the save commits.
@Suite("Report files streamed to disk")
struct StreamedUploadTests {
    /// The evidence directory for one test, and what is left in its incoming folder.
    struct Evidence {
        let root: URL
        var incoming: [String] {
            (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(".incoming").path)) ?? []
        }

        init(_ app: Application) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("ttdn-evidence-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            app.settings.evidenceDirectory = root.path
        }
    }

    /// A multipart body with the parts in the order given (`filename` nil for a text field).
    static func body(boundary: String, _ parts: [(name: String, filename: String?, data: Data)], close: Bool = true)
        -> ByteBuffer
    {
        var body = ByteBuffer()
        for part in parts {
            let file = part.filename.map { "; filename=\"\($0)\"" } ?? ""
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\"\(file)\r\n\r\n")
            body.writeBytes(part.data)
            body.writeString("\r\n")
        }
        if close { body.writeString("--\(boundary)--\r\n") }
        return body
    }

    static func headers(boundary: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
        return headers
    }

    @Test("Over real HTTP a saved file lands in the evidence directory, whole, and nothing stays in incoming")
    func savedFileIsRenamedIntoPlace() async throws {
        try await withApp { app in
            let evidence = try Evidence(app)
            var (_, s) = try await ReportFreezeTests.setUp(app)
            s.officer.method = .running(hostname: "127.0.0.1", port: Int.random(in: 20000...60000))
            // Over a megabyte, so it arrives in many chunks.
            let pdf = Data("%PDF-1.7\n".utf8) + Data((0..<(1_200_000)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
            // Sent with a query so that the HTTP client, which follows the redirect to the report, does not take
            // the same address for a redirect cycle.
            let saved = try await s.officer.multipart(
                s.path + "?from=test",
                fields: [("version", "0"), ("action", "save"), ("summary", "Có tệp")]
                    + ReportingFlowTests.taskFields(s.plan, done: "Đã làm"),
                files: [("evidence[]", "Biên bản.pdf", pdf)])
            #expect(saved.status == .ok && saved.text.contains("Biên bản.pdf"))
            let file = try #require(try await EvidenceFile.query(on: app.db).first())
            #expect(file.size == pdf.count && file.filename == "Biên bản.pdf" && file.data == nil)
            #expect(file.sha256 == SHA256.hash(data: pdf).map { String(format: "%02x", $0) }.joined())
            let path = try #require(file.storagePath)
            #expect(try Data(contentsOf: evidence.root.appendingPathComponent(path)) == pdf)
            #expect(evidence.incoming.isEmpty)
        }
    }

    @Test("A file over the limit is refused with the form's message; the typed text stays; nothing is kept")
    func fileOverTheLimit() async throws {
        try await withApp { app in
            let evidence = try Evidence(app)
            app.settings.maxEvidenceBytes = 1000
            var (_, s) = try await ReportFreezeTests.setUp(app)
            let refused = try await s.officer.multipart(
                s.path,
                fields: [("version", "0"), ("action", "save"), ("summary", "Giữ lại dòng này")]
                    + ReportingFlowTests.taskFields(s.plan, done: "Đã làm"),
                files: [("evidence[]", "lớn.pdf", Data("%PDF-1.7\n".utf8) + Data(count: 5000))])
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("Tệp &quot;lớn.pdf&quot; vượt quá dung lượng cho phép."))
            #expect(refused.text.contains("Giữ lại dòng này"))
            #expect(try await EvidenceFile.query(on: app.db).count() == 0)
            #expect(try await Submission.query(on: app.db).count() == 0)
            #expect(evidence.incoming.isEmpty)
        }
    }

    @Test("A file sent before the form's token is refused before a byte of it reaches the disk")
    func fileBeforeTheToken() async throws {
        try await withApp { app in
            let evidence = try Evidence(app)
            var (_, s) = try await ReportFreezeTests.setUp(app)
            let boundary = "b-\(UUID().uuidString)"
            let forged = try await s.officer.send(
                .POST, s.path, headers: Self.headers(boundary: boundary),
                body: Self.body(
                    boundary: boundary,
                    [
                        ("version", nil, Data("0".utf8)), ("evidence[]", "a.pdf", Data("%PDF-1.7\n".utf8)),
                        ("_csrf", nil, Data((s.officer.csrf ?? "").utf8)),
                    ]))
            #expect(forged.status == .forbidden)
            let noToken = try await s.officer.send(
                .POST, s.path, headers: Self.headers(boundary: boundary),
                body: Self.body(
                    boundary: boundary, [("version", nil, Data("0".utf8)), ("action", nil, Data("save".utf8))]))
            #expect(noToken.status == .forbidden)
            #expect(evidence.incoming.isEmpty)
            #expect(try await Submission.query(on: app.db).count() == 0)
        }
    }

    @Test("Broken forms get 4xx and the service goes on: no boundary, an empty or over-long one, a cut-off body")
    func brokenForms() async throws {
        try await withApp { app in
            let evidence = try Evidence(app)
            var (_, s) = try await ReportFreezeTests.setUp(app)
            let token = Data((s.officer.csrf ?? "").utf8)
            for type in [
                "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"",
                "multipart/form-data; boundary=\(String(repeating: "x", count: 71))", "text/plain", "application/json",
            ] {
                var headers = HTTPHeaders()
                headers.replaceOrAdd(name: .contentType, value: type)
                let answer = try await s.officer.send(
                    .POST, s.path, headers: headers, body: ByteBuffer(string: "--x\r\n"))
                #expect(answer.status == .unsupportedMediaType, "\(type)")
            }
            let boundary = "cut"
            let cut = try await s.officer.send(
                .POST, s.path, headers: Self.headers(boundary: boundary),
                body: Self.body(
                    boundary: boundary,
                    [("_csrf", nil, token), ("evidence[]", "a.pdf", Data("%PDF-1.7\n".utf8) + Data(count: 3000))],
                    close: false))
            #expect(cut.status == .badRequest)
            #expect(evidence.incoming.isEmpty)
            #expect(try await s.officer.get(s.path).status == .ok)
        }
    }
}
