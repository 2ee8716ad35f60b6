import Fluent
import Foundation
import TTDNKit

/// A saved plan back out: as the `ttdn.plan/2` document it holds, as an official DOCX (TTDNKit's
/// `PlanDocxWriter`, Nghị định 30/2020 layout) and as a task CSV (`PlanTaskCSV`). Shared by the plan
/// page's download links and `ttdn export`.
struct PlanExporter {
    let db: any Database
    /// The day whose agency names "today's names" means.
    let today: LocalDate
    /// Print linked agencies under their names today; otherwise (the default) as the document wrote them.
    var namesToday = false

    struct Loaded {
        let plan: Plan
        let document: PlanDocument
        let extras: OfficialPlan.Extras
        let tree: PlanTaskTree
        let names: PlanAgencyNames
    }

    /// Everything the exports need, in about a dozen queries.
    func load(_ planID: UUID) async throws -> Loaded? {
        guard let plan = try await Plan.find(planID, on: db) else { return nil }
        let names = try await PlanAgencyNames.load(on: db, today: today)
        let tree = try await PlanTaskTree.load(planID: planID, on: db)
        let citations = try await PlanCitation.query(on: db).filter(\.$plan.$id == planID).with(\.$document).sort(
            \.$position
        ).all()
        let responsibilities = try await PlanResponsibility.query(on: db).filter(\.$plan.$id == planID).sort(
            \.$position
        ).all()
        let duties = try await PlanReportingDuty.query(on: db).filter(\.$plan.$id == planID).sort(\.$position).all()

        var document = PlanDocument()
        document.kind = plan.kind
        document.number = plan.number
        document.symbol = plan.symbol
        document.place = plan.place
        document.date = plan.documentDate
        document.title = plan.title
        document.year = plan.year
        document.citations = citations.map {
            Citation(kind: $0.document.kind, number: $0.document.number, date: $0.document.issuedOn)
        }
        // Tasks made from Tổ chức thực hiện print there, as the responsibilities' duties, not as content.
        document.tasks = tree.nodes.filter { $0.task.taskOrigin == .content }.map { node in
            let named = (tree.agencies[node.task.id!] ?? []).sorted { $0.position < $1.position }
            return TTDNKit.PlanTask(
                ref: node.task.ref, title: node.task.title,
                lead: named.filter { $0.role == TaskAgency.Role.lead.rawValue }.map {
                    printedName($0.wording, agencyID: $0.$agency.id, names: names)
                },
                support: named.filter { $0.role == TaskAgency.Role.support.rawValue }.map {
                    printedName($0.wording, agencyID: $0.$agency.id, names: names)
                },
                timeframe: node.task.timeframe)
        }
        var grouped: [Responsibility] = []
        for row in responsibilities {
            let name = printedName(row.wording, agencyID: row.$agency.id, names: names)
            // Rows of one responsibility share `position / 100`; its duties are on the first row.
            if let last = grouped.last, last.ref == row.ref, row.position % 100 != 0 {
                grouped[grouped.count - 1].agencies.append(name)
            } else {
                grouped.append(
                    Responsibility(ref: row.ref, agencies: [name], duties: Self.paragraphs(row.duties).map(\.text)))
            }
        }
        document.responsibilities = grouped
        document.reporting = duties.compactMap { duty in
            guard let frequency = ReportingDuty.Frequency(rawValue: duty.frequency) else { return nil }
            let month: ReportingDuty.DueMonth? = duty.dueMonth.flatMap {
                $0 == "last" ? .lastOfQuarter : Int($0).map { .number($0) }
            }
            return ReportingDuty(frequency: frequency, beforeDay: duty.beforeDay, month: month, to: duty.recipient)
        }
        document.signer = Signer(
            name: plan.signerName.isEmpty ? nil : plan.signerName,
            position: plan.signerPosition.isEmpty ? nil : plan.signerPosition,
            authority: plan.signerAuthority.isEmpty ? nil : plan.signerAuthority)
        document.recipients = plan.recipients

        let issuer = plan.$issuingAgency.id.flatMap { names.agencies[names.current($0)] }
        var extras = OfficialPlan.Extras(
            parentBody: issuer?.$parent.id.flatMap { names.agencies[$0]?.officialName },
            issuingBody: issuer?.officialName)
        extras.purposeParagraphs = Self.paragraphs(plan.purposes)
        extras.funding = Self.paragraphs(plan.budget)
        for node in tree.nodes {
            let content = Self.paragraphs(node.task.content)
            if !content.isEmpty { extras.taskContent[node.task.ref] = content }
            let outputs = (tree.outputs[node.task.id!] ?? []).map(PlanTable.outputText)
            if !outputs.isEmpty { extras.taskOutputs[node.task.ref] = outputs }
        }
        return Loaded(plan: plan, document: document, extras: extras, tree: tree, names: names)
    }

    /// As the plan wrote it (issue 11: a plan exports as written), or, with `namesToday`, a linked agency
    /// under its name today (a group and an unlinked wording stay as written either way).
    func printedName(_ wording: String, agencyID: UUID?, names: PlanAgencyNames) -> String {
        guard namesToday else { return wording }
        return agencyID.flatMap { names.name(of: names.current($0)) } ?? wording
    }

    static func paragraphs(_ text: String) -> [OfficialPlan.Paragraph] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { OfficialPlan.Paragraph($0) }
    }

    func docx(_ loaded: Loaded, created: Date) throws -> Data {
        try PlanDocxWriter.docx(
            OfficialPlan(from: loaded.document, extras: loaded.extras), options: .init(created: created))
    }

    /// One row per task in outline order; `status` names a task status in the reader's language.
    func csv(_ loaded: Loaded, today: LocalDate, status: (PlanTask.Status) -> String) -> Data {
        let rows = zip(loaded.tree.nodes, loaded.document.tasks).map { node, task in
            PlanTaskCSV.Row(
                task: task,
                nextMilestone: PlanMilestones.nextMilestone(
                    node.task.timeframe, planYear: loaded.plan.year, today: today)?.due,
                status: status(node.task.taskStatus), progress: node.task.progress)
        }
        return PlanTaskCSV.data(rows)
    }

    /// `ke-hoach-18-KH-SNgV.docx`: the kind and number, folded to ASCII.
    static func filename(_ plan: Plan, ext: String) -> String {
        let base = [plan.kind, plan.numberAndSymbol ?? String(plan.year ?? 0)].joined(separator: " ")
        let slug = VietnameseText.searchKey(base.replacingOccurrences(of: "/", with: " ")).replacingOccurrences(
            of: " ", with: "-")
        return (slug.isEmpty ? "ke-hoach" : slug) + "." + ext
    }
}
