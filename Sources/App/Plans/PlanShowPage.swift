import Fluent
import TTDNKit
import Vapor

/// A plan's page: header facts, legal bases, purposes, budget, the tasks as one outline table (filtered by
/// agency, timeframe kind and status; with add, edit, move and remove for those who may edit),
/// responsibilities, reporting duties, signer, recipients, the original file, and the status form.
/// Seven queries whatever the plan's size; the directory's names and the task tree come from memory while
/// unchanged (`MemoryCaches`).
struct PlanShowPage: Encodable {
    struct Link: Encodable {
        let href: String
        let label: String
        let note: String?
    }

    struct Responsibility: Encodable {
        let ref: String
        let agencies: [PlanAgencyNames.Named]
    }

    struct File: Encodable {
        let name: String
        let size: String
        let href: String
    }

    /// Words repeated on every row, translated once.
    struct Labels: Encodable {
        let edit, addChild, remove, unresolvedHint, wording, progress: String
        /// The column names each stacked row repeats on a phone, and "xem thêm"/"thu gọn": a `#t` per row
        /// and column was a few per cent of a 100-task page.
        let ref, lead, support, timeframe, milestone, status, more, less: String

        init(_ req: Request) {
            ref = req.t("task.field.ref")
            lead = req.t("task.role.lead")
            support = req.t("task.role.support")
            timeframe = req.t("task.field.timeframe")
            milestone = req.t("task.milestone")
            status = req.t("task.field.status")
            more = req.t("task.text.more")
            less = req.t("task.text.less")
            edit = req.t("task.edit")
            addChild = req.t("task.add_child")
            remove = req.t("task.remove")
            unresolvedHint = req.t("plans.unresolved.hint")
            wording = req.t("plans.wording")
            progress = req.t("task.field.progress")
        }
    }

    let layout: LayoutContext
    let labels: Labels
    let id: String
    let href: String
    let kind: String
    let number: String?
    let place: String?
    let date: String?
    let issuer: Link?
    let title: String
    let year: Int?
    let status: String
    let statusLabel: String
    let version: Int
    let citations: [Link]?
    let purposes: String?
    let budget: String?
    /// Whether the table has rows, and the rows as HTML (`PlanTableHTML`).
    let hasRows: Bool
    let rowsHTML: String
    let taskCount: Int
    let shownCount: Int
    let filtered: Bool
    let filterAgencies: [AccountController.Option]
    let filterRoles: [AccountController.Option]
    let filterKinds: [AccountController.Option]
    let filterStatuses: [AccountController.Option]
    let responsibilities: [Responsibility]?
    let reporting: [String]?
    let signerAuthority: String?
    let signerPosition: String?
    let signerName: String?
    let recipients: [String]?
    let file: File?
    let canEdit: Bool
    let statuses: [AccountController.Option]
    let newTaskHref: String?
    let docxHref: String?
    let docxTodayHref: String?
    /// "Start next year's plan from this one", for those who may edit plans.
    let reissueAction: String
    let reissueYear: String
    let csvHref: String?

