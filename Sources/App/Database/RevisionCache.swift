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
    private let entries = NIOLockedValueBox<(values: [Key: Entry], order: [Key])>(([:], []))

    init(_ revision: Revision, capacity: Int) {
        self.revision = revision
        self.capacity = capacity
    }

    func value(for key: Key, on db: any Database, load: () async throws -> Value) async throws -> Value {
        guard let current = try await revision.current(on: db) else { return try await load() }
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
