import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor

@testable import App

@Suite("Session writes")
struct SessionWriteTests {
    final class CountingDriver: SessionDriver {
        let updates = NIOLockedValueBox(0)

        func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
            request.eventLoop.makeSucceededFuture(SessionID(string: "new"))
        }

        func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
            request.eventLoop.makeSucceededFuture(SessionData(initialData: ["locale": "vi", "csrf": "t"]))
        }

        func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<
            SessionID
        > {
            updates.withLockedValue { $0 += 1 }
            return request.eventLoop.makeSucceededFuture(sessionID)
        }

        func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
            request.eventLoop.makeSucceededVoidFuture()
        }
    }

    @Test("A session read and left as it was is not written back; a changed one is")
    func unchangedIsSkipped() async throws {
        try await withApp { app in
            let counter = CountingDriver()
            let driver = UnchangedSessionSkipping(base: counter)
            let request = Request(application: app, on: app.eventLoopGroup.next())
            let id = SessionID(string: "abc")
            let data = try #require(try await driver.readSession(id, for: request).get())
            _ = try await driver.updateSession(id, to: data, for: request).get()
            #expect(counter.updates.withLockedValue { $0 } == 0)
            var changed = data
            changed["flash"] = "success|Đã lưu."
            _ = try await driver.updateSession(id, to: changed, for: request).get()
            #expect(counter.updates.withLockedValue { $0 } == 1)
        }
    }
}
