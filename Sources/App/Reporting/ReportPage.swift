import Fluent
import Foundation
import TTDNKit
import Vapor

/// One agency's report for one period: the form while it may be edited, the submitted text otherwise,
/// the evidence, the history, and for the coordinating office the accept / return / reopen box.
struct ReportPage: Encodable {
    struct TaskBlock: Encodable {
        struct IndicatorInput: Encodable {
            let id: String
            let name: String
            let unit: String
            let target: String?
            let value: String
        }

        let id: String
        let ref: String
        let title: String
        /// What the task asks, its start and the whole behind "more" (as on the plan page).
        let textStart: String?
        let textWhole: [String]?
        let role: String
        let via: String?
        let statusOptions: [SelectOption]
        let statusLabel: String
        let progress: String?
        let done: String?
        let difficulties: String?
        let proposals: String?
        let indicators: [IndicatorInput]?
        let errors: [String: String]
        /// The office's comment on this task when it returned the report.
        var officeComment: String? = nil
    }

    struct EvidenceRow: Encodable {
        let name: String
        let href: String
        let size: String
    }

    struct EventRow: Encodable {
        let at: String
        let kind: String
        let label: String
        let who: String
        let comment: String?
        /// For a resubmission: what changed since the version sent before it.
        let changes: [ReportVersionDiff.Change]?
        let changesLabel: String?
    }

    struct Review: Encodable {
        /// A task the office may comment on when it returns the report.
        struct TaskLine: Encodable {
            let id: String
            let label: String
        }
        let action: String
        let tasks: [TaskLine]?
        let canAccept: Bool
        let canReturn: Bool
        let canReopen: Bool
    }

    let layout: LayoutContext
    let regimeName: String
    let periodLabel: String
    let agencyName: String
    let planTitle: String?
    let planHref: String?
    let window: String
    let due: String?
    let lock: String?
    let status: String
    let statusLabel: String
    /// When it was sent and where its review stands (`ReportStanding`), each in words.
    let sending: String
    let sendingLabel: String
    let reviewLabel: String?
    /// Returned: the resubmission deadline and the rule, for the officer.
    let resendHint: String?
    let editable: Bool
    /// Submitted and waiting for review: the agency sees it read-only, with the recall button.
    let frozen: Bool
    /// Where the agency's recall button posts, when it may recall the report now.
    let recallAction: String?
    let action: String
    let version: Int
    /// The tasks the period is about (by their timeframe), and those written about anyway.
    let tasks: [TaskBlock]?
    /// The agency's other tasks in the plan (`Quý III` on the first quarter's form), kept aside.
    let otherTasks: [TaskBlock]?
    let otherCount: Int
    let summary: String?
    let difficulties: String?
    let proposals: String?
    let evidence: [EvidenceRow]?
    let history: [EventRow]?
    let errors: [String: String]
    let errorList: [String]?
    let reviewComment: String?
    /// "Nhắc ngay" for the office, while the report is late (not sent, or not resent by its deadline).
    let remindHref: String?
    let review: Review?
    let acceptTypes: String
    let maxMB: Int

