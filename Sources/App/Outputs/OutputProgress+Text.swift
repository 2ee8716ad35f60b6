import TTDNKit
import Vapor

extension OutputProgress {
    /// What a task's linked work adds up to, in the reader's language: "2 of 4 produced; no. 3 due by
    /// 30/09/2026", "1 came late". `unit` is the plan's word for what is counted (`số`), which the Vietnamese
    /// sentences use ("Đã có 2/4 số; số thứ 3 hạn 30/09/2026").
    func text(_ req: Request, unit: String?) -> String {
        let unit = unit ?? req.t("outputs.progress.unit")
        var parts: [String] = []
        if let expected {
            parts.append(req.t("outputs.progress.of", String(produced), String(expected), unit))
        } else {
            parts.append(req.t("outputs.progress.count", String(produced)))
        }
        if let next {
            if let due = next.due {
                parts.append(
                    req.t("outputs.progress.next", String(next.number), Formatting.date(due, req.locale), unit))
            } else if let expected {
                parts.append(req.t("outputs.progress.next_undated", String(expected - produced), unit))
            }
        }
        if producedLate > 0 { parts.append(req.t("outputs.progress.late_count", String(producedLate))) }
        return parts.joined(separator: "; ")
    }

    func stateLabel(_ req: Request) -> String { req.t("outputs.progress.state.\(state.rawValue)") }
}
