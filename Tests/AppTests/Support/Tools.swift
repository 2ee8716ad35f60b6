import Foundation
import Testing

/// Tests that need a tool outside Swift (Python's aiosmtpd or icalendar, PostgreSQL, pdftotext …). On a
/// developer's machine a missing tool skips that part with a note; in CI (`CI` set, as `.ci/run` has it)
/// it fails the test, so a missing install cannot pass for a green run.
enum Tools {
    static var inCI: Bool {
        let value = ProcessInfo.processInfo.environment["CI"] ?? ""
        return !value.isEmpty && value != "0" && value.lowercased() != "false"
    }

    /// True when `available`; otherwise notes (locally) or fails (in CI) that `what` could not be checked.
    static func require(
        _ available: Bool, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) -> Bool {
        if available { return true }
        if inCI {
            Issue.record("\(what) is missing in CI", sourceLocation: sourceLocation)
        } else {
            print("\(what) not found; that part was not checked (it fails in CI)")
        }
        return false
    }
}
