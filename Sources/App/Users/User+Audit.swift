import Crypto
import Foundation

extension User: Versioned {
    var version: Int {
        get { storedVersion ?? 0 }
        set { storedVersion = newValue }
    }

    static let auditType = "user"
    var auditLabel: String { "\(displayName) (\(username))" }
    /// The password hash is never copied into the audit trail; only the fact that it changed.
    var auditFields: [String: String] {
        [
            "username": username, "display_name": displayName, "email": email ?? "",
            "agency_id": $agency.id?.uuidString ?? "", "locale": locale, "active": String(active),
            "password": "•••• "
                + SHA256.hash(data: Data(passwordHash.utf8)).prefix(3).map { String(format: "%02x", $0) }.joined(),
        ]
    }
}

extension UserRole: Auditable {
    static let auditType = "user_role"
    var auditLabel: String { role }
    var auditFields: [String: String] { ["user_id": $user.id.uuidString, "role": role] }
}
