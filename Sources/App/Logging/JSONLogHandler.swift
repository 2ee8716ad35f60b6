import Foundation
import Logging
import NIOConcurrencyHelpers

/// One JSON object per line on stdout: time, level, label, message and metadata. Log collectors
/// parse it without guessing.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    private static let lock = NSLock()

    init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(
        level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?, source: String,
        file: String, function: String, line: UInt
    ) {
        var object: [String: String] = [
            "time": Self.timestamp(Date()), "level": level.rawValue, "label": label, "message": "\(message)",
        ]
        for (key, value) in metadata.merging(explicit ?? [:], uniquingKeysWith: { $1 }) {
            object[key] = "\(value)"
        }
        // Written by hand, keys sorted, as JSONSerialization would: it and Foundation's date formatting were
        // most of the cost of a public page served from memory.
        var line = "{"
        for (index, key) in object.keys.sorted().enumerated() {
            if index > 0 { line += "," }
            Self.appendQuoted(key, to: &line)
            line += ":"
            Self.appendQuoted(object[key] ?? "", to: &line)
        }
        line += "}\n"
        let data = Data(line.utf8)
        Self.lock.lock()
        FileHandle.standardOutput.write(data)
        Self.lock.unlock()
    }

    /// A JSON string: quotes, backslashes and control characters escaped, the rest as UTF-8.
    static func appendQuoted(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    private static let seconds = NIOLockedValueBox<(second: Int, text: String)>((-1, ""))

    /// `2026-12-03T15:13:55.900` (UTC): the part up to the second formatted once a second.
    static func timestamp(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        let second = Int(interval.rounded(.down))
        let millis = min(999, Int((interval - Double(second)) * 1000))
        let prefix = seconds.withLockedValue { kept -> String in
            if kept.second == second { return kept.text }
            let text = Date(timeIntervalSince1970: Double(second)).formatted(
                .iso8601.year().month().day().time(includingFractionalSeconds: false))
            kept = (second, text)
            return text
        }
        return prefix + String(format: ".%03d", millis)
    }
}
