import Fluent
import TTDNKit
import Vapor

/// What almost every plan and reporting screen reads and rarely changes, kept in memory behind revision
/// counters (`RevisionCache`):
/// - the directory's names (`PlanAgencyNames`, four queries), per day, because which agencies are current
///   depends on the date;
/// - a plan's task tree (`PlanTaskTree`: tasks, their agencies and outputs, three queries and some hundreds
///   of rows), for the most recently viewed plans.
struct MemoryCaches: Sendable {
    private let directoryNames = RevisionCache<LocalDate, PlanAgencyNames>(.directory, capacity: 2)
    private let planTrees = RevisionCache<UUID, PlanTaskTree>(.plans, capacity: 32)

    /// Registers the revision counters on every table the cached values come from.
    static func register(on app: Application) {
        app.databases.middleware.use(
            RevisionBumping(
                .directory, models: [Agency.self, AgencyGroup.self, AgencyGroupMember.self, AgencySuccession.self]))
        app.databases.middleware.use(
            RevisionBumping(.plans, models: [PlanTask.self, TaskAgency.self, TaskOutput.self]))
        app.storage[Key.self] = MemoryCaches()
    }

    private struct Key: StorageKey {
        typealias Value = MemoryCaches
    }

    static func of(_ app: Application) -> MemoryCaches {
        guard let caches = app.storage[Key.self] else { fatalError("MemoryCaches.register was not called") }
        return caches
    }
}

extension MemoryCaches {
    /// The directory's names as of `today`, from memory while the directory has not changed.
    func directoryNames(on db: any Database, today: LocalDate) async throws -> PlanAgencyNames {
        try await directoryNames.value(for: today, on: db) { try await PlanAgencyNames.load(on: db, today: today) }
    }

    /// A plan's tasks in outline order with their agencies and outputs, from memory while no task changed.
    func planTree(_ planID: UUID, on db: any Database) async throws -> PlanTaskTree {
        try await planTrees.value(for: planID, on: db) { try await PlanTaskTree.load(planID: planID, on: db) }
    }
}

extension Request {
    func directoryNames() async throws -> PlanAgencyNames {
        try await MemoryCaches.of(application).directoryNames(on: db, today: today)
    }

    func planTree(_ planID: UUID) async throws -> PlanTaskTree {
        try await MemoryCaches.of(application).planTree(planID, on: db)
    }
}
