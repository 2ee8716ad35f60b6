import Crypto
import Fluent
import Foundation
import SQLKit
import TTDNKit
import Vapor

/// Saves and submits reports without losing work:
/// - one transaction per save: the content, the new evidence rows and the history entry land together or
///   not at all, so a crash mid-save leaves the previous version as it was;
/// - the form carries the version it was opened at; every write is the versioned write (`Versioned`): it
///   first moves the row's version on *only if it still is that one*, so two officers saving the same
///   report get a clear conflict (the second one), never a silent overwrite — on SQLite and PostgreSQL;
/// - what may happen to a report when (a submitted report is frozen until recalled or returned …) is
///   `ReportLifecycle` in TTDNKit, asked before every write; the version check makes its answer hold
///   until the write, since every change of state moves the version;
/// - evidence bytes bound for the evidence directory are written to a temporary name first and renamed
///   into place only after the rows are committed.
enum SubmissionStore {
    enum Failure: Error, Equatable {
        /// Someone saved since the form was opened.
        case conflict
        /// The report's life does not allow it now: submitted (recall it first), accepted, past the lock date …
        case refused(ReportLifecycle.Refusal)
        case evidence(String, EvidencePolicy.Problem)
    }

    /// An evidence file to attach: in memory (the demo, tests) or streamed to disk by `StreamedForm`.
    struct Upload: Sendable {
        enum Bytes: Sendable {
            case memory(Data)
            case file(URL)
        }

        var filename: String
        var sample: EvidenceSample
        var sha256: String
        var bytes: Bytes

        init(filename: String, data: Data) {
            self.filename = filename
            sample = EvidenceSample(data)
            sha256 = SHA256.hex(data)
            bytes = .memory(data)
        }

        init(streamed file: StreamedForm.File) {
            filename = file.filename
            sample = file.sample
            sha256 = file.sha256
            bytes = .file(file.url)
        }

        /// The bytes themselves, for a database that keeps them (the policy has bounded their size).
        func data() throws -> Data {
            switch bytes {
            case .memory(let data): data
            case .file(let url): try Data(contentsOf: url)
            }
        }
    }

    /// A test hook: called inside the transaction after the content is written and before it commits.
    struct Checkpoint: StorageKey { typealias Value = @Sendable () throws -> Void }

    /// The report as `ReportLifecycle` sees it.
    static func lifecycle(_ submission: Submission?, obligation: Obligation, today: LocalDate) -> ReportLifecycle.Report
    {
        ReportLifecycle.Report(
            state: submission.map { ReportLifecycle.State(rawValue: $0.state) ?? .draft },
            reopened: submission?.reopenedAt != nil, pastLock: obligation.lock.map { today > $0 } ?? false)
    }

    /// The agency may change the text now (not submitted, accepted or locked).
    static func isEditable(_ submission: Submission?, obligation: Obligation, today: LocalDate) -> Bool {
        ReportLifecycle.agencyMayEdit(lifecycle(submission, obligation: obligation, today: today))
    }

    /// The agency may take its submitted report back now.
    static func isRecallable(_ submission: Submission?, obligation: Obligation, today: LocalDate) -> Bool {
        ReportLifecycle.agencyMayRecall(lifecycle(submission, obligation: obligation, today: today))
    }

