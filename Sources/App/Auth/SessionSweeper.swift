import Fluent
import Foundation
import TTDNKit
import Vapor

/// Deletes expired session rows (an expired session is refused when it comes back anyway; this removes
/// the ones that never come back). `serve` runs it hourly; tests call `sweep` directly.
enum SessionSweeper {
    /// Deletes the sessions expired at `now`; returns how many there were.
    @discardableResult
    static func sweep(on db: any Database, lifetime: SessionLifetime, now: Date) async throws -> Int {
        let expired = SessionRow.query(on: db).group(.or) { or in
            or.filter(\.$createdAt == nil)
                .filter(\.$createdAt < lifetime.createdBefore(now))
                .filter(\.$seenAt < lifetime.seenBefore(now))
        }
        let count = try await expired.copy().count()
        if count > 0 { try await expired.delete() }
        return count
    }

    /// The in-app job: shortly after start, then once an hour. Several instances may run it; deleting
    /// twice is harmless.
    static func start(_ app: Application) {
        let task = Task.detached {
            try? await Task.sleep(for: .seconds(60))
            while !Task.isCancelled {
                do {
                    let deleted = try await sweep(on: app.db, lifetime: app.sessionLifetime, now: app.authClock.now())
                    if deleted > 0 { app.logger.info("expired sessions deleted", metadata: ["count": "\(deleted)"]) }
                } catch {
                    app.logger.error("session clean-up failed: \(String(reflecting: error))")
                }
                try? await Task.sleep(for: .seconds(3600))
            }
        }
        app.lifecycle.use(Lifecycle(task: task))
    }

    struct Lifecycle: LifecycleHandler {
        let task: Task<Void, Never>
        func shutdown(_ application: Application) { task.cancel() }
    }
}
