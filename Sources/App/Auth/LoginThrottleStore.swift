import Fluent
import Foundation
import TTDNKit

/// Reads and writes `LoginThrottle` state for several keys (account and address): the strictest
/// key decides.
struct LoginThrottleStore {
    let db: any Database
    let rules: LoginThrottle

    func decide(keys: [String], now: Date) async throws -> LoginThrottle.Decision {
        var worst = LoginThrottle.Decision.allowed
        for record in try await records(keys) {
            switch (rules.decide(record.state, now: now), worst) {
            case (.locked(let until), _): return .locked(until: until)
            case (.wait(let a), .wait(let b)): worst = .wait(seconds: max(a, b))
            case (.wait(let a), .allowed): worst = .wait(seconds: a)
            default: break
            }
        }
        return worst
    }

    func recordFailure(keys: [String], now: Date) async throws {
        let existing = try await records(keys)
        for key in keys {
            let record = existing.first { $0.key == key } ?? LoginThrottleRecord(key: key)
            record.state = rules.recordingFailure(record.state, now: now)
            try await record.save(on: db)
        }
    }

    func reset(keys: [String]) async throws {
        try await LoginThrottleRecord.query(on: db).filter(\.$key ~~ keys).delete()
    }

    private func records(_ keys: [String]) async throws -> [LoginThrottleRecord] {
        try await LoginThrottleRecord.query(on: db).filter(\.$key ~~ keys).all()
    }
}