    static func load(req: Request, id: UUID) async throws -> PlanShowPage {
        guard let plan = try await Plan.find(id, on: req.db) else { throw Abort(.notFound) }
        let filter = try req.query.decode(PlanTableFilter.self)
        let names = try await req.directoryNames()
        let tree = try await req.planTree(id)
        // Citations with their documents in one query (`with` would take two).
        let citations = try await PlanCitation.query(on: req.db)
            .join(LegalDocument.self, on: \PlanCitation.$document.$id == \LegalDocument.$id)
            .filter(\.$plan.$id == id).sort(\.$position).all()
            .map { try $0.joined(LegalDocument.self) }
        let responsibilities = try await PlanResponsibility.query(on: req.db).filter(\.$plan.$id == id)
            .sort(\.$position).all()
        let duties = try await PlanReportingDuty.query(on: req.db).filter(\.$plan.$id == id).sort(\.$position).all()
        let file = try await PlanFile.query(on: req.db).filter(\.$plan.$id == id)
            .field(\.$id).field(\.$plan.$id).field(\.$filename).field(\.$size).first()
        let actor = req.auth.get(User.self)?.actor
        let canEdit = Policy.allows(actor, .editPlans)
        let locale = req.locale
        let today = req.today

        // The outline's move buttons need each task's place among its siblings.
        var siblingIndex: [UUID?: [UUID]] = [:]
        for node in tree.nodes { siblingIndex[node.task.$parent.id, default: []].append(node.task.id!) }
        let labels = Labels(req)
        let moveUp = req.t("task.move_up")
        let moveDown = req.t("task.move_down")
        let addHref = SiteURL.planTaskNew(id).path + "?parent="

        // The table: filtered in memory (a plan has at most a few hundred tasks, all loaded already).
        let filterGroups = filter.agencyID.map { names.groups(of: $0) } ?? []
        var memo = PlanAgencyNames.Memo(names)
        var rows: [PlanTableRow] = []
        let progress = try await OutputLinks.progress(
            of: tree.nodes.map(\.task), outputs: tree.outputs, planYear: plan.year, today: today, on: req.db)
        for node in tree.nodes {
            let taskID = node.task.id!
            let named = tree.agencies[taskID] ?? []
            guard PlanTable.passes(node.task, named: named, filter: filter, names: names, groups: filterGroups) else {
                continue
            }
            var row = PlanTable.row(
                node.task, depth: node.depth, named: named, outputs: tree.outputs[taskID] ?? [], memo: &memo,
                timeframe: tree.timeframes[taskID], planYear: plan.year, today: today, req: req, canEdit: canEdit)
            if let measured = progress[taskID] {
                row.show(measured, unit: tree.outputs[taskID]?.compactMap(\.unit).first, req: req)
            }
            if canEdit {
                let siblings = siblingIndex[node.task.$parent.id] ?? []
                row.actions = OutlineActions(
                    href: SiteURL.task(taskID).path, addHref: addHref + row.id, version: node.task.version,
                    upLabel: siblings.first == taskID ? nil : moveUp + " " + node.task.ref,
                    downLabel: siblings.last == taskID ? nil : moveDown + " " + node.task.ref)
            }
            rows.append(row)
        }

        // Agencies to filter by: those the plan names, directly or through a group, under today's names.
        var named = Set<UUID>()
        for rows in tree.agencies.values {
            for row in rows {
                if let agency = row.$agency.id { named.insert(names.current(agency)) }
                if let group = row.$group.id { named.formUnion((names.membersOf[group] ?? []).map(names.current)) }
            }
        }
        if let selected = filter.agencyID { named.insert(selected) }
        let filterAgencies = named.compactMap { names.agencies[$0] }.sorted { $0.sortKey < $1.sortKey }.map {
            AccountController.Option(
                value: $0.id!.uuidString, label: $0.officialName, selected: $0.id == filter.agencyID)
        }

        var responsibilityRows: [Responsibility] = []
        for row in responsibilities {
            let shown = memo.named(wording: row.wording, agencyID: row.$agency.id, groupID: row.$group.id)
            if let last = responsibilityRows.last, last.ref == row.ref {
                responsibilityRows[responsibilityRows.count - 1] = Responsibility(
                    ref: row.ref, agencies: last.agencies + [shown])
            } else {
                responsibilityRows.append(Responsibility(ref: row.ref, agencies: [shown]))
            }
        }

        let issuer = plan.$issuingAgency.id.flatMap { names.agencies[names.current($0)] }
        return PlanShowPage(
            layout: req.layout(title: plan.title), labels: labels, id: id.uuidString.lowercased(),
            href: SiteURL.plan(id).path,
            kind: plan.kind, number: plan.numberAndSymbol, place: plan.place,
            date: PlanController.displayDate(plan.documentDate, locale),
            issuer: issuer.map { Link(href: SiteURL.agency($0.id!).path, label: $0.officialName, note: nil) },
            title: plan.title, year: plan.year, status: plan.status,
            statusLabel: req.t("plans.status.\(plan.planStatus.rawValue)"), version: plan.version,
            citations: citations.map { document in
                Link(
                    href: SiteURL.legalDocument(document.id!).path,
                    label: [document.kind, document.number].compactMap { $0 }.joined(separator: " "),
                    note: [PlanController.displayDate(document.issuedOn, locale), document.title].compactMap { $0 }
                        .joined(separator: " · ").nonEmptyText)
            }.nonEmpty,
            purposes: plan.purposes.nonEmptyText, budget: plan.budget.nonEmptyText,
            hasRows: !rows.isEmpty, rowsHTML: PlanTableHTML.rows(rows, labels: labels),
            taskCount: tree.nodes.count,
            shownCount: rows.count, filtered: filter.isActive, filterAgencies: filterAgencies,
            filterRoles: PlanTable.roleOptions(req, selected: filter.role),
            filterKinds: PlanTable.kindOptions(req, selected: filter.kind),
            filterStatuses: PlanTable.statusOptions(req, selected: filter.status),
            responsibilities: responsibilityRows.nonEmpty,
            reporting: duties.map { reportingText($0, req: req) }.nonEmpty,
            signerAuthority: plan.signerAuthority.nonEmptyText, signerPosition: plan.signerPosition.nonEmptyText,
            signerName: plan.signerName.nonEmptyText, recipients: plan.recipients.nonEmpty,
            file: file.map {
                File(name: $0.filename, size: byteSize($0.size, locale), href: SiteURL.planFile(id).path)
            },
            canEdit: canEdit, statuses: PlanController.statusOptions(req, selected: plan.status),
            newTaskHref: canEdit ? SiteURL.planTaskNew(id).path : nil,
            docxHref: PlanExportController.available ? SiteURL.planExportDocx(id).path : nil,
            docxTodayHref: PlanExportController.available
                ? SiteURL.planExportDocx(id).with(["names": "today"]) : nil,
            reissueAction: SiteURL.planReissue(id).path, reissueYear: String((plan.year ?? today.year) + 1),
            csvHref: PlanExportController.available ? SiteURL.planTasksCSV(id).path : nil)
    }

