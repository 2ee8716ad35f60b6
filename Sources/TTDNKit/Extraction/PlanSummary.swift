import Foundation

/// The readable summary `ttdn extract FILE` prints: header, outline, tasks with their agencies and
/// timeframes, the other fields in brief, then the warnings.
public enum PlanSummary {
    public static func render(_ extraction: PlanExtraction) -> String {
        let plan = extraction.plan
        var out: [String] = []
        let number = [plan.number ?? "…", plan.symbol].compactMap { $0 }.joined(separator: "/")
        out.append("\(plan.kind ?? "(no type line)") \(number) — \(plan.title.isEmpty ? "(no title)" : plan.title)")
        out.append(
            "  \([plan.place, plan.date].compactMap { $0 }.joined(separator: ", "))\(plan.year.map { " · year \($0)" } ?? "") · read as \(extraction.source.format.rawValue) (\(extraction.source.encoding))"
        )
        out.append("")
        out.append("Outline")
        for node in extraction.outline {
            let indent = String(repeating: "  ", count: node.depth + 1)
            out.append("\(indent)\(node.ref)  \(clip(node.text, 90))")
        }
        out.append("")
        out.append("Tasks (\(plan.tasks.count))")
        for task in plan.tasks {
            out.append("  \(task.ref)  \(clip(task.title, 100))")
            if !task.lead.isEmpty { out.append("      lead:    \(task.lead.joined(separator: "; "))") }
            if !task.support.isEmpty { out.append("      support: \(task.support.joined(separator: "; "))") }
            if let t = task.timeframe { out.append("      when:    \(t.text) [\(describe(t))]") }
        }
        out.append("")
        out.append(
            "Citations (\(plan.citations.count)): "
                + plan.citations.map { "\($0.kind ?? "") \($0.number)\($0.date.map { " (\($0))" } ?? "")" }.joined(
                    separator: "; "))
        if !plan.responsibilities.isEmpty {
            out.append("Responsibilities:")
            for r in plan.responsibilities { out.append("  \(r.ref)  \(r.agencies.joined(separator: "; "))") }
        }
        if !plan.reporting.isEmpty {
            out.append("Reporting: " + plan.reporting.map(describe).joined(separator: "; "))
        }
        let signer = [plan.signer.authority, plan.signer.position, plan.signer.name].compactMap { $0 }.joined(
            separator: " · ")
        out.append("Signer: \(signer.isEmpty ? "(none)" : signer)")
        out.append("Recipients (\(plan.recipients.count)): " + plan.recipients.joined(separator: "; "))
        if !extraction.warnings.isEmpty {
            out.append("")
            out.append("Warnings (\(extraction.warnings.count))")
            for w in extraction.warnings { out.append("  - \(w.message)") }
        }
        return out.joined(separator: "\n")
    }

    static func describe(_ t: Timeframe) -> String {
        switch t.kind {
        case .quarters:
            return
                "quarters \(t.quarters?.map(String.init).joined(separator: ",") ?? "")\(t.year.map { " of \($0)" } ?? "")"
        case .recurring: return "every \(t.every?.rawValue ?? "?")\(t.count.map { ", \($0) in all" } ?? "")"
        case .year: return "within the year\(t.year.map { " \($0)" } ?? "")"
        default: return t.kind.rawValue
        }
    }

    static func describe(_ r: ReportingDuty) -> String {
        var s = r.frequency.rawValue
        if let d = r.beforeDay { s += " before day \(d)" }
        switch r.month {
        case .number(let m): s += "/\(m)"
        case .lastOfQuarter: s += " of the quarter's last month"
        case nil: break
        }
        if let to = r.to { s += " → \(to)" }
        return s
    }

    static func clip(_ s: String, _ n: Int) -> String {
        s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }
}
