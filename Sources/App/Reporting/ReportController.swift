import Fluent
import Foundation
import TTDNKit
import Vapor

/// The agency side of the reporting cycle: the list of what an agency owes, the report form (draft, submit,
/// evidence), the coordinator's review on the same page, and evidence downloads.
enum ReportController {
    struct ListPage: Encodable {
        struct Row: Encodable {
            let href: String
            let regime: String
            let period: String
            let agency: String
            let due: String?
            let status: String
            let statusLabel: String
        }

        let layout: LayoutContext
        let agencyName: String?
        let agencies: [SelectOption]?
        let rows: [Row]?
    }

    /// `Báo cáo của đơn vị`: an officer's own agency; the coordinating office picks an agency.
    @Sendable static func index(req: Request) async throws -> View {
        let user = try req.auth.require(User.self)
        let actor = user.actor
        let names = try await req.directoryNames()
        var agencyID = user.$agency.id
        if Policy.allows(actor, .reviewReports),
            let chosen = req.query[String.self, at: "agency"].flatMap(UUID.init(uuidString:))
        {
            agencyID = chosen
        }
        var rows: [ListPage.Row] = []
        if let agencyID {
            let obligations = try await Obligation.query(on: req.db).filter(
                \.$agency.$id ~~ Array(names.lineage(of: agencyID))
            )
            .with(\.$regime).all()
            let ids = obligations.compactMap(\.id)
            let submissions =
                ids.isEmpty ? [] : try await Submission.query(on: req.db).filter(\.$obligation.$id ~~ ids).all()
            let byObligation = Dictionary(submissions.map { ($0.$obligation.id, $0) }) { a, _ in a }
            let now = req.now
            rows = obligations.sorted { ($0.dueOn ?? "9999", $0.regime.name) < ($1.dueOn ?? "9999", $1.regime.name) }
                .map { o in
                    let status = o.standing(byObligation[o.id!], now: now).status
                    return .init(
                        href: SiteURL.report(o.id!).path, regime: o.regime.name,
                        period: PeriodText.label(o.periodKey, stored: o.periodLabel, req.locale),
                        agency: names.name(of: o.$agency.id) ?? "", due: Formatting.date(iso: o.dueOn, req.locale),
                        status: status.rawValue,
                        statusLabel: req.t("report.status.\(status.rawValue)"))
                }
        }
        let agencies: [SelectOption]? =
            Policy.allows(actor, .reviewReports)
            ? names.agencies.values.filter { $0.isCurrent(on: req.today) }.sorted { $0.sortKey < $1.sortKey }
                .map { SelectOption(value: $0.id!.uuidString, label: $0.officialName, selected: $0.id == agencyID) }
            : nil
        return try await req.view.render(
            "reports/index",
            ListPage(
                layout: req.layout(titleKey: "reports.title"), agencyName: agencyID.flatMap { names.name(of: $0) },
                agencies: agencies, rows: rows.nonEmpty))
    }

    static func obligation(_ req: Request) async throws -> Obligation {
        guard let obligation = try await Obligation.find(req.recordID(), on: req.db) else { throw Abort(.notFound) }
        let actor = req.auth.get(User.self)?.actor
        // Other agencies' officers see statuses on the dashboard, not what an agency wrote.
        guard Policy.mayRead(actor, reportOf: obligation.$agency.id) || Policy.allows(actor, .reviewReports) else {
            throw Abort(.forbidden)
        }
        return obligation
    }

    @Sendable static func show(req: Request) async throws -> View {
        try await req.view.render("reports/show", ReportPage.load(req: req, obligation: obligation(req)))
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let obligation = try await obligation(req)
        let user = try req.auth.require(User.self)
        guard Policy.mayWriteReport(user.actor, of: obligation.$agency.id) else { throw Abort(.forbidden) }
        // Read only now, after the permission checks above: the files stream to disk, the text is kept.
        let settings = req.application.settings
        let posted = try await StreamedForm.read(
            req, directory: settings.uploadDirectory, fileLimit: settings.maxEvidenceBytes)
        defer { posted.removeFiles() }
        let form = try posted.decode(ReportForm.self)
        let uploads = posted.files.filter { $0.field.hasPrefix("evidence") && !$0.filename.isEmpty }
            .map(SubmissionStore.Upload.init(streamed:))
        let submit = form.action == "submit"
        let regime = try await obligation.$regime.get(on: req.db)
        let names = try await req.directoryNames()
        let tasks = try await ReportTasks.load(
            agencyID: obligation.$agency.id, planID: regime.$plan.id, names: names, on: req.db)
        let (content, problems) = form.read(
            taskIDs: tasks.map(\.id),
            indicatorIDs: Dictionary(tasks.map { ($0.id, $0.indicators.map(\.id)) }) { a, _ in a }, submit: submit)
        func refuse(_ problems: [String: String], status: HTTPResponseStatus, version: Int? = nil) async throws
            -> Response
        {
            let page = try await ReportPage.load(
                req: req, obligation: obligation, typed: content, problems: problems,
                versionOverride: version ?? form.version)
            return try await req.view.render("reports/show", page).encodeResponse(status: status, for: req)
        }
        guard problems.isEmpty else { return try await refuse(problems, status: .badRequest) }
        let saved: Submission
        do {
            saved = try await SubmissionStore.save(
                content, submit: submit, expectedVersion: form.version ?? 0, uploads: uploads,
                obligation: obligation,
                settings: req.application.settings, app: req.application, db: req.db, user: user,
                audit: req.auditContext, now: req.now)
        } catch SubmissionStore.Failure.conflict {
            // The typed text stays on the form; the version moves on so saving again overwrites knowingly.
            let current = try await Submission.query(on: req.db).filter(\.$obligation.$id == obligation.requireID())
                .first()
            return try await refuse(["form": "report.error.conflict"], status: .conflict, version: current?.version)
        } catch SubmissionStore.Failure.refused(let refusal) {
            // Submitted (recall first), accepted or locked: the typed text stays on the page with the reason.
            return try await refuse(["form": "report.refusal.\(refusal.rawValue)"], status: .conflict)
        } catch SubmissionStore.Failure.evidence(let name, let problem) {
            return try await refuse(
                ["evidence": req.t("report.error.evidence.\(problem.rawValue)", name)], status: .badRequest)
        }
        if submit {
            // The office is told a report arrived (or came back after a return), with a link to it.
            try await Notifications.submitted(
                obligation: obligation, agency: names.name(of: obligation.$agency.id) ?? "",
                again: saved.returnedAt != nil, at: req.now, on: req.db)
        }
        req.flash(.success, req.t(submit ? "report.submitted" : "report.saved"))
        return req.redirect(to: SiteURL.report(try obligation.requireID()).path)
    }

