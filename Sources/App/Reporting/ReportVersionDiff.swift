import Foundation
import TTDNKit

/// What an agency changed between two versions it sent: each field of the report that differs, named as
/// the form names it, with a word diff of its text. The report's history shows it under every
/// resubmission, so the office sees what the agency did with its comments.
enum ReportVersionDiff {
    struct Change: Encodable {
        struct Piece: Encodable {
            let kind: String
            let text: String
        }
        let label: String
        let pieces: [Piece]
    }

    /// The fields of a report as the form has them, in the form's order: task by task (status, progress,
    /// what was done, indicator values, difficulties, proposals), then the report as a whole.
    static func fields(_ content: ReportContent, tasks: [ReportTasks], t: (String) -> String)
        -> [(key: String, label: String, text: String)]
    {
        var out: [(String, String, String)] = []
        var seen = Set<String>()
        for task in tasks {
            let key = task.id.uuidString
            seen.insert(key)
            guard let entry = content.tasks[key] else { continue }
            out += taskFields(entry, key: key, heading: "\(task.ref) \(task.title)", indicators: task.indicators, t: t)
        }
        // A task no longer on the form (the plan changed) still shows what was written about it.
        for (key, entry) in content.tasks.sorted(by: { $0.key < $1.key }) where !seen.contains(key) {
            out += taskFields(entry, key: key, heading: key, indicators: [], t: t)
        }
        out.append(("summary", t("report.field.summary"), content.summary))
        out.append(("difficulties", t("report.field.difficulties"), content.difficulties))
        out.append(("proposals", t("report.field.proposals"), content.proposals))
        return out
    }

    private static func taskFields(
        _ entry: ReportContent.Entry, key: String, heading: String, indicators: [ReportTasks.IndicatorRef],
        t: (String) -> String
    ) -> [(String, String, String)] {
        var out: [(String, String, String)] = [
            ("\(key):status", "\(heading) · \(t("report.field.status"))", t("task.status.\(entry.status)")),
            ("\(key):progress", "\(heading) · \(t("report.field.progress"))", entry.progress.map(String.init) ?? ""),
            ("\(key):done", "\(heading) · \(t("report.field.done"))", entry.done),
        ]
        let names = Dictionary(indicators.map { ($0.id.uuidString, $0.name) }) { a, _ in a }
        for (id, value) in entry.values.sorted(by: { $0.key < $1.key }) {
            out.append(("\(key):value:\(id)", "\(heading) · \(names[id] ?? id)", IndicatorAggregation.format(value)))
        }
        out.append(("\(key):difficulties", "\(heading) · \(t("report.field.difficulties"))", entry.difficulties))
        out.append(("\(key):proposals", "\(heading) · \(t("report.field.proposals"))", entry.proposals))
        return out
    }

    /// The changes from `old` to `new`; empty when the agency sent the same text again.
    static func changes(
        from old: ReportContent, to new: ReportContent, tasks: [ReportTasks], t: (String) -> String
    ) -> [Change] {
        let before = Dictionary(fields(old, tasks: tasks, t: t).map { ($0.key, $0.text) }) { a, _ in a }
        var out: [Change] = []
        var shown = Set<String>()
        for field in fields(new, tasks: tasks, t: t) {
            shown.insert(field.key)
            let was = before[field.key] ?? ""
            guard was != field.text else { continue }
            out.append(
                Change(
                    label: field.label,
                    pieces: TextDiff.words(was, field.text).map { .init(kind: $0.kind.rawValue, text: $0.text) }))
        }
        // Fields the new version no longer has (a task's entry dropped) are shown as removed.
        for field in fields(old, tasks: tasks, t: t) where !shown.contains(field.key) && !field.text.isEmpty {
            out.append(Change(label: field.label, pieces: [.init(kind: "removed", text: field.text)]))
        }
        return out
    }
}
