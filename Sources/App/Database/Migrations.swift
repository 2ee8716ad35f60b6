import Fluent
import Vapor

/// Every migration, in order. Tables are created with their final constraints: SQLite cannot alter
/// them later, so later changes are additive (new tables, new nullable columns, new indexes).
enum Migrations {
    static func register(on app: Application) {
        app.migrations.add(SessionRecord.migration)
        app.migrations.add(CreateAgencies())
        app.migrations.add(CreateUsers())
        app.migrations.add(CreateAuditEntries())
        app.migrations.add(CreateLoginThrottles())
        app.migrations.add(CreatePlans())
        app.migrations.add(CreateReporting())
        app.migrations.add(CreateReportRequests())
        app.migrations.add(CreateRevisions())
        app.migrations.add(AddJobAttempts())
        app.migrations.add(AddSessionOwnership())
        app.migrations.add(AddVersionedWrites())
        app.migrations.add(AddPlanText())
        app.migrations.add(AddResubmissionDeadline())
        app.migrations.add(AddGrowthIndexes())
        app.migrations.add(CreatePublishing())
        app.migrations.add(CreateSiteSearch())
        app.migrations.add(CreateOutputLinks())
    }
}
