import Fluent
import Foundation
import SQLKit
import TTDNKit

/// The `job_claims` table: each piece of background work (a day's reminder, one e-mail) under a unique key,
/// with its attempts, last error and next try. A job is done when its work is done, not when it is taken:
///
/// - `record` marks a job done in the same transaction as its work (writes to this database, which commit
///   or roll back together): the unique key lets exactly one instance or cron run do it.
/// - `enqueue` adds a job whose work happens outside the database (an e-mail); `take` holds it for one
///   attempt (a conditional UPDATE, so two instances never both hold it), then `finish` or `fail` records
///   how it went. A failure is tried again after the delay `RetryPolicy` gives, until it gives up; an
///   attempt whose process died is taken again when its lease has run out.
///
/// Machine bookkeeping, written with SQLKit and not audited (like `Notifications`).
struct JobStore {
    let db: any SQLDatabase
    var policy = RetryPolicy()
    /// Who takes jobs: the instance (host and process), recorded on each attempt.
    var claimant: String

    init(db: any Database, claimant: String, policy: RetryPolicy = RetryPolicy()) throws {
        self.db = try Notifications.sql(db)
        self.claimant = claimant
        self.policy = policy
    }

    /// One attempt held by this caller.
    struct Attempt: Sendable {
        let key: String
        let token: String
        /// This attempt's number (1 for the first).
        let number: Int
        let payload: String?
    }

    /// A job that is not done: waiting for its first or next attempt, or given up.
    struct Row: Decodable, Sendable {
        let job_key: String
        let attempts: Int?
        let last_error: String?
        let next_attempt_at: Date?
        let outcome: String?
        let claimed_at: Date

        var gaveUp: Bool { outcome == JobStore.failed }
    }

    static let done = "done"
    static let failed = "failed"

    /// Marks `key` done now, unless someone already has; true when this call did. Run it inside the transaction
    /// that does the job's work, so that the work and the mark commit (or fail) together.
    func record(_ key: String, at now: Date) async throws -> Bool {
        let token = newToken()
        try await db.raw(
            """
            INSERT INTO job_claims (id, job_key, claimed_by, claimed_at, attempts, done_at, outcome)
            VALUES (\(bind: UUID()), \(bind: key), \(bind: token), \(bind: now), \(bind: 1), \(bind: now), \(bind: Self.done))
            ON CONFLICT (job_key) DO NOTHING
            """
        ).run()
        return try await holder(of: key) == token
    }

    /// Adds a job to be attempted from `now` on with `payload`; nothing when the key exists.
    func enqueue(_ key: String, payload: String, at now: Date) async throws {
        try await db.raw(
            """
            INSERT INTO job_claims (id, job_key, claimed_by, claimed_at, attempts, next_attempt_at, payload)
            VALUES (\(bind: UUID()), \(bind: key), \(bind: claimant), \(bind: now), \(bind: 0), \(bind: now), \(bind: payload))
            ON CONFLICT (job_key) DO NOTHING
            """
        ).run()
    }

    /// The keys (starting with `prefix`) whose next attempt is due at `now` and which nobody holds.
    func due(prefix: String, at now: Date) async throws -> [String] {
        struct Key: Decodable { let job_key: String }
        return try await db.raw(
            """
            SELECT job_key FROM job_claims
            WHERE done_at IS NULL AND outcome IS NULL AND next_attempt_at <= \(bind: now)
            AND (lease_until IS NULL OR lease_until <= \(bind: now)) AND job_key LIKE \(bind: prefix + "%")
            ORDER BY next_attempt_at, job_key
            """
        ).all(decoding: Key.self).map(\.job_key)
    }

    /// Holds `key` for one attempt if it is due and free: one UPDATE whose condition is checked again under the
    /// row's lock, so of several instances exactly one gets it. Nil when someone else has it or it is not due.
    func take(_ key: String, at now: Date) async throws -> Attempt? {
        let token = newToken()
        try await db.raw(
            """
            UPDATE job_claims SET claimed_by = \(bind: token), claimed_at = \(bind: now),
            lease_until = \(bind: policy.leaseEnd(from: now)), attempts = COALESCE(attempts, 0) + 1
            WHERE job_key = \(bind: key) AND done_at IS NULL AND outcome IS NULL AND next_attempt_at <= \(bind: now)
            AND (lease_until IS NULL OR lease_until <= \(bind: now))
            """
        ).run()
        struct Held: Decodable {
            let claimed_by: String
            let attempts: Int?
            let payload: String?
        }
        guard
            let row = try await db.raw(
                "SELECT claimed_by, attempts, payload FROM job_claims WHERE job_key = \(bind: key)"
            ).first(decoding: Held.self), row.claimed_by == token
        else { return nil }
        return Attempt(key: key, token: token, number: row.attempts ?? 1, payload: row.payload)
    }

    /// The attempt did the work (`outcome`: what it came to, e.g. `sent` or `skipped`).
    func finish(_ attempt: Attempt, outcome: String = JobStore.done, at now: Date) async throws {
        try await db.raw(
            """
            UPDATE job_claims SET done_at = \(bind: now), outcome = \(bind: outcome), lease_until = NULL,
            next_attempt_at = NULL WHERE job_key = \(bind: attempt.key) AND claimed_by = \(bind: attempt.token)
            """
        ).run()
    }

    /// The attempt failed with `error`: the job waits for its next attempt, or is given up.
    func fail(_ attempt: Attempt, error: String, permanent: Bool = false, at now: Date) async throws {
        let message = String(error.prefix(500))
        switch policy.after(failures: attempt.number, at: now, permanent: permanent) {
        case .retry(let next):
            try await db.raw(
                """
                UPDATE job_claims SET last_error = \(bind: message), next_attempt_at = \(bind: next), lease_until = NULL
                WHERE job_key = \(bind: attempt.key) AND claimed_by = \(bind: attempt.token)
                """
            ).run()
        case .giveUp:
            try await db.raw(
                """
                UPDATE job_claims SET last_error = \(bind: message), next_attempt_at = NULL, lease_until = NULL,
                outcome = \(bind: Self.failed) WHERE job_key = \(bind: attempt.key) AND claimed_by = \(bind: attempt.token)
                """
            ).run()
        }
    }

    /// Jobs not done (pending retries and those given up), for the admin's listing; given-up ones from the
    /// last `days` days.
    func unfinished(at now: Date, days: Int = 7) async throws -> [Row] {
        try await db.raw(
            """
            SELECT job_key, attempts, last_error, next_attempt_at, outcome, claimed_at FROM job_claims
            WHERE done_at IS NULL AND (outcome IS NULL OR claimed_at >= \(bind: now.addingTimeInterval(Double(-days) * 86400)))
            ORDER BY claimed_at, job_key
            """
        ).all(decoding: Row.self)
    }

    func holder(of key: String) async throws -> String? {
        struct Holder: Decodable { let claimed_by: String }
        return try await db.raw("SELECT claimed_by FROM job_claims WHERE job_key = \(bind: key)").first(
            decoding: Holder.self)?.claimed_by
    }

    private func newToken() -> String { "\(claimant)#\(UUID().uuidString)" }
}
