import Fluent
import Foundation
import TTDNKit
import Vapor

/// Stores sessions in the database (Fluent's session table) and expires them on the server: a session
/// past its lifetime or idle too long (`SessionLifetime`) is refused and deleted when its cookie comes
/// back, whatever the browser kept. Each row knows its user, so a password change can end that user's
/// other sessions (`endSessions`). The last-seen time is written at most every few minutes.
struct ExpiringSessions: SessionDriver {
    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        let key = Self.generateID()
        let row = SessionRow(key: key, data: data, now: request.application.authClock.now())
        return row.create(on: request.db).map { key }
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        let promise = request.eventLoop.makePromise(of: SessionData?.self)
        promise.completeWithTask { try await read(sessionID, on: request.db, app: request.application) }
        return promise.futureResult
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID>
    {
        SessionRow.query(on: request.db).filter(\.$key == sessionID)
            .set(\.$data, to: data).set(\.$userID, to: SessionRow.owner(of: data))
            .update().map { sessionID }
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        SessionRow.query(on: request.db).filter(\.$key == sessionID).delete()
    }

    private func read(_ sessionID: SessionID, on db: any Database, app: Application) async throws -> SessionData? {
        guard let row = try await SessionRow.query(on: db).filter(\.$key == sessionID).first() else { return nil }
        let now = app.authClock.now()
        let lifetime = app.sessionLifetime
        if lifetime.isExpired(createdAt: row.createdAt, seenAt: row.seenAt, now: now) {
            try await SessionRow.query(on: db).filter(\.$key == sessionID).delete()
            return nil
        }
        if lifetime.needsTouch(seenAt: row.seenAt, now: now) {
            try await SessionRow.query(on: db).filter(\.$key == sessionID).set(\.$seenAt, to: now).update()
        }
        return row.data
    }

    /// Ends every session of `userID`, except `keeping` (the session making a change to its own password).
    static func endSessions(of userID: UUID, keeping: SessionID? = nil, on db: any Database) async throws {
        var query = SessionRow.query(on: db).filter(\.$userID == userID)
        if let keeping { query = query.filter(\.$key != keeping) }
        try await query.delete()
    }

    /// 32 random bytes, as Fluent's own driver makes them.
    private static func generateID() -> SessionID {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return SessionID(string: Data(bytes).base64EncodedString())
    }
}

extension Application {
    private struct SessionLifetimeKey: StorageKey { typealias Value = SessionLifetime }

    /// How long sessions live on the server; the defaults unless a test sets its own.
    var sessionLifetime: SessionLifetime {
        get { storage[SessionLifetimeKey.self] ?? SessionLifetime() }
        set { storage[SessionLifetimeKey.self] = newValue }
    }
}
