import Fluent
import NIOConcurrencyHelpers
import Vapor

/// Values derived from a family of tables, kept in memory between requests behind that family's
/// `Revision`: each use reads the counter (one short query) and loads afresh when it moved, so a change
/// made by another instance or a command shows at once.
///
/// A value loaded inside a transaction is used but not kept: the transaction may yet roll back. Values are
/// shared between requests, so what they hold (Fluent models included) is for reading only.
final class RevisionCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        let revision: Int
        let value: Value
    }

    let revision: Revision
    /// How many keys are kept; past it the oldest entry goes.
    let capacity: Int
    /// How long a reading of the counter is trusted without asking again (zero: every use asks). The public
    /// site's pages take a second: a change shows on every instance within it, and a page answered from
    /// memory costs no query at all.
    let trust: Duration
    private let entries = NIOLockedValueBox<(values: [Key: Entry], order: [Key])>(([:], []))
    private let lastReading = NIOLockedValueBox<(revision: Int, at: ContinuousClock.Instant, local: Int)?>(nil)

    init(_ revision: Revision, capacity: Int, trust: Duration = .zero) {
        self.revision = revision
        self.capacity = capacity
        self.trust = trust
    }

    /// The counter, from the last reading while it is trusted; inside a transaction always read afresh.
    private func current(on db: any Database) async throws -> Int? {
        let now = ContinuousClock.now
        let local = Revision.localBumps.withLockedValue { $0[revision] ?? 0 }
        if trust > .zero, !db.inTransaction, let last = lastReading.withLockedValue({ $0 }), now - last.at < trust,
            last.local == local
        {
            return last.revision
        }
        guard let read = try await revision.current(on: db) else { return nil }
        if trust > .zero, !db.inTransaction { lastReading.withLockedValue { $0 = (read, now, local) } }
        return read
    }

    func value(for key: Key, on db: any Database, load: () async throws -> Value) async throws -> Value {
        guard let current = try await current(on: db) else { return try await load() }
        if let kept = entries.withLockedValue({ $0.values[key] }), kept.revision == current { return kept.value }
        let value = try await load()
        guard !db.inTransaction else { return value }
        entries.withLockedValue { state in
            if state.values.updateValue(Entry(revision: current, value: value), forKey: key) == nil {
                state.order.append(key)
            }
            while state.order.count > capacity { state.values[state.order.removeFirst()] = nil }
        }
        return value
    }
}
