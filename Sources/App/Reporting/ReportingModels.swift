import Fluent
import Foundation
import TTDNKit

/// A reporting regime as stored: the `ReportingRegime` as JSON (so the kit's rules evolve without schema
/// changes) and the year its obligations are derived for.
final class RegimeRecord: Model, @unchecked Sendable {
    static let schema = "reporting_regimes"

    @ID(key: .id) var id: UUID?
    @OptionalParent(key: "plan_id") var plan: Plan?
    @Field(key: "name") var name: String
    @Field(key: "year") var year: Int
    @Field(key: "definition") var definition: String
    @Field(key: "position") var position: Int
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(planID: UUID?, year: Int, position: Int, regime: ReportingRegime) {
        self.$plan.id = planID
        self.year = year
        self.position = position
        self.version = 1
        self.regime = regime
    }

    var regime: ReportingRegime {
        get {
            (try? JSONDecoder().decode(ReportingRegime.self, from: Data(definition.utf8)))
                ?? ReportingRegime(name: name, frequency: .yearly)
        }
        set {
            name = newValue.name
            definition = (try? ReportingReports.json(newValue)) ?? "{}"
        }
    }
}

/// What an agency owes: one report of one regime for one period. Derived by `ObligationService`; the
/// period's dates are copied from the period engine so the dashboard reads them without recomputing.
final class Obligation: Model, @unchecked Sendable {
    static let schema = "obligations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "regime_id") var regime: RegimeRecord
    @Parent(key: "agency_id") var agency: Agency
    @Field(key: "period_key") var periodKey: String
    @Field(key: "period_label") var periodLabel: String
    @Field(key: "window_start") var windowStart: String
    @Field(key: "window_end") var windowEnd: String
    @Field(key: "opens_on") var opensOn: String
    @OptionalField(key: "due_on") var dueOn: String?
    @OptionalField(key: "lock_on") var lockOn: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    func apply(_ period: ReportingPeriod) {
        periodKey = period.key
        periodLabel = period.label
        windowStart = period.window.start.iso
        windowEnd = period.window.end.iso
        opensOn = period.opensOn.iso
        dueOn = period.due?.iso
        lockOn = period.lock?.iso
    }

    var due: LocalDate? { dueOn.flatMap(LocalDate.init(iso:)) }
    var lock: LocalDate? { lockOn.flatMap(LocalDate.init(iso:)) }
    var opens: LocalDate { LocalDate(iso: opensOn) ?? LocalDate(iso: windowStart)! }
}

/// An agency's report for one obligation: a draft until submitted, then submitted, returned or accepted.
/// The whole content lives in one row (`content`, JSON of `ReportContent`), so a save is one write: it
/// lands whole or not at all, and `version` turns a concurrent save into a conflict instead of a loss.
final class Submission: Model, @unchecked Sendable {
    static let schema = "submissions"

    enum State: String, Codable, CaseIterable, Sendable { case draft, submitted, returned, accepted }

    @ID(key: .id) var id: UUID?
    @Parent(key: "obligation_id") var obligation: Obligation
    @Field(key: "state") var state: String
    @Field(key: "version") var version: Int
    /// Set by the save that bumped `version`: a save checks it got the row it bumped.
    @Field(key: "write_token") var writeToken: String
    @Field(key: "content") var content: String
    @OptionalField(key: "first_submitted_at") var firstSubmittedAt: Date?
    @OptionalField(key: "last_submitted_at") var lastSubmittedAt: Date?
    @OptionalField(key: "returned_at") var returnedAt: Date?
    @OptionalField(key: "accepted_at") var acceptedAt: Date?
    /// The lock date no longer closes the form after a logged reopening.
    @OptionalField(key: "reopened_at") var reopenedAt: Date?
    @OptionalField(key: "review_comment") var reviewComment: String?
    /// The resubmission deadline set by the latest return (ISO day), nil when never returned.
    @OptionalField(key: "resend_by") var resendBy: String?
    /// A resubmission was sent after its deadline: the report counts as late for good.
    @Field(key: "resent_late") var resentLate: Bool
    /// The office's comments on single tasks at the latest return (JSON: task id → comment).
    @Field(key: "task_comments") var taskCommentsJSON: String
    @OptionalField(key: "updated_by") var updatedBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(obligationID: UUID) {
        self.$obligation.id = obligationID
        self.state = State.draft.rawValue
        self.version = 0
        self.writeToken = ""
        self.content = "{}"
        self.resentLate = false
        self.taskCommentsJSON = "{}"
    }

    /// Task id (upper-case) → the office's comment on it at the latest return.
    var taskComments: [String: String] {
        get { (try? JSONDecoder().decode([String: String].self, from: Data(taskCommentsJSON.utf8))) ?? [:] }
        set {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            taskCommentsJSON = String(decoding: (try? encoder.encode(newValue)) ?? Data("{}".utf8), as: UTF8.self)
        }
    }

