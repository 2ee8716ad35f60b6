import Crypto
import Fluent
import Foundation
import SQLKit
import TTDNKit
import Vapor

/// Saves and submits reports without losing work:
/// - one transaction per save: the content, the new evidence rows and the history entry land together or
///   not at all, so a crash mid-save leaves the previous version as it was;
/// - the form carries the version it was opened at; the save first bumps the row's version *only if it
///   still is that one* and checks it was its own bump, so two officers saving the same report get a clear
///   conflict (the second one), never a silent overwrite — on SQLite and on PostgreSQL alike;
/// - evidence bytes bound for the evidence directory are written to a temporary name first and renamed
///   into place only after the rows are committed.
enum SubmissionStore {
    enum Failure: Error, Equatable {
        /// Someone saved since the form was opened.
        case conflict
        /// Accepted, or past the lock date and not reopened.
        case locked
        case evidence(String, EvidencePolicy.Problem)
    }

    struct Upload {
        var filename: String
        var data: Data
    }

    /// A test hook: called inside the transaction after the content is written and before it commits.
    struct Checkpoint: StorageKey { typealias Value = @Sendable () throws -> Void }

    static func isEditable(_ submission: Submission?, obligation: Obligation, today: LocalDate) -> Bool {
        if let submission {
            if submission.submissionState == .accepted { return false }
            if submission.reopenedAt != nil { return true }
        }
        if let lock = obligation.lock, today > lock { return false }
        return true
    }

    static func save(
        _ content: ReportContent, submit: Bool, expectedVersion: Int, uploads: [Upload], obligation: Obligation,
        settings: AppSettings, app: Application, db: any Database, user: User, audit: AuditContext, now: Date
    ) async throws -> Submission {
        let obligationID = try obligation.requireID()
        let existing = try await Submission.query(on: db).filter(\.$obligation.$id == obligationID).first()
        guard isEditable(existing, obligation: obligation, today: LocalDate(now)) else { throw Failure.locked }
        guard (existing?.version ?? 0) == expectedVersion else { throw Failure.conflict }
        var attached = 0
        if let existing {
            attached = try await EvidenceFile.query(on: db).filter(\.$submission.$id == existing.requireID()).count()
        }
        let policy = EvidencePolicy(maxBytes: settings.maxEvidenceBytes)
        var accepted: [(Upload, String)] = []
        for (k, upload) in uploads.enumerated() {
            switch policy.check(filename: upload.filename, data: upload.data, alreadyAttached: attached + k) {
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
                    if submit {
                        row.state = Submission.State.submitted.rawValue
                        if row.firstSubmittedAt == nil { row.firstSubmittedAt = now }
                        row.lastSubmittedAt = now
                    }
                }
                let row: Submission
                if let existing {
                    try await claim(existing.requireID(), expected: expectedVersion, token: token, on: tx)
                    guard let fresh = try await Submission.find(existing.id, on: tx), fresh.writeToken == token else {
                        throw Failure.conflict
                    }
                    row = fresh
                    try await row.auditedUpdate(on: tx, by: audit, apply)
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
                    file.id = UUID()
                    file.$submission.id = try row.requireID()
                    file.filename = EvidencePolicy.cleanName(upload.filename)
                    file.contentType = type
                    file.size = upload.data.count
                    file.sha256 = SHA256.hash(data: upload.data).map { String(format: "%02x", $0) }.joined()
                    file.createdBy = user.id
                    if let directory = settings.evidenceDirectory {
                        let relative =
                            "\(file.$submission.id.uuidString.lowercased())/\(file.id!.uuidString.lowercased())"
                        let final = URL(fileURLWithPath: directory).appendingPathComponent(relative)
                        let temp = final.appendingPathExtension("part")
                        try FileManager.default.createDirectory(
                            at: final.deletingLastPathComponent(), withIntermediateDirectories: true)
                        try upload.data.write(to: temp, options: .atomic)
                        staging.add(temp, final)
                        file.storagePath = relative
                    } else {
                        file.data = upload.data
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

    /// Bumps the version only if it is still `expected`; the token tells the caller whose bump it was.
    static func claim(_ id: UUID, expected: Int, token: String, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError) }
        try await sql.raw(
            "UPDATE \(ident: Submission.schema) SET version = \(bind: expected + 1), write_token = \(bind: token) WHERE id = \(bind: id) AND version = \(bind: expected)"
        ).run()
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

    static func review(
        _ decision: Decision, comment: String, expectedVersion: Int, obligation: Obligation, db: any Database,
        user: User,
        audit: AuditContext, now: Date
    ) async throws -> Submission {
        let obligationID = try obligation.requireID()
        guard let existing = try await Submission.query(on: db).filter(\.$obligation.$id == obligationID).first() else {
            throw ReviewFailure.notSubmitted
        }
        let comment = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        switch decision {
        case .accept:
            guard existing.submissionState == .submitted else { throw ReviewFailure.notSubmitted }
        case .return:
            guard existing.submissionState == .submitted else { throw ReviewFailure.notSubmitted }
            guard !comment.isEmpty else { throw ReviewFailure.reasonRequired }
        case .reopen:
            guard
                existing.submissionState == .accepted
                    || !isEditable(existing, obligation: obligation, today: LocalDate(now))
            else {
                throw ReviewFailure.notSubmitted
            }
            guard !comment.isEmpty else { throw ReviewFailure.reasonRequired }
        }
        guard existing.version == expectedVersion else { throw ReviewFailure.conflict }
        let token = UUID().uuidString
        return try await db.transaction { tx in
            try await claim(existing.requireID(), expected: expectedVersion, token: token, on: tx)
            guard let row = try await Submission.find(existing.id, on: tx), row.writeToken == token else {
                throw ReviewFailure.conflict
            }
            try await row.auditedUpdate(on: tx, by: audit) { row in
                row.reviewComment = comment.isEmpty ? nil : comment
                switch decision {
                case .accept:
                    row.state = Submission.State.accepted.rawValue
                    row.acceptedAt = now
                case .return:
                    row.state = Submission.State.returned.rawValue
                    row.returnedAt = now
                case .reopen:
                    row.state = Submission.State.returned.rawValue
                    row.reopenedAt = now
                    row.returnedAt = now
                }
            }
            let kind: SubmissionEvent.Kind =
                decision == .accept ? .accepted : decision == .return ? .returned : .reopened
            try await record(kind, comment: comment, submission: row, user: user, on: tx, audit: audit)
            return row
        }
    }
}
