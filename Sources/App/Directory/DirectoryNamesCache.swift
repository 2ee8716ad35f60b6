import Fluent
import NIOConcurrencyHelpers
import TTDNKit
import Vapor

/// The directory's names (`PlanAgencyNames`) kept in memory between requests: almost every plan and
/// reporting screen needs them, and loading them took four queries. Each use reads the directory's revision
/// (one query) and loads afresh when it moved, so a change made by another instance or a command shows at
/// once; a new day loads afresh too, because which agencies are current depends on the date.
///
/// Names loaded inside a transaction are used but not kept: the transaction may yet roll back.
/// The shared `Agency` and `AgencyGroup` objects are for reading only.
final class DirectoryNamesCache: Sendable {
    private struct Entry {
        let revision: Int
        let day: LocalDate
        let names: PlanAgencyNames
    }

    private let entry = NIOLockedValueBox<Entry?>(nil)

    func names(on db: any Database, today: LocalDate = .today()) async throws -> PlanAgencyNames {
        let revision = try await Revision.directory.current(on: db)
        if let kept = entry.withLockedValue({ $0 }), kept.revision == revision, kept.day == today {
            return kept.names
        }
        let names = try await PlanAgencyNames.load(on: db, today: today)
        if !db.inTransaction {
            entry.withLockedValue { $0 = Entry(revision: revision, day: today, names: names) }
        }
        return names
    }

    /// Registers the revision counter on every table the names come from.
    static func register(on app: Application) {
        app.databases.middleware.use(RevisionBumping<Agency>(revision: .directory))
        app.databases.middleware.use(RevisionBumping<AgencyGroup>(revision: .directory))
        app.databases.middleware.use(RevisionBumping<AgencyGroupMember>(revision: .directory))
        app.databases.middleware.use(RevisionBumping<AgencySuccession>(revision: .directory))
        app.storage[Key.self] = DirectoryNamesCache()
    }

    private struct Key: StorageKey {
        typealias Value = DirectoryNamesCache
    }

    static func of(_ app: Application) -> DirectoryNamesCache {
        guard let cache = app.storage[Key.self] else { fatalError("DirectoryNamesCache.register was not called") }
        return cache
    }
}

extension Request {
    /// The directory's names as of today, from memory while the directory has not changed.
    func directoryNames() async throws -> PlanAgencyNames {
        try await DirectoryNamesCache.of(application).names(on: db)
    }
}