    var submissionState: State { State(rawValue: state) ?? .draft }

    var report: ReportContent {
        get { (try? JSONDecoder().decode(ReportContent.self, from: Data(content.utf8))) ?? ReportContent() }
        set {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            content = String(decoding: (try? encoder.encode(newValue)) ?? Data("{}".utf8), as: UTF8.self)
        }
    }

    var dates: SubmissionDates {
        SubmissionDates(
            firstSubmittedAt: firstSubmittedAt, lastSubmittedAt: lastSubmittedAt, returnedAt: returnedAt,
            acceptedAt: acceptedAt)
    }

    /// What `ReportStanding` judges the report on.
    var history: ReportStanding.History {
        .init(dates: dates, resendBy: resendBy.flatMap(LocalDate.init(iso:)), resentLateBefore: resentLate)
    }
}

/// What an officer writes: per task, and for the report as a whole.
struct ReportContent: Codable, Sendable, Equatable {
    struct Entry: Codable, Sendable, Equatable {
        var status: String = PlanTask.Status.inProgress.rawValue
        var progress: Int?
        var done: String = ""
        var difficulties: String = ""
        var proposals: String = ""
        /// Indicator id → value.
        var values: [String: Double] = [:]

        /// Not started and nothing written: what a task the period is not about looks like after a save.
        var isBlank: Bool {
            status == PlanTask.Status.notStarted.rawValue && (progress ?? 0) == 0 && done.isEmpty
                && difficulties.isEmpty && proposals.isEmpty && values.isEmpty
        }
    }

    /// Task id → entry.
    var tasks: [String: Entry] = [:]
    var summary: String = ""
    var difficulties: String = ""
    var proposals: String = ""
}

/// A file attached to a submission as evidence (minutes, photos, a published issue).
final class EvidenceFile: Model, @unchecked Sendable {
    static let schema = "evidence_files"

    @ID(key: .id) var id: UUID?
    @Parent(key: "submission_id") var submission: Submission
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    /// Nil when the bytes are in the evidence directory under `storage_path`.
    @OptionalField(key: "data") var data: Data?
    @OptionalField(key: "storage_path") var storagePath: String?
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// The history of a submission: submitted, recalled by the agency, returned (with the comment), accepted,
/// reopened (with the reason), each with a snapshot of the content at that moment.
final class SubmissionEvent: Model, @unchecked Sendable {
    static let schema = "submission_events"

    enum Kind: String, Codable, CaseIterable, Sendable { case submitted, returned, accepted, reopened, recalled }

    @ID(key: .id) var id: UUID?
    @Parent(key: "submission_id") var submission: Submission
    @Field(key: "kind") var kind: String
    @Field(key: "comment") var comment: String
    @Field(key: "version") var version: Int
    @Field(key: "snapshot") var snapshot: String
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "user_name") var userName: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// A configurable indicator (chỉ tiêu): "Tin, bài đăng tải" counted in "tin, bài", summed over periods.
final class Indicator: Model, @unchecked Sendable {
    static let schema = "indicators"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "unit") var unit: String
    /// `IndicatorAggregation` raw value.
    @Field(key: "aggregation") var aggregation: String
    @Field(key: "position") var position: Int
    @Field(key: "active") var active: Bool
    /// `Versioned.version`; NULL (0) for rows written before versions existed.
    @OptionalField(key: "version") var storedVersion: Int?

    init() {}

    var rule: IndicatorAggregation { IndicatorAggregation(rawValue: aggregation) ?? .sum }
}

/// A task feeds an indicator, optionally with a target for the plan's year.
final class TaskIndicator: Model, @unchecked Sendable {
    static let schema = "task_indicators"

    @ID(key: .id) var id: UUID?
    @Parent(key: "task_id") var task: PlanTask
    @Parent(key: "indicator_id") var indicator: Indicator
    @OptionalField(key: "target") var target: Double?

    init() {}
}

/// The coordinator's edits of a period's consolidated report, and its document header.
final class ConsolidatedDraft: Model, @unchecked Sendable {
    static let schema = "consolidated_reports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "regime_id") var regime: RegimeRecord
    @Field(key: "period_key") var periodKey: String
    /// JSON: part → text, and `task:<id>` → text.
    @Field(key: "edits") var edits: String
    @Field(key: "addressees") var addressees: [String]
    @OptionalField(key: "number") var number: String?
    @Field(key: "version") var version: Int
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A day off or make-up working day an admin entered for one year (the Government's announcement).
final class HolidayAdjustmentRecord: Model, @unchecked Sendable {
    static let schema = "holiday_adjustments"

    @ID(key: .id) var id: UUID?
    @Field(key: "date") var date: String
    @Field(key: "kind") var kind: String
    @Field(key: "note") var note: String

    init() {}
}
