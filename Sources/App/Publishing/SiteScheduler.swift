import Fluent
import Foundation
import TTDNKit
import Vapor

/// Publishes the versions scheduled for now and takes down those whose time on the site has run out, once a
/// minute inside the server. Several instances may run it: each job is recorded under its own key in the
/// transaction that does it (`JobStore.record`), and the version's row is claimed at the version read, so each
/// version is published exactly once however many instances see it due.
struct SiteScheduler {
    let app: Application
    let db: any Database

    struct Outcome: Equatable, Sendable {
        var published = 0
        var unpublished = 0
    }

    func runDue(now: Date? = nil) async throws -> Outcome {
        let now = now ?? app.clock.now()
        var outcome = Outcome()
        let due = try await ArticleVersion.query(on: db)
            .filter(\.$state == EditorialState.scheduled.rawValue).filter(\.$publishAt <= now).all()
        for version in due where try await run(.publish, on: version, now: now) { outcome.published += 1 }
        let ending = try await ArticleVersion.query(on: db).filter(\.$liveRevision != nil)
            .filter(\.$unpublishAt <= now).all()
        for version in ending where try await run(.unpublish, on: version, now: now) { outcome.unpublished += 1 }
        return outcome
    }

    /// One move as one job: false when another instance did it first or the version changed meanwhile.
    private func run(_ move: EditorialMove, on version: ArticleVersion, now: Date) async throws -> Bool {
        let id = try version.requireID()
        let when = (move == .publish ? version.publishAt : version.unpublishAt) ?? now
        let key =
            "site-\(move.rawValue):\(id.uuidString.lowercased()):\(version.version):\(Int(when.timeIntervalSince1970))"
        let audit = AuditContext.system("ttdn scheduler", clock: AppClock { now })
        do {
            return try await db.transaction { tx in
                let jobs = try JobStore(db: tx, claimant: "scheduler")
                guard try await jobs.record(key, at: now) else { return false }
                let claimed = try await ArticleVersion.claim(id, expectedVersion: version.version, on: tx)
                // The gate again: a version found classified after it was scheduled never goes out.
                guard !(move == .publish && claimed.classified) else { return false }
                try await ArticleDesk(db: tx, audit: audit, actor: nil, userID: nil, userName: "ttdn scheduler")
                    .apply(move, to: claimed, publishAt: nil, comment: "", on: tx)
                return true
            }
        } catch is VersionConflict {
            return false
        }
    }

    static func start(_ app: Application) {
        let task = Task.detached {
            try? await Task.sleep(for: .seconds(5))
            while !Task.isCancelled {
                do {
                    let outcome = try await SiteScheduler(app: app, db: app.db).runDue()
                    if outcome != Outcome() {
                        app.logger.info(
                            "scheduled publishing",
                            metadata: ["published": "\(outcome.published)", "unpublished": "\(outcome.unpublished)"])
                    }
                } catch {
                    app.logger.error("scheduled publishing failed: \(String(reflecting: error))")
                }
                try? await Task.sleep(for: .seconds(60))
            }
        }
        app.lifecycle.use(ReminderScheduler.SchedulerLifecycle(task: task))
    }
}
