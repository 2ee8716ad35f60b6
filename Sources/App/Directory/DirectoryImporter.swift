import Fluent
import TTDNKit

/// Placeholder until the CSV codec lands (in progress).
struct DirectoryImporter {
    let db: any Database
    let audit: AuditContext
    func importCSV(_ text: String) async throws {}
}
