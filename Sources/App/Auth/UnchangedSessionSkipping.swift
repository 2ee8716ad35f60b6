import Vapor

/// Vapor's sessions middleware writes the session back after every request that touched it, changed or
/// not: a database write per page view (on SQLite a write transaction, on PostgreSQL a row update). This
/// driver remembers what it read for the request and skips the write when the data is the same; a
/// changed session (sign-in, language, a message for the next page) is written as before.
struct UnchangedSessionSkipping: SessionDriver {
    let base: any SessionDriver

    private struct ReadData: StorageKey { typealias Value = SessionData }

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        base.createSession(data, for: request)
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        base.readSession(sessionID, for: request).map { data in
            if let data { request.storage[ReadData.self] = data }
            return data
        }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID>
    {
        if request.storage[ReadData.self] == data { return request.eventLoop.makeSucceededFuture(sessionID) }
        return base.updateSession(sessionID, to: data, for: request)
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        base.deleteSession(sessionID, for: request)
    }
}
