import Foundation
import Testing

/// Page snapshots: a page's HTML, with what changes from run to run replaced by stable placeholders,
/// compared with `Tests/AppTests/__Snapshots__/<name>.html`. A change to a template shows up as a diff to
/// read, not only as a broken `contains`.
///
/// A missing snapshot is written and the test fails once; `TTDN_RECORD_SNAPSHOTS=1` rewrites them all
/// (then read the diff in git before committing).
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__")

    static func check(_ html: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let page = normalised(html)
        let file = folder.appendingPathComponent(name + ".html")
        let recording = ProcessInfo.processInfo.environment["TTDN_RECORD_SNAPSHOTS"] == "1"
        guard !recording, let stored = try? String(contentsOf: file, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try page.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("Snapshot \(name) recorded; check it and run again", sourceLocation: sourceLocation)
            return
        }
        guard stored != page else { return }
        let storedLines = stored.split(separator: "\n", omittingEmptySubsequences: false)
        let pageLines = page.split(separator: "\n", omittingEmptySubsequences: false)
        let first =
            zip(storedLines, pageLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(storedLines.count, pageLines.count)
        let expected = first < storedLines.count ? String(storedLines[first]) : "(end)"
        let actual = first < pageLines.count ? String(pageLines[first]) : "(end)"
        Issue.record(
            "Snapshot \(name) differs from line \(first + 1):\n  stored: \(expected)\n  now:    \(actual)\n"
                + "(TTDN_RECORD_SNAPSHOTS=1 rewrites it)", sourceLocation: sourceLocation)
    }

    /// Ids become `id-1`, `id-2`, … in order of first appearance (so a repeated id stays recognisable),
    /// the CSRF token `CSRF`, this run's times `HH:MM D/M/Y` and today's date in a document.
    static func normalised(_ html: String) -> String {
        var names: [String: String] = [:]
        var out = html.replacing(#/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/#) {
            match in
            let key = match.output.lowercased()
            if let known = names[key] { return known }
            let made = "id-\(names.count + 1)"
            names[key] = made
            return made
        }
        // Times of this run (a session's "since", an audit entry's time) and today's date in a document.
        out = out.replacing(#/\d{1,2}:\d{2} \d{1,2}\/\d{1,2}\/\d{4}/#, with: "HH:MM D/M/Y")
        out = out.replacing(#/ngày \d{1,2} tháng \d{1,2} năm \d{4}/#, with: "ngày D tháng M năm Y")
        out = out.replacing(#/\d{1,2} [A-Z][a-z]{2} \d{4} at \d{1,2}:\d{2}/#, with: "D Mon Y at HH:MM")
        out = out.replacing(#/name="_csrf" value="[^"]*"/#, with: #"name="_csrf" value="CSRF""#)
        out = out.replacing(
            #/<meta name="csrf-token" content="[^"]*">/#, with: #"<meta name="csrf-token" content="CSRF">"#)
        return out
    }
}
