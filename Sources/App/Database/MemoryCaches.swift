import Fluent
import TTDNKit
import Vapor

/// What almost every plan and reporting screen reads and rarely changes, kept in memory behind revision
/// counters (`RevisionCache`):
/// - the directory's names (`PlanAgencyNames`, four queries), per day, because which agencies are current
///   depends on the date;
/// - a plan's task tree (`PlanTaskTree`: tasks, their agencies and outputs, three queries and some hundreds
///   of rows), for the most recently viewed plans;
/// - a regime's reporting grid (`ReportingGrid`: every obligation and its submission's dates, judged), per
///   day, because whether a report is late depends on the date;
/// - the reports of the last year that belong on the home pages, judged (`HomeAgenda.Judged`), per day;
/// - the office's task deadlines of the next 30 days (`HomeDeadlines.Due`), per day, behind `.plans` (which
///   plans' saves also move, as a plan archived or superseded leaves the list);
/// - a regime's accepted reports, decoded, for its consolidated reports (`ConsolidatedBuilder`).
struct MemoryCaches: Sendable {
    private let directoryNames = RevisionCache<LocalDate, PlanAgencyNames>(.directory, capacity: 2)
    private let planTrees = RevisionCache<UUID, PlanTaskTree>(.plans, capacity: 32)
    private let reportingGrids = RevisionCache<GridKey, ReportingGrid>(.reporting, capacity: 64)
    private let agenda = RevisionCache<LocalDate, [HomeAgenda.Judged]>(.reporting, capacity: 2)
    private let officeDeadlines = RevisionCache<LocalDate, [HomeDeadlines.Due]>(.plans, capacity: 2)
    private let acceptedReports = RevisionCache<UUID, [UUID: ReportContent]>(.reporting, capacity: 8)
    /// Public pages, feeds and sitemaps by base address and path with query.
    private let publicPages = RevisionCache<String, PublicPage>(.site, capacity: 2_000, trust: .seconds(1))
    /// The languages that have something published (the public language switcher): a scan of every version.
    private let publishedLanguages = RevisionCache<Int, Set<String>>(.site, capacity: 1, trust: .seconds(1))

    private struct GridKey: Hashable, Sendable {
        let regimeID: UUID
        let day: LocalDate
    }

    /// Registers the revision counters on every table the cached values come from.
    static func register(on app: Application) {
        app.databases.middleware.use(
            RevisionBumping(
                .directory, models: [Agency.self, AgencyGroup.self, AgencyGroupMember.self, AgencySuccession.self]))
        app.databases.middleware.use(
            RevisionBumping(.plans, models: [Plan.self, PlanTask.self, TaskAgency.self, TaskOutput.self]))
        app.databases.middleware.use(
            RevisionBumping(.reporting, models: [RegimeRecord.self, Obligation.self, Submission.self]))
        app.databases.middleware.use(
            RevisionBumping(
                .site,
                models: [
                    SiteLanguageRecord.self, Topic.self, Article.self, ArticleTopic.self, ArticleVersion.self,
                    ArticleImage.self,
                ]))
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

    /// A regime's grid as of `now`'s day, from memory while no regime, obligation or submission changed.
    func reportingGrid(_ regimeID: UUID, now: Date, on db: any Database) async throws -> ReportingGrid {
        try await reportingGrids.value(for: GridKey(regimeID: regimeID, day: LocalDate(now)), on: db) {
            try await ReportingGrid.load(regimeID: regimeID, now: now, on: db)
        }
    }

    /// A regime's accepted reports by obligation, from memory while no report changed.
    func acceptedReports(_ regimeID: UUID, on db: any Database) async throws -> [UUID: ReportContent] {
        try await acceptedReports.value(for: regimeID, on: db) {
            try await ConsolidatedBuilder.acceptedReports(regimeID, on: db)
        }
    }

    /// The home pages' reports as of `today`, from memory while no report changed.
    func agenda(today: LocalDate, now: Date, on db: any Database) async throws -> [HomeAgenda.Judged] {
        try await agenda.value(for: today, on: db) { try await HomeAgenda.judged(today: today, now: now, on: db) }
    }

    /// A public page, rendered once per change of anything published.
    func publicPage(_ key: String, on db: any Database, render: () async throws -> PublicPage) async throws
        -> PublicPage
    {
        try await publicPages.value(for: key, on: db, load: render)
    }

    /// The languages with a public version, from memory while nothing published changed.
    func publishedLanguages(on db: any Database) async throws -> Set<String> {
        try await publishedLanguages.value(for: 0, on: db) {
            Set(
                try await ArticleVersion.query(on: db).filter(\.$liveRevision != nil).filter(\.$classified == false)
                    .unique().all(\.$language))
        }
    }

    /// The office's task deadlines as of `today`, from memory while no plan or task changed.
    func officeDeadlines(today: LocalDate, on db: any Database) async throws -> [HomeDeadlines.Due] {
        try await officeDeadlines.value(for: today, on: db) { try await HomeDeadlines.officeDue(today: today, on: db) }
    }
}

extension Request {
    func directoryNames() async throws -> PlanAgencyNames {
        try await MemoryCaches.of(application).directoryNames(on: db, today: today)
    }

    func planTree(_ planID: UUID) async throws -> PlanTaskTree {
        try await MemoryCaches.of(application).planTree(planID, on: db)
    }

    func reportingGrid(_ regimeID: UUID) async throws -> ReportingGrid {
        try await MemoryCaches.of(application).reportingGrid(regimeID, now: now, on: db)
    }
}