    static func save(
        _ content: ReportContent, submit: Bool, expectedVersion: Int, uploads: [Upload], obligation: Obligation,
        settings: AppSettings, app: Application, db: any Database, user: User, audit: AuditContext, now: Date
    ) async throws -> Submission {
        let obligationID = try obligation.requireID()
        let existing = try await Submission.query(on: db).filter(\.$obligation.$id == obligationID).first()
        // A stale form first: whatever happened since (a submit, a review) is news to this person.
        guard (existing?.version ?? 0) == expectedVersion else { throw Failure.conflict }
        let newState: ReportLifecycle.State
        switch ReportLifecycle.next(
            submit ? .submit : .save, by: .agency,
            report: lifecycle(existing, obligation: obligation, today: LocalDate(now)))
        {
        case .success(let state): newState = state
        case .failure(let refusal): throw Failure.refused(refusal)
        }
        var attached = 0
        if let existing {
            attached = try await EvidenceFile.query(on: db).filter(\.$submission.$id == existing.requireID()).count()
        }
        let policy = EvidencePolicy(maxBytes: settings.maxEvidenceBytes)
        var accepted: [(Upload, String)] = []
        for (k, upload) in uploads.enumerated() {
            switch policy.check(filename: upload.filename, sample: upload.sample, alreadyAttached: attached + k) {
            case .success(let type): accepted.append((upload, type))
            case .failure(let e): throw Failure.evidence(EvidencePolicy.cleanName(upload.filename), e.problem)
            }
        }
        let checked = accepted
        let token = UUID().uuidString
        let staging = Staging()
        do {
            let saved = try await db.transaction { tx -> Submission in
                let apply: (Submission) -> Void = { row in
                    row.report = content
                    row.updatedBy = user.id
                    row.state = newState.rawValue
                    if submit {
                        if row.firstSubmittedAt == nil { row.firstSubmittedAt = now }
                        // A resubmission after its deadline is late for good (`ReportStanding`).
                        if row.returnedAt != nil,
                            ReportStanding.isLateResend(
                                sentAt: now, resendBy: row.resendBy.flatMap(LocalDate.init(iso:)))
                        {
                            row.resentLate = true
                        }
                        row.lastSubmittedAt = now
                    }
                }
                let row: Submission
                if let existing {
                    do {
                        row = try await Submission.claim(existing.requireID(), expectedVersion: expectedVersion, on: tx)
                    } catch is VersionConflict {
                        throw Failure.conflict
                    }
                    try await row.auditedUpdateAfterClaim(on: tx, by: audit, apply)
                } else {
                    row = Submission(obligationID: obligationID)
                    row.version = 1
                    row.writeToken = token
                    apply(row)
                    // A second first save of the same report fails on the unique obligation: a conflict.
                    do { try await row.auditedCreate(on: tx, by: audit) } catch { throw Failure.conflict }
                }
                for (upload, type) in checked {
                    let file = EvidenceFile()
                    let fileID = UUID()
                    file.id = fileID
                    file.$submission.id = try row.requireID()
                    file.filename = EvidencePolicy.cleanName(upload.filename)
                    file.contentType = type
                    file.size = upload.sample.size
                    file.sha256 = upload.sha256
                    file.createdBy = user.id
                    if let directory = settings.evidenceDirectory {
                        let relative =
                            "\(file.$submission.id.uuidString.lowercased())/\(fileID.uuidString.lowercased())"
                        let final = URL(fileURLWithPath: directory).appendingPathComponent(relative)
                        try FileManager.default.createDirectory(
                            at: final.deletingLastPathComponent(), withIntermediateDirectories: true)
                        switch upload.bytes {
                        case .memory(let data):
                            let temp = final.appendingPathExtension("part")
                            try data.write(to: temp, options: .atomic)
                            staging.add(temp, final)
                        case .file(let url):
                            // Streamed into the evidence directory's incoming folder: renamed into place.
                            staging.add(url, final)
                        }
                        file.storagePath = relative
                    } else {
                        file.data = try upload.data()
                    }
                    try await file.auditedCreate(on: tx, by: audit)
                }
                if submit {
                    try await record(.submitted, comment: "", submission: row, user: user, on: tx, audit: audit)
                }
                try app.storage[Checkpoint.self]?()
                return row
            }
            for (temp, final) in staging.files { try FileManager.default.moveItem(at: temp, to: final) }
            return saved
        } catch {
            for (temp, _) in staging.files { try? FileManager.default.removeItem(at: temp) }
            throw error
        }
    }

