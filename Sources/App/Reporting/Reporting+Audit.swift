import Foundation
import TTDNKit

extension RegimeRecord: Versioned {
    static let auditType = "reporting_regime"
    var auditLabel: String { name }
    var auditFields: [String: String] {
        [
            "plan_id": $plan.id?.uuidString ?? "", "name": name, "year": String(year), "definition": definition,
            "position": String(position),
        ]
    }
}

extension Obligation: Auditable {
    static let auditType = "obligation"
    var auditLabel: String { periodLabel }
    var auditFields: [String: String] {
        [
            "regime_id": $regime.id.uuidString, "agency_id": $agency.id.uuidString, "period_key": periodKey,
            "opens_on": opensOn, "due_on": dueOn ?? "", "lock_on": lockOn ?? "",
        ]
    }
}

extension Submission: Versioned {
    static let auditType = "submission"
    var auditLabel: String { $obligation.id.uuidString }
    /// The state and every field of the content, one audit field each (`summary`, `task:<id>:done`,
    /// `task:<id>:value:<indicator id>` …), so an entry lists exactly what a save changed, before and after.
    /// Empty task fields are left out (an untouched task adds nothing).
    var auditFields: [String: String] {
        var fields = [
            "obligation_id": $obligation.id.uuidString, "state": state, "version": String(version),
            "review_comment": reviewComment ?? "", "resend_by": resendBy ?? "", "resent_late": resentLate ? "1" : "",
            "task_comments": taskCommentsJSON == "{}" ? "" : taskCommentsJSON,
        ]
        let report = self.report
        fields["summary"] = report.summary
        fields["difficulties"] = report.difficulties
        fields["proposals"] = report.proposals
        for (id, entry) in report.tasks {
            let prefix = "task:\(id.lowercased()):"
            fields[prefix + "status"] = entry.status
            if let progress = entry.progress { fields[prefix + "progress"] = String(progress) }
            for (key, text) in [
                ("done", entry.done), ("difficulties", entry.difficulties), ("proposals", entry.proposals),
            ]
            where !text.isEmpty {
                fields[prefix + key] = text
            }
            for (indicator, value) in entry.values {
                fields[prefix + "value:" + indicator.lowercased()] = IndicatorAggregation.format(value)
            }
        }
        return fields
    }
}

extension EvidenceFile: Auditable {
    static let auditType = "evidence_file"
    var auditLabel: String { filename }
    var auditFields: [String: String] {
        ["submission_id": $submission.id.uuidString, "filename": filename, "size": String(size), "sha256": sha256]
    }
}

extension SubmissionEvent: Auditable {
    static let auditType = "submission_event"
    var auditLabel: String { kind }
    var auditFields: [String: String] {
        ["submission_id": $submission.id.uuidString, "kind": kind, "comment": comment, "version": String(version)]
    }
}

extension Indicator: Versioned {
    var version: Int {
        get { storedVersion ?? 0 }
        set { storedVersion = newValue }
    }

    static let auditType = "indicator"
    var auditLabel: String { name }
    var auditFields: [String: String] {
        [
            "code": code, "name": name, "unit": unit, "aggregation": aggregation, "position": String(position),
            "active": String(active),
        ]
    }
}

extension TaskIndicator: Auditable {
    static let auditType = "task_indicator"
    var auditLabel: String { $indicator.id.uuidString }
    var auditFields: [String: String] {
        [
            "task_id": $task.id.uuidString, "indicator_id": $indicator.id.uuidString,
            "target": target.map { String($0) } ?? "",
        ]
    }
}

extension ConsolidatedDraft: Versioned {
    static let auditType = "consolidated_report"
    var auditLabel: String { periodKey }
    var auditFields: [String: String] {
        [
            "regime_id": $regime.id.uuidString, "period_key": periodKey, "edits": edits,
            "addressees": addressees.joined(separator: " | "), "number": number ?? "",
        ]
    }
}

extension HolidayAdjustmentRecord: Auditable {
    static let auditType = "holiday_adjustment"
    var auditLabel: String { date }
    var auditFields: [String: String] { ["date": date, "kind": kind, "note": note] }
}