    /// "Hằng quý, trước ngày 15 tháng cuối quý, gửi Sở Ngoại vụ".
    static func reportingText(_ duty: PlanReportingDuty, req: Request) -> String {
        var parts = [req.t("plans.reporting.\(duty.frequency)")]
        switch (duty.beforeDay, duty.dueMonth) {
        case (let day?, "last"?): parts.append(req.t("plans.reporting.before_day_last_month", String(day)))
        case (let day?, let month?): parts.append(req.t("plans.reporting.before_day_month", String(day), month))
        case (let day?, nil): parts.append(req.t("plans.reporting.before_day", String(day)))
        case (nil, "last"?): parts.append(req.t("plans.reporting.last_month"))
        case (nil, let month?): parts.append(req.t("plans.reporting.month", month))
        case (nil, nil): break
        }
        if let recipient = duty.recipient, !recipient.isEmpty { parts.append(req.t("plans.reporting.to", recipient)) }
        return parts.joined(separator: ", ")
    }

    static func byteSize(_ bytes: Int, _ locale: AppLocale) -> String {
        if bytes < 1024 { return Formatting.number(bytes, locale) + " B" }
        if bytes < 1024 * 1024 { return Formatting.number((bytes + 512) / 1024, locale) + " KB" }
        return String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}

extension String {
    /// nil for blank text: Leaf treats any present value, even "", as true.
    var nonEmptyText: String? { trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : self }
}
