import Fluent
import Foundation
import SQLKit
import TTDNKit
import Vapor

/// Counts sign-in attempts (and current-password checks) in `login_throttles`, per address and per
/// account, under `LoginThrottle`'s rules.
///
/// Each attempt is counted before its password is checked, in one statement (an upsert that adds one,
/// or starts afresh, and returns the new count), so parallel guesses get numbers 1, 2, 3 … and those
/// beyond the limit are refused: no read-check-write race, no unique-key error on a first insert. A
/// success takes its count back. The address is counted first; the account only when the address let the
/// attempt through, so one address cannot run up an account's count.
struct LoginThrottleStore {
    let db: any Database
    let rules: LoginThrottle

    /// The two keys of one attempt.
    struct Keys: Sendable, Equatable {
        var address: String
        var account: String

        init(address: String?, username: String) {
            self.address = LoginThrottle.Scope.address.keyPrefix + (address ?? "unknown")
            self.account = Self.account(username)
        }

        /// The keys of a change-password form's check of the current password: the account's own count, and
        /// the address's limits applied to this account only, so that a signed-in person's typing mistakes do
        /// not slow down others who share the address (an office behind one router).
        static func passwordCheck(address: String?, username: String) -> Keys {
            var keys = Keys(address: address, username: username)
            keys.address += "/" + keys.account
            return keys
        }

        static func account(_ username: String) -> String {
            LoginThrottle.Scope.account.keyPrefix + username.lowercased()
        }
    }

    /// An admitted attempt: its counts, to lock on failure or take back on success.
    struct Ticket: Sendable {
        var keys: Keys
        var address: LoginThrottle.State
        var account: LoginThrottle.State
    }

    enum Outcome: Sendable {
        case refused(LoginThrottle.Decision)
        case admitted(Ticket)
    }

    /// Decides whether an attempt may check its password, counting it if so.
    func admit(_ keys: Keys, now: Date) async throws -> Outcome {
        // A running lock or wait refuses the attempt without counting it.
        let stored = try await states([keys.address, keys.account])
        let before = LoginThrottle.strictest(
            rules.address.decide(stored[keys.address] ?? .init(), now: now),
            rules.account.decide(stored[keys.account] ?? .init(), now: now))
        guard before == .allowed else { return .refused(before) }
        let address = try await claim(keys.address, rules.address, now: now)
        if case .locked(let until) = rules.address.admit(claimed: address, now: now) {
            try await lock(keys.address, until: until, now: now)
            return .refused(.locked(until: until))
        }
        let account = try await claim(keys.account, rules.account, now: now)
        if case .locked(let until) = rules.account.admit(claimed: account, now: now) {
            try await lock(keys.account, until: until, now: now)
            return .refused(.locked(until: until))
        }
        return .admitted(Ticket(keys: keys, address: address, account: account))
    }

    /// The password was wrong: the attempt stays counted, and locks a key that reached its limit.
    func failed(_ ticket: Ticket, now: Date) async throws {
        if let until = rules.address.lock(afterFailure: ticket.address, now: now) {
            try await lock(ticket.keys.address, until: until, now: now)
        }
        if let until = rules.account.lock(afterFailure: ticket.account, now: now) {
            try await lock(ticket.keys.account, until: until, now: now)
        }
    }

    /// The password was right: the address takes the attempt back; the account starts afresh.
    func succeeded(_ ticket: Ticket) async throws {
        try await sql.raw(
            """
            UPDATE \(ident: LoginThrottleRecord.schema) SET failures = failures - 1
            WHERE \(ident: "key") = \(bind: ticket.keys.address) AND failures > 0
            """
        ).run()
        try await LoginThrottleRecord.query(on: db).filter(\.$key == ticket.keys.account).delete()
    }

    /// When the account's lock runs out, if it is locked at `now`.
    func accountLockedUntil(username: String, now: Date) async throws -> Date? {
        let key = Keys.account(username)
        guard let state = try await states([key])[key] else { return nil }
        return rules.account.current(state, now: now).lockedUntil
    }

    /// An administrator lifts an account's lock (and its count); the audit trail records it on the user.
    /// Returns false if there was no lock to lift.
    func unlock(_ user: User, by context: AuditContext, now: Date) async throws -> Bool {
        guard let until = try await accountLockedUntil(username: user.username, now: now) else { return false }
        let key = Keys.account(user.username)
        try await db.transaction { tx in
            try await LoginThrottleRecord.query(on: tx).filter(\.$key == key).delete()
            let entry = AuditEntry(
                at: now, context: context, action: .update, entityType: User.auditType,
                entityID: user.id?.uuidString ?? "", entityLabel: user.auditLabel,
                changes: ["login_locked_until": [InternetTime.string(until), nil]])
            try await entry.create(on: tx)
        }
        return true
    }

    // MARK: - Statements

    private var sql: any SQLDatabase {
        get throws {
            guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError) }
            return sql
        }
    }

    private struct Row: Decodable {
        var failures: Int
        var last_failure: Date?
        var locked_until: Date?
    }

    /// Counts one attempt for `key` atomically, as `LoginThrottle.Limits.claiming` does: one more, or
    /// one afresh when the lock has run out or the last failure is stale. Returns the new state.
    private func claim(_ key: String, _ limits: LoginThrottle.Limits, now: Date) async throws
        -> LoginThrottle.State
    {
        let table = LoginThrottleRecord.schema
        let fresh: SQLQueryString = """
            ((\(ident: table).locked_until IS NOT NULL AND \(ident: table).locked_until <= \(bind: now)) \
            OR (\(ident: table).locked_until IS NULL AND \(ident: table).last_failure < \(bind: limits.staleBefore(now))))
            """
        let row = try await sql.raw(
            """
            INSERT INTO \(ident: table) (id, \(ident: "key"), failures, last_failure, locked_until)
            VALUES (\(bind: UUID()), \(bind: key), 1, \(bind: now), NULL)
            ON CONFLICT (\(ident: "key")) DO UPDATE SET
            failures = CASE WHEN \(fresh) THEN 1 ELSE \(ident: table).failures + 1 END,
            locked_until = CASE WHEN \(fresh) THEN NULL ELSE \(ident: table).locked_until END,
            last_failure = \(bind: now)
            RETURNING failures, last_failure, locked_until
            """
        ).first(decoding: Row.self)
        guard let row else { throw Abort(.internalServerError) }
        return .init(failures: row.failures, lastFailure: row.last_failure, lockedUntil: row.locked_until)
    }

    /// Locks `key` until `until`, unless a lock is already running (parallel attempts all try).
    private func lock(_ key: String, until: Date, now: Date) async throws {
        try await sql.raw(
            """
            UPDATE \(ident: LoginThrottleRecord.schema) SET locked_until = \(bind: until)
            WHERE \(ident: "key") = \(bind: key) AND (locked_until IS NULL OR locked_until <= \(bind: now))
            """
        ).run()
    }

    private func states(_ keys: [String]) async throws -> [String: LoginThrottle.State] {
        let records = try await LoginThrottleRecord.query(on: db).filter(\.$key ~~ keys).all()
        return Dictionary(records.map { ($0.key, $0.state) }) { a, _ in a }
    }
}