    /// Files written under a temporary name during a save, renamed after the commit or removed on failure.
    final class Staging: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [(URL, URL)] = []
        func add(_ temp: URL, _ final: URL) { lock.withLock { list.append((temp, final)) } }
        var files: [(URL, URL)] { lock.withLock { list } }
    }

    static func record(
        _ kind: SubmissionEvent.Kind, comment: String, submission: Submission, user: User, on db: any Database,
        audit: AuditContext
    )
        async throws
    {
        let event = SubmissionEvent()
        event.$submission.id = try submission.requireID()
        event.kind = kind.rawValue
        event.comment = comment
        event.version = submission.version
        event.snapshot = submission.content
        event.userID = user.id
        event.userName = user.displayName
        try await event.auditedCreate(on: db, by: audit)
    }

    /// The coordinator's decision. Accepting locks the report; returning sends it back with a comment;
    /// reopening an accepted or locked report needs a reason. Each is logged with the version it saw.
    enum Decision: String { case accept, `return`, reopen }

    enum ReviewFailure: Error, Equatable { case notSubmitted, reasonRequired, conflict }

    /// `taskComments`: the office's comments on single tasks (task id → text), kept with a return or reopening;
    /// `eventComment`: what the history records (the comment and the tasks' comments, named).
    static func review(
        _ decision: Decision, comment: String, taskComments: [String: String] = [:], eventComment: String? = nil,
        expectedVersion: Int, obligation: Obligation, db: any Database, user: User, audit: AuditContext, now: Date
    ) async throws -> Submission {
        let obligationID = try obligation.requireID()
        guard let existing = try await Submission.query(on: db).filter(\.$obligation.$id == obligationID).first() else {
            throw ReviewFailure.notSubmitted
        }
        let comment = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        let action: ReportLifecycle.Action =
            switch decision {
            case .accept: .accept
            case .return: .return
            case .reopen: .reopen
            }
        let newState: ReportLifecycle.State
        // A comment on one task is a reason too.
        switch ReportLifecycle.next(
            action, by: .office, report: lifecycle(existing, obligation: obligation, today: LocalDate(now)),
            reason: comment + taskComments.values.joined())
        {
        case .success(let state): newState = state
        case .failure(.reasonRequired): throw ReviewFailure.reasonRequired
        case .failure: throw ReviewFailure.notSubmitted
        }
        guard existing.version == expectedVersion else { throw ReviewFailure.conflict }
        // Returning sets the resubmission deadline the agency is judged on (docs/REPORTING.md, Timeliness).
        var deadline: LocalDate?
        if decision != .accept {
            let regime = try await obligation.$regime.get(on: db).regime
            deadline = ReportStanding.resendDeadline(
                returnedOn: LocalDate(now), workingDays: regime.resubmitWorkingDays,
                calendar: try await ObligationService.holidayCalendar(on: db))
        }
        let resendBy = deadline
        return try await db.transaction { tx in
            let row: Submission
            do {
                row = try await Submission.claim(existing.requireID(), expectedVersion: expectedVersion, on: tx)
            } catch is VersionConflict {
                throw ReviewFailure.conflict
            }
            try await row.auditedUpdateAfterClaim(on: tx, by: audit) { row in
                row.reviewComment = comment.isEmpty ? nil : comment
                row.state = newState.rawValue
                switch decision {
                case .accept:
                    row.acceptedAt = now
                case .return:
                    row.returnedAt = now
                    row.resendBy = resendBy?.iso
                    row.taskComments = taskComments
                case .reopen:
                    row.reopenedAt = now
                    row.returnedAt = now
                    row.resendBy = resendBy?.iso
                    row.taskComments = taskComments
                }
            }
            let kind: SubmissionEvent.Kind =
                decision == .accept ? .accepted : decision == .return ? .returned : .reopened
            try await record(kind, comment: eventComment ?? comment, submission: row, user: user, on: tx, audit: audit)
            return row
        }
    }

    /// The agency takes its submitted report back to change it, before the review starts: the report is a
    /// draft again, with the text as submitted; the recall is in the history and the audit trail.
    static func recall(
        expectedVersion: Int, obligation: Obligation, db: any Database, user: User, audit: AuditContext,
        now: Date
    ) async throws -> Submission {
        let obligationID = try obligation.requireID()
        guard let existing = try await Submission.query(on: db).filter(\.$obligation.$id == obligationID).first() else {
            throw Failure.refused(.notSubmitted)
        }
        guard existing.version == expectedVersion else { throw Failure.conflict }
        let newState: ReportLifecycle.State
        switch ReportLifecycle.next(
            .recall, by: .agency, report: lifecycle(existing, obligation: obligation, today: LocalDate(now)))
        {
        case .success(let state): newState = state
        case .failure(let refusal): throw Failure.refused(refusal)
        }
        return try await db.transaction { tx in
            let row: Submission
            do {
                row = try await Submission.claim(existing.requireID(), expectedVersion: expectedVersion, on: tx)
            } catch is VersionConflict {
                throw Failure.conflict
            }
            try await row.auditedUpdateAfterClaim(on: tx, by: audit) { row in
                row.state = newState.rawValue
                row.updatedBy = user.id
            }
            try await record(.recalled, comment: "", submission: row, user: user, on: tx, audit: audit)
            return row
        }
    }
}
