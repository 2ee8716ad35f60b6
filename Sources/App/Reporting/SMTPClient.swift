import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import TTDNKit

/// A small SMTP client (RFC 5321) for the reminders: EHLO, STARTTLS (RFC 3207) unless turned off,
/// AUTH PLAIN when credentials are set, one message per connection. UTF-8 subject (RFC 2047) and body
/// (8BITMIME is not assumed: the body goes base64).
struct SMTPClient {
    struct Message {
        var from: String
        var to: String
        var subject: String
        var body: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        /// No retry can mend it (the message was refused before anything was sent).
        var permanent = false
    }

    let settings: SMTPSettings

    /// The last line of defence against header and command injection: an address or header value with a
    /// line break (or any control character) is refused before a connection is made, whatever let it in.
    static func check(_ message: Message) throws {
        for (field, address) in [("from", message.from), ("to", message.to)] {
            if let problem = MailAddress.problem(address) {
                throw Failure(description: "SMTP: refused \(field) address (\(problem.rawValue))", permanent: true)
            }
        }
        guard MailAddress.isSafeHeaderValue(message.subject) else {
            throw Failure(description: "SMTP: refused subject (control character)", permanent: true)
        }
    }

    func send(_ message: Message, date: Date) async throws {
        try Self.check(message)
        let group = MultiThreadedEventLoopGroup.singleton
        let lines = LineCollector()
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(15))
            .channelInitializer { channel in channel.pipeline.addHandler(lines) }
            .connect(host: settings.host, port: settings.port).get()
        defer { channel.close(promise: nil) }
        func command(_ text: String?, expect: Int) async throws -> [String] {
            if let text {
                var buffer = channel.allocator.buffer(capacity: text.utf8.count + 2)
                buffer.writeString(text + "\r\n")
                try await channel.writeAndFlush(buffer).get()
            }
            let reply = try await lines.reply(timeout: .seconds(30))
            guard let first = reply.first, Int(first.prefix(3)) == expect else {
                throw Failure(
                    description:
                        "SMTP \(text.map { $0.hasPrefix("AUTH") ? "AUTH" : $0 } ?? "greeting"): \(reply.joined(separator: " | "))"
                )
            }
            return reply
        }
        _ = try await command(nil, expect: 220)
        var ehlo = try await command("EHLO ttdn", expect: 250)
        if settings.startTLS {
            guard ehlo.contains(where: { $0.dropFirst(4).uppercased().hasPrefix("STARTTLS") }) else {
                throw Failure(
                    description: "SMTP server does not offer STARTTLS (set starttls=off only for a local relay)")
            }
            _ = try await command("STARTTLS", expect: 220)
            var config = TLSConfiguration.makeClientConfiguration()
            if let ca = settings.caFile {
                config.additionalTrustRoots = [.file(ca)]
            }
            let context = try NIOSSLContext(configuration: config)
            let tls = try NIOSSLClientHandler(
                context: context, serverHostname: settings.host.first?.isNumber == true ? nil : settings.host)
            try await channel.pipeline.addHandler(tls, position: .first).get()
            ehlo = try await command("EHLO ttdn", expect: 250)
        }
        if let user = settings.username, let password = settings.password {
            let token = Data("\u{0}\(user)\u{0}\(password)".utf8).base64EncodedString()
            _ = try await command("AUTH PLAIN \(token)", expect: 235)
        }
        _ = try await command("MAIL FROM:<\(message.from)>", expect: 250)
        _ = try await command("RCPT TO:<\(message.to)>", expect: 250)
        _ = try await command("DATA", expect: 354)
        _ = try await command(try Self.render(message, date: date), expect: 250)
        _ = try? await command("QUIT", expect: 221)
    }

    /// Headers and a base64 body, ending with the lone dot. The subject and body are encoded (base64); the
    /// addresses go in as they are, so they are checked again here.
    static func render(_ message: Message, date: Date) throws -> String {
        try check(message)
        let subject = "=?UTF-8?B?\(Data(message.subject.utf8).base64EncodedString())?="
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let body = Data(message.body.utf8).base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
        return [
            "From: <\(message.from)>", "To: <\(message.to)>", "Subject: \(subject)",
            "Date: \(formatter.string(from: date))",
            "Message-ID: <\(UUID().uuidString.lowercased())@ttdn>", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64", "", body, ".",
        ].joined(separator: "\r\n")
    }
}

/// Collects the server's reply lines; a reply ends at a line whose fourth character is a space.
final class LineCollector: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    private let lock = NSLock()
    private var pending = ""
    private var current: [String] = []
    private var replies: [[String]] = []
    private var waiter: CheckedContinuation<[String], any Error>?
    private var closed = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        let text = buffer.readString(length: buffer.readableBytes) ?? ""
        lock.withLock {
            pending += text
            while let range = pending.range(of: "\r\n") {
                let line = String(pending[..<range.lowerBound])
                pending.removeSubrange(..<range.upperBound)
                current.append(line)
                if line.count < 4 || line[line.index(line.startIndex, offsetBy: 3)] == " " {
                    replies.append(current)
                    current = []
                }
            }
            deliver()
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        lock.withLock {
            closed = true
            deliver()
        }
        context.fireChannelInactive()
    }

    /// Under the lock.
    private func deliver() {
        guard let waiter else { return }
        if !replies.isEmpty {
            self.waiter = nil
            waiter.resume(returning: replies.removeFirst())
        } else if closed {
            self.waiter = nil
            waiter.resume(throwing: SMTPClient.Failure(description: "SMTP connection closed"))
        }
    }

    func reply(timeout: Duration) async throws -> [String] {
        try await withThrowingTaskGroup(of: [String].self) { group in
            group.addTask {
                try await withCheckedThrowingContinuation { continuation in
                    self.lock.withLock {
                        self.waiter = continuation
                        self.deliver()
                    }
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)  // cancelled (throws) once the answer came
                // Wakes the reader, still waiting: the connection is given up.
                self.lock.withLock {
                    self.closed = true
                    self.deliver()
                }
                throw SMTPClient.Failure(description: "SMTP server did not answer")
            }
            let first = try await group.next()!
            group.cancelAll()
            return first
        }
    }
}
