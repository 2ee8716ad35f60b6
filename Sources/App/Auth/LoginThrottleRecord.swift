import Fluent
import Foundation
import TTDNKit

/// The throttle state of one key (`user:NAME` or `ip:ADDRESS`), in the database so every app
/// instance behind the proxy sees the same count.
final class LoginThrottleRecord: Model, @unchecked Sendable {
    static let schema = "login_throttles"

    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "failures") var failures: Int
    @OptionalField(key: "last_failure") var lastFailure: Date?
    @OptionalField(key: "locked_until") var lockedUntil: Date?

    init() {}

    init(key: String) {
        self.key = key
        self.failures = 0
    }

    var state: LoginThrottle.State {
        get { .init(failures: failures, lastFailure: lastFailure, lockedUntil: lockedUntil) }
        set {
            failures = newValue.failures
            lastFailure = newValue.lastFailure
            lockedUntil = newValue.lockedUntil
        }
    }
}

struct CreateLoginThrottles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LoginThrottleRecord.schema)
            .id()
            .field("key", .string, .required)
            .field("failures", .int, .required)
            .field("last_failure", .datetime)
            .field("locked_until", .datetime)
            .unique(on: "key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LoginThrottleRecord.schema).delete()
    }
}
