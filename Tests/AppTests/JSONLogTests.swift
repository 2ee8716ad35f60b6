import Foundation
import Testing

@testable import App

/// Log lines are written by hand for speed; they must still be the JSON a log collector reads.
@Suite("JSON log lines")
struct JSONLogTests {
    @Test("Any text reads back the same through a JSON parser")
    func quoting() throws {
        for text in [
            "plain", "say \"hi\"", "back\\slash", "line\nbreak\r\t", "ctl \u{1}\u{1f}", "Hữu Nghị 中越 ສະບາຍດີ", "/a/b",
        ] {
            var line = ""
            JSONLogHandler.appendQuoted(text, to: &line)
            let parsed = try JSONSerialization.jsonObject(with: Data("[\(line)]".utf8)) as? [String]
            #expect(parsed == [text], "\(text)")
        }
    }

    @Test("Timestamps keep their format to the millisecond")
    func timestamp() {
        let date = Date(timeIntervalSince1970: 1_796_286_600.25)
        #expect(JSONLogHandler.timestamp(date) == "2026-12-03T08:30:00.250")
        #expect(JSONLogHandler.timestamp(date.addingTimeInterval(1.5)) == "2026-12-03T08:30:01.750")
    }
}
