import Foundation

extension Plan: Versioned {
    static let auditType = "plan"
    var auditLabel: String { [numberAndSymbol, title].compactMap { $0 }.joined(separator: " · ") }
    var auditFields: [String: String] {
        [
            "kind": kind, "number": number ?? "", "symbol": symbol ?? "", "place": place ?? "",
            "document_date": documentDate ?? "", "issuing_agency_id": $issuingAgency.id?.uuidString ?? "",
            "title": title, "year": year.map(String.init) ?? "", "purposes": purposes, "budget": budget,
            "status": status, "signer_name": signerName, "signer_position": signerPosition,
            "signer_authority": signerAuthority, "recipients": recipients.joined(separator: " | "),
        ]
    }
}

extension PlanFile: Auditable {
    static let auditType = "plan_file"
    var auditLabel: String { filename }
    var auditFields: [String: String] {
        ["plan_id": $plan.id.uuidString, "filename": filename, "size": String(size), "sha256": sha256]
    }
}

extension PlanTask: Versioned {
    static let auditType = "plan_task"
    static var revision: Revision? { .plans }
    var auditLabel: String { "\(ref) \(title)" }
    var auditFields: [String: String] {
        [
            "plan_id": $plan.id.uuidString, "parent_id": $parent.id?.uuidString ?? "", "ref": ref,
            "position": String(position), "title": title, "content": content, "timeframe": timeframeJSON ?? "",
            "status": status, "progress": String(progress), "origin": origin,
        ]
    }
}

extension TaskAgency: Auditable {
    static let auditType = "task_agency"
    var auditLabel: String { wording }
    var auditFields: [String: String] {
        [
            "task_id": $task.id.uuidString, "role": role, "position": String(position), "wording": wording,
            "agency_id": $agency.id?.uuidString ?? "", "group_id": $group.id?.uuidString ?? "",
        ]
    }
}

extension TaskOutput: Auditable {
    static let auditType = "task_output"
    var auditLabel: String { description }
    var auditFields: [String: String] {
        [
            "task_id": $task.id.uuidString, "description": description, "target": target.map(String.init) ?? "",
            "unit": unit ?? "",
        ]
    }
}

extension LegalDocument: Versioned {
    var version: Int {
        get { storedVersion ?? 0 }
        set { storedVersion = newValue }
    }

    static let auditType = "legal_document"
    var auditLabel: String { [kind, number].compactMap { $0 }.joined(separator: " ") }
    var auditFields: [String: String] {
        [
            "kind": kind ?? "", "number": number, "issued_on": issuedOn ?? "", "issuer": issuer ?? "",
            "title": title ?? "",
        ]
    }
}

extension PlanCitation: Auditable {
    static let auditType = "plan_citation"
    var auditLabel: String { $document.id.uuidString }
    var auditFields: [String: String] {
        ["plan_id": $plan.id.uuidString, "legal_document_id": $document.id.uuidString, "position": String(position)]
    }
}

extension PlanResponsibility: Auditable {
    static let auditType = "plan_responsibility"
    var auditLabel: String { "\(ref) \(wording)" }
    var auditFields: [String: String] {
        [
            "plan_id": $plan.id.uuidString, "ref": ref, "position": String(position), "wording": wording,
            "agency_id": $agency.id?.uuidString ?? "", "group_id": $group.id?.uuidString ?? "", "duties": duties,
        ]
    }
}

extension PlanReportingDuty: Auditable {
    static let auditType = "plan_reporting_duty"
    var auditLabel: String { frequency }
    var auditFields: [String: String] {
        [
            "plan_id": $plan.id.uuidString, "frequency": frequency, "before_day": beforeDay.map(String.init) ?? "",
            "due_month": dueMonth ?? "", "recipient": recipient ?? "",
        ]
    }
}

extension CalendarToken: Auditable {
    static let auditType = "calendar_token"
    var auditLabel: String { $agency.id.uuidString }
    /// The token itself is a secret: only its first characters are recorded.
    var auditFields: [String: String] {
        [
            "agency_id": $agency.id.uuidString, "token": String(token.prefix(4)) + "…",
            "revoked_at": revokedAt.map { "\($0)" } ?? "",
        ]
    }
}

extension ImportDraft: Auditable {
    static let auditType = "import_draft"
    var auditLabel: String { filename }
    var auditFields: [String: String] { ["filename": filename, "size": String(data.count)] }
}