    /// Everything the page shows, for `obligation`, with `typed` (the posted content) instead of the stored
    /// one when a save was refused.
    static func load(
        req: Request, obligation: Obligation, typed: ReportContent? = nil, problems: [String: String] = [:],
        versionOverride: Int? = nil
    ) async throws -> ReportPage {
        let db = req.db
        let locale = req.locale
        let actor = req.auth.get(User.self)?.actor
        let obligationID = try obligation.requireID()
        let regime = try await obligation.$regime.get(on: db)
        let plan = try await regime.$plan.get(on: db)
        let names = try await req.directoryNames()
        let agencyName = names.name(of: obligation.$agency.id) ?? "—"
        let submission = try await Submission.query(on: db).filter(\.$obligation.$id == obligationID).first()
        let content = typed ?? submission?.report ?? ReportContent()
        let tasks = try await ReportTasks.load(agencyID: obligation.$agency.id, planID: plan?.id, names: names, on: db)
        let agencySide = Policy.mayWriteReport(actor, of: obligation.$agency.id)
        let editable = SubmissionStore.isEditable(submission, obligation: obligation, today: req.today) && agencySide
        let recallable =
            agencySide && SubmissionStore.isRecallable(submission, obligation: obligation, today: req.today)
        let status = obligation.standing(submission, now: req.now)
        let from = LocalDate(iso: obligation.windowStart)
        let through = LocalDate(iso: obligation.windowEnd)
        func scheduled(_ task: ReportTasks) -> Bool {
            guard let from, let through else { return true }
            return TaskSchedule.isScheduled(task.timeframe, planYear: plan?.year, from: from, through: through)
        }
        let officeComments = submission?.taskComments ?? [:]
        var blocks: [TaskBlock] = []
        var others: [TaskBlock] = []
        for task in tasks {
            let key = task.id.uuidString
            let isScheduled = scheduled(task)
            // A task the period is not about starts as not started, so an untouched one needs no text.
            let entry =
                content.tasks[key]
                ?? (isScheduled
                    ? ReportContent.Entry() : ReportContent.Entry(status: PlanTask.Status.notStarted.rawValue))
            let statuses = [PlanTask.Status.notStarted, .inProgress, .completed]
            let errors = problems.reduce(into: [String: String]()) { out, p in
                let prefix = "task:\(key):"
                if p.key.hasPrefix(prefix) { out[String(p.key.dropFirst(prefix.count))] = req.t(p.value) }
            }
            let text = TaskText(task.content)
            var block = TaskBlock(
                id: key, ref: task.ref, title: task.title, textStart: text?.start, textWhole: text?.whole,
                role: req.t("report.role.\(task.role.rawValue)"),
                via: task.via,
                statusOptions: statuses.map {
                    .init(
                        value: $0.rawValue, label: req.t("task.status.\($0.rawValue)"),
                        selected: $0.rawValue == entry.status)
                },
                statusLabel: req.t("task.status.\(entry.status)"), progress: entry.progress.map(String.init),
                done: entry.done.nonEmptyText, difficulties: entry.difficulties.nonEmptyText,
                proposals: entry.proposals.nonEmptyText,
                indicators: task.indicators.map { i in
                    TaskBlock.IndicatorInput(
                        id: i.id.uuidString, name: i.name, unit: i.unit,
                        target: i.target.map(IndicatorAggregation.format),
                        value: entry.values[i.id.uuidString].map(IndicatorAggregation.format) ?? "")
                }.nonEmpty,
                errors: errors)
            // Shown to the agency while the report is back with it.
            if submission?.submissionState == .returned { block.officeComment = officeComments[key] }
            if isScheduled || !entry.isBlank || !errors.isEmpty { blocks.append(block) } else { others.append(block) }
        }
        var evidence: [EvidenceRow] = []
        var history: [EventRow] = []
        if let submission, let sid = submission.id {
            let files = try await EvidenceFile.query(on: db).filter(\.$submission.$id == sid).field(\.$id).field(
                \.$filename
            ).field(\.$size)
                .sort(\.$createdAt).all()
            evidence = files.map {
                .init(
                    name: $0.filename, href: SiteURL.evidence($0.id!).path,
                    size: ByteCountFormatter.string(fromByteCount: Int64($0.size), countStyle: .file))
            }
            let events = try await SubmissionEvent.query(on: db).filter(\.$submission.$id == sid).sort(
                \.$createdAt, .descending
            ).all()
            // Newest first; each version sent is compared with the one sent before it.
            let sent = SubmissionEvent.Kind.submitted.rawValue
            func content(_ event: SubmissionEvent) -> ReportContent {
                (try? JSONDecoder().decode(ReportContent.self, from: Data(event.snapshot.utf8))) ?? ReportContent()
            }
            history = events.enumerated().map { k, event in
                var changes: [ReportVersionDiff.Change]?
                if event.kind == sent, let earlier = events[(k + 1)...].first(where: { $0.kind == sent }) {
                    changes = ReportVersionDiff.changes(
                        from: content(earlier), to: content(event), tasks: tasks, t: { req.t($0) })
                }
                return .init(
                    at: event.createdAt.map { Formatting.dateTime($0, locale) } ?? "", kind: event.kind,
                    label: req.t("report.event.\(event.kind)"),
                    who: event.userName, comment: event.comment.isEmpty ? nil : event.comment, changes: changes,
                    changesLabel: changes.map {
                        $0.isEmpty
                            ? req.t("report.history.unchanged") : req.t("report.history.changes", String($0.count))
                    })
            }
        }
        let reviewer = Policy.allows(actor, .reviewReports)
        let state = submission?.submissionState
        let review =
            reviewer && submission != nil
            ? Review(
                action: SiteURL.reportReview(obligationID).path,
                tasks: state == .submitted
                    ? tasks.map { .init(id: $0.id.uuidString, label: "\($0.ref) \($0.title)") }.nonEmpty : nil,
                canAccept: state == .submitted,
                canReturn: state == .submitted,
                canReopen: state == .accepted
                    || (state != nil
                        && !SubmissionStore.isEditable(submission, obligation: obligation, today: req.today))
            )
            : nil
        let fieldErrors = problems.filter { !$0.key.hasPrefix("task:") }.mapValues { req.t($0) }
        return ReportPage(
            layout: req.layout(
                title:
                    "\(regime.name) · \(PeriodText.label(obligation.periodKey, stored: obligation.periodLabel, locale))"
            ),
            regimeName: regime.name,
            periodLabel: PeriodText.label(obligation.periodKey, stored: obligation.periodLabel, locale),
            agencyName: agencyName, planTitle: plan?.title, planHref: plan?.id.map { SiteURL.plan($0).path },
            window:
                "\(Formatting.date(iso: obligation.windowStart, locale) ?? "") – \(Formatting.date(iso: obligation.windowEnd, locale) ?? "")",
            due: Formatting.date(iso: obligation.dueOn, locale), lock: Formatting.date(iso: obligation.lockOn, locale),
            status: status.status.rawValue, statusLabel: req.t("report.status.\(status.status.rawValue)"),
            sending: status.sending.rawValue, sendingLabel: StandingText.sending(status, req),
            reviewLabel: StandingText.review(status, req),
            resendHint: status.review == .returned
                ? status.resendBy.map {
                    req.t(
                        "report.resend_by.hint", Formatting.date($0, locale), String(regime.regime.resubmitWorkingDays))
                } : nil,
            editable: editable,
            frozen: agencySide && submission?.submissionState == .submitted,
            recallAction: recallable ? SiteURL.reportRecall(obligationID).path : nil,
            action: SiteURL.report(obligationID).path, version: versionOverride ?? submission?.version ?? 0,
            tasks: blocks.nonEmpty, otherTasks: others.nonEmpty, otherCount: others.count,
            summary: content.summary.nonEmptyText, difficulties: content.difficulties.nonEmptyText,
            proposals: content.proposals.nonEmptyText,
            evidence: evidence.nonEmpty, history: history.nonEmpty, errors: fieldErrors,
            errorList: problems.isEmpty ? nil : [req.t("report.error.summary")],
            reviewComment: submission?.submissionState == .returned ? submission?.reviewComment : nil,
            remindHref: reviewer && ReportAgenda.bucket(status, due: obligation.due, today: req.today) == .late
                ? SiteURL.remindNow(regime.id!).with(["obligation": obligationID.uuidString]) : nil,
            review: review,
            acceptTypes: EvidencePolicy.extensions.map { ".\($0)" }.joined(separator: ","),
            maxMB: req.application.settings.maxEvidenceBytes >> 20)
    }
}
