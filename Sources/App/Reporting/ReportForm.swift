import Foundation
import TTDNKit
import Vapor

/// What the report form posts besides its evidence files (multipart, read by `StreamedForm`, which keeps the
/// files on disk), and its reading into `ReportContent` with per-field problems. Bad input comes back with
/// everything typed kept.
struct ReportForm: Decodable {
    struct TaskInput: Decodable {
        var status: String?
        var progress: String?
        var done: String?
        var difficulties: String?
        var proposals: String?
        var values: [String: String]?
    }

    var version: Int?
    /// `save` (draft) or `submit`.
    var action: String?
    var summary: String?
    var difficulties: String?
    var proposals: String?
    var tasks: [String: TaskInput]?

    static let maxText = 20_000

    /// The content, and problems keyed `task:<id>:<field>` or `<field>` (translation keys as values).
    func read(taskIDs: [UUID], indicatorIDs: [UUID: [UUID]], submit: Bool) -> (ReportContent, [String: String]) {
        var content = ReportContent()
        var problems: [String: String] = [:]
        func text(_ value: String?, _ key: String) -> String {
            let t = FormText.prose(value)
            if t.count > Self.maxText { problems[key] = "report.error.too_long" }
            return t
        }
        content.summary = text(summary, "summary")
        content.difficulties = text(difficulties, "difficulties")
        content.proposals = text(proposals, "proposals")
        for id in taskIDs {
            let key = id.uuidString
            let input = tasks?[key] ?? tasks?[key.lowercased()]
            var entry = ReportContent.Entry()
            if let status = input?.status, PlanTask.Status(rawValue: status) != nil,
                status != PlanTask.Status.cancelled.rawValue
            {
                entry.status = status
            }
            let progressText = (FormText.value(input?.progress) ?? "")
            if !progressText.isEmpty {
                if let p = Int(progressText), (0...100).contains(p) {
                    entry.progress = p
                } else {
                    problems["task:\(key):progress"] = "report.error.progress"
                }
            }
            if entry.status == PlanTask.Status.completed.rawValue { entry.progress = 100 }
            entry.done = text(input?.done, "task:\(key):done")
            entry.difficulties = text(input?.difficulties, "task:\(key):difficulties")
            entry.proposals = text(input?.proposals, "task:\(key):proposals")
            for indicator in indicatorIDs[id] ?? [] {
                let raw =
                    (FormText.value(
                        input?.values?[indicator.uuidString] ?? input?.values?[indicator.uuidString.lowercased()]) ?? "")
                    .replacingOccurrences(of: ",", with: ".")
                guard !raw.isEmpty else { continue }
                if let v = Double(raw), v >= 0, v.isFinite {
                    entry.values[indicator.uuidString] = v
                } else {
                    problems["task:\(key):values"] = "report.error.value"
                }
            }
            if submit && entry.status != PlanTask.Status.notStarted.rawValue && entry.done.isEmpty {
                problems["task:\(key):done"] = "report.error.done_required"
            }
            content.tasks[key] = entry
        }
        return (content, problems)
    }
}
