import Fluent
import SQLKit

/// The office's day (issue 12): returning a report sets a resubmission deadline, and a resubmission sent
/// after it is remembered as late (`ReportStanding`). Additive: reports returned before keep no deadline,
/// so their resubmissions are judged on time as they were.
struct AddResubmissionDeadline: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Submission.schema).field("resend_by", .string).update()
        try await database.schema(Submission.schema)
            .field("resent_late", .bool, .required, .sql(.default(false))).update()
        // The office's comments on single tasks when it returns a report (JSON: task id → comment).
        try await database.schema(Submission.schema)
            .field("task_comments", .string, .required, .sql(.default("{}"))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Submission.schema).deleteField("task_comments").update()
        try await database.schema(Submission.schema).deleteField("resent_late").update()
        try await database.schema(Submission.schema).deleteField("resend_by").update()
    }
}
