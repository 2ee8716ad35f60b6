extension OutputLink: Auditable {
    static let auditType = "output_link"
    var auditLabel: String { "\(outputKind) \(outputID.uuidString.lowercased())" }
    var auditFields: [String: String] {
        ["output_kind": outputKind, "output_id": outputID.uuidString.lowercased(), "task_id": $task.id.uuidString]
    }
}