    struct RecallForm: Content {
        var version: Int?
    }

    /// The agency takes its submitted report back to change it, while the review has not started.
    @Sendable static func recall(req: Request) async throws -> Response {
        let obligation = try await obligation(req)
        let user = try req.auth.require(User.self)
        guard Policy.mayWriteReport(user.actor, of: obligation.$agency.id) else { throw Abort(.forbidden) }
        let form = try req.content.decode(RecallForm.self)
        do {
            _ = try await SubmissionStore.recall(
                expectedVersion: form.version ?? -1, obligation: obligation, db: req.db, user: user,
                audit: req.auditContext, now: req.now)
        } catch SubmissionStore.Failure.conflict {
            req.flash(.error, req.t("report.review.error.conflict"))
            return req.redirect(to: SiteURL.report(try obligation.requireID()).path)
        } catch SubmissionStore.Failure.refused(let refusal) {
            req.flash(.error, req.t("report.refusal.\(refusal.rawValue)"))
            return req.redirect(to: SiteURL.report(try obligation.requireID()).path)
        }
        req.flash(.success, req.t("report.recalled"))
        return req.redirect(to: SiteURL.report(try obligation.requireID()).path)
    }

    struct ReviewForm: Content {
        var decision: String?
        var comment: String?
        var version: Int?
        /// `taskComments[<task id>]`: the office's comment on one task.
        var taskComments: [String: String]?
    }

    @Sendable static func review(req: Request) async throws -> Response {
        let obligation = try await obligation(req)
        let user = try req.auth.require(User.self)
        let form = try req.content.decode(ReviewForm.self)
        guard let decision = form.decision.flatMap(SubmissionStore.Decision.init(rawValue:)) else {
            throw Abort(.badRequest)
        }
        // Comments on single tasks: only the report's tasks, named in the history as the form names them.
        let regime = try await obligation.$regime.get(on: req.db)
        let tasks = try await ReportTasks.load(
            agencyID: obligation.$agency.id, planID: regime.$plan.id, names: req.directoryNames(), on: req.db)
        var taskComments: [String: String] = [:]
        var named: [String] = []
        for task in tasks {
            let text = FormText.prose(
                form.taskComments?[task.id.uuidString] ?? form.taskComments?[task.id.uuidString.lowercased()])
            guard !text.isEmpty, decision != .accept else { continue }
            taskComments[task.id.uuidString] = text
            named.append("\(task.ref) \(task.title): \(text)")
        }
        let comment = FormText.prose(form.comment)
        do {
            _ = try await SubmissionStore.review(
                decision, comment: comment, taskComments: taskComments,
                eventComment: ([comment] + named).filter { !$0.isEmpty }.joined(separator: "\n"),
                expectedVersion: form.version ?? -1, obligation: obligation, db: req.db,
                user: user, audit: req.auditContext, now: req.now)
        } catch let failure as SubmissionStore.ReviewFailure {
            req.flash(.error, req.t("report.review.error.\(failure)"))
            return req.redirect(to: SiteURL.report(try obligation.requireID()).path)
        }
        try await Notifications.reviewed(
            decision, obligation: obligation,
            comment: comment.isEmpty && !named.isEmpty
                ? req.t("report.review.see_tasks", String(named.count)) : comment,
            at: req.now, on: req.db)
        req.flash(.success, req.t("report.review.done.\(decision.rawValue)"))
        return req.redirect(to: SiteURL.report(try obligation.requireID()).path)
    }

    /// Evidence is served only to those who may read the report, as an attachment with the type checked
    /// on upload, never inline as HTML.
    @Sendable static func evidence(req: Request) async throws -> Response {
        guard let file = try await EvidenceFile.find(req.recordID(), on: req.db) else { throw Abort(.notFound) }
        let submission = try await file.$submission.get(on: req.db)
        let obligation = try await submission.$obligation.get(on: req.db)
        let actor = req.auth.get(User.self)?.actor
        guard Policy.mayRead(actor, reportOf: obligation.$agency.id) || Policy.allows(actor, .reviewReports) else {
            throw Abort(.forbidden)
        }
        let data: Data
        if let path = file.storagePath, let directory = req.application.settings.evidenceDirectory {
            guard !path.contains(".."),
                let bytes = FileManager.default.contents(
                    atPath: URL(fileURLWithPath: directory).appendingPathComponent(path).path)
            else { throw Abort(.notFound) }
            data = bytes
        } else {
            data = file.data ?? Data()
        }
        return PlanController.download(data, filename: file.filename, contentType: file.contentType)
    }
}
