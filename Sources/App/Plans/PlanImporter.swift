import Crypto
import Fluent
import Foundation
import TTDNKit

/// Saves a reviewed plan — header, citations, the task tree with its agencies, responsibilities,
/// reporting duties and the original file — in one transaction: all of it or nothing.
struct PlanImporter {
    let db: any Database
    let audit: AuditContext

    struct Request: Sendable {
        var plan: PlanDocument
        /// Decision per wording; a wording without one is saved unlinked.
        var links: [String: AgencyLink] = [:]
        /// Wordings to remember as an alias of the agency they were linked to, for next time.
        var saveAsAlias: Set<String> = []
        var issuingAgencyID: UUID?
        var purposes: String = ""
        var budget: String = ""
        var status: Plan.Status = .issued
        var file: File?
        var createdBy: UUID?
    }

    struct File: Sendable {
        var filename: String
        var contentType: String
        var data: Data
    }

    struct Summary: Sendable {
        var planID: UUID
        var tasks: Int
        var linked: Int
        var unlinked: [String]
        var citations: Int
    }

    func save(_ request: Request) async throws -> Summary {
        try await db.transaction { tx in
            let links = try await resolveNewAgencies(request, on: tx)
            try await rememberAliases(request, links: links, on: tx)
            let plan = try await createPlan(request, on: tx)
            let planID = try plan.requireID()
            if let file = request.file { try await saveFile(file, planID: planID, on: tx) }
            let citations = try await saveCitations(request.plan.citations, planID: planID, on: tx)
            let (tasks, linked, unlinked) = try await saveTasks(
                Self.work(of: request.plan), planID: planID, links: links, on: tx)
            try await saveResponsibilities(request.plan.responsibilities, planID: planID, links: links, on: tx)
            try await saveReportingDuties(request.plan.reporting, planID: planID, on: tx)
            // The plan's reporting duties become regimes (editable later), and their obligations are derived.
            _ = try await ObligationService.createRegimes(
                for: plan, duties: request.plan.reporting, fallbackYear: audit.clock.today.year, on: tx, by: audit)
            try await ObligationService.sync(planID: planID, on: tx, by: audit)
            return Summary(planID: planID, tasks: tasks, linked: linked, unlinked: unlinked, citations: citations)
        }
    }

    /// Creates the agencies the reviewer asked for and returns the links with their ids.
    func resolveNewAgencies(_ request: Request, on db: any Database) async throws -> [String: AgencyLink] {
        var links = request.links
        for (wording, link) in request.links {
            guard case .newAgency(let name, let kind) = link else { continue }
            let agency = Agency(code: try await freeCode(for: name, on: db), officialName: name, kind: kind)
            if name != wording { agency.aliases = [wording] }
            agency.refreshKeys()
            try await agency.auditedCreate(on: db, by: audit)
            links[wording] = .agency(try agency.requireID())
        }
        return links
    }

    func rememberAliases(_ request: Request, links: [String: AgencyLink], on db: any Database) async throws {
        for wording in request.saveAsAlias.sorted() {
            switch links[wording] {
            case .agency(let id)?:
                guard let agency = try await Agency.find(id, on: db) else { continue }
                let known = ([agency.officialName, agency.shortName ?? ""] + agency.aliases).map(VietnameseText.toneKey)
                guard !known.contains(VietnameseText.toneKey(wording)) else { continue }
                try await agency.auditedUpdate(on: db, by: audit) {
                    $0.aliases.append(wording)
                    $0.refreshKeys()
                }
            case .group(let id)?:
                guard let group = try await AgencyGroup.find(id, on: db),
                    !([group.name] + group.aliases).map(VietnameseText.toneKey).contains(
                        VietnameseText.toneKey(wording))
                else { continue }
                try await group.auditedUpdate(on: db, by: audit) {
                    $0.aliases.append(wording)
                    $0.refreshKeys()
                }
            default: continue
            }
        }
    }

    func createPlan(_ request: Request, on db: any Database) async throws -> Plan {
        let plan = Plan()
        Self.applyHeader(request, to: plan)
        plan.status = request.status.rawValue
        plan.version = 1
        plan.createdBy = request.createdBy
        try await plan.auditedCreate(on: db, by: audit)
        return plan
    }

    /// The document's header, purposes, budget, signer and recipients onto the plan's row.
    static func applyHeader(_ request: Request, to plan: Plan) {
        let source = request.plan
        plan.kind = source.kind ?? "KẾ HOẠCH"
        plan.number = source.number
        plan.symbol = source.symbol
        plan.place = source.place
        plan.documentDate = source.date
        plan.$issuingAgency.id = request.issuingAgencyID
        plan.title = source.title
        plan.year = source.year
        plan.purposes = request.purposes
        plan.budget = request.budget
        plan.signerName = source.signer.name ?? ""
        plan.signerPosition = source.signer.position ?? ""
        plan.signerAuthority = source.signer.authority ?? ""
        plan.recipients = source.recipients
        plan.searchKey = ""
        plan.refreshKeys()
    }

    /// Each cited document once in the registry (found by its folded number), linked in order.
    func saveCitations(_ citations: [Citation], planID: UUID, on db: any Database) async throws -> Int {
        var linked = Set<UUID>()
        for citation in citations {
            let number = citation.number.filter { !$0.isWhitespace }
            guard !number.isEmpty else { continue }
            let key = LegalDocument.key(number)
            let document: LegalDocument
            if let existing = try await LegalDocument.query(on: db).filter(\.$numberKey == key).first() {
                document = existing
                if existing.issuedOn == nil, let date = citation.date {
                    try await existing.auditedUpdate(on: db, by: audit) { $0.issuedOn = date }
                }
            } else {
                document = LegalDocument(kind: citation.kind, number: number, issuedOn: citation.date)
                try await document.auditedCreate(on: db, by: audit)
            }
            let id = try document.requireID()
            guard linked.insert(id).inserted else { continue }
            try await PlanCitation(planID: planID, documentID: id, position: linked.count).auditedCreate(
                on: db, by: audit)
        }
        return linked.count
    }

    /// Tasks in document order; each task's parent is the nearest earlier task whose ref is a prefix
    /// of its own (`II.3` for `II.3.1.a` when there is no `II.3.1`).
    private func saveTasks(
        _ tasks: [(TTDNKit.PlanTask, PlanTask.Origin)], planID: UUID, links: [String: AgencyLink], on db: any Database
    )
        async throws -> (Int, Int, [String])
    {
        var idsByRef: [String: UUID] = [:]
        var linked = 0
        var unlinked: [String] = []
        for (position, (source, origin)) in tasks.enumerated() {
            let parentID = Self.parentRef(of: source.ref, among: idsByRef).flatMap { idsByRef[$0] }
            let task = PlanTask(
                planID: planID, parentID: parentID, ref: source.ref, position: position, title: source.title,
                content: source.content.joined(separator: "\n\n"), timeframe: source.timeframe, origin: origin)
            try await task.auditedCreate(on: db, by: audit)
            let taskID = try task.requireID()
            idsByRef[source.ref] = taskID
            let (named, missing) = try await saveAgencies(of: source, taskID: taskID, links: links, on: db)
            linked += named
            unlinked += missing
            try await saveOutputs(of: source, taskID: taskID, on: db)
        }
        return (tasks.count, linked, Array(Set(unlinked)).sorted())
    }

    /// The plan's tasks, then Tổ chức thực hiện as work too: each responsibility with duties a task of the
    /// agencies it charges.
    static func work(of plan: PlanDocument) -> [(TTDNKit.PlanTask, PlanTask.Origin)] {
        plan.tasks.map { ($0, PlanTask.Origin.content) }
            + ImplementationTasks.tasks(for: plan).map { ($0, PlanTask.Origin.implementation) }
    }

    /// The original file, kept with the plan.
    func saveFile(_ file: File, planID: UUID, on db: any Database) async throws {
        try await PlanFile(
            planID: planID, filename: file.filename, contentType: file.contentType, data: file.data,
            sha256: SHA256.hex(file.data)
        )
        .auditedCreate(on: db, by: audit)
    }

    /// Tổ chức thực hiện: one row per agency charged, the duties on the responsibility's first row.
    func saveResponsibilities(
        _ responsibilities: [Responsibility], planID: UUID, links: [String: AgencyLink], on db: any Database
    ) async throws {
        for (index, responsibility) in responsibilities.enumerated() {
            for (offset, wording) in responsibility.agencies.enumerated() {
                let link = links[wording] ?? .unlinked
                try await PlanResponsibility(
                    planID: planID, ref: responsibility.ref, position: index * 100 + offset, wording: wording,
                    agencyID: link.agencyID, groupID: link.groupID,
                    duties: offset == 0 ? responsibility.duties.joined(separator: "\n\n") : ""
                ).auditedCreate(on: db, by: audit)
            }
        }
    }

    func saveReportingDuties(_ duties: [ReportingDuty], planID: UUID, on db: any Database) async throws {
        for (index, duty) in duties.enumerated() {
            let row = PlanReportingDuty()
            row.$plan.id = planID
            row.position = index
            row.frequency = duty.frequency.rawValue
            row.beforeDay = duty.beforeDay
            row.dueMonth = duty.month.map(Self.text)
            row.recipient = duty.to
            try await row.auditedCreate(on: db, by: audit)
        }
    }

    /// The task's lead and supporting agencies as written, each linked as the reviewer decided. Returns how
    /// many were linked and the wordings left unlinked.
    func saveAgencies(
        of source: TTDNKit.PlanTask, taskID: UUID, links: [String: AgencyLink], on db: any Database
    ) async throws -> (Int, [String]) {
        var linked = 0
        var unlinked: [String] = []
        let named =
            source.lead.map { (TaskAgency.Role.lead, $0) } + source.support.map { (TaskAgency.Role.support, $0) }
        for (offset, (role, wording)) in named.enumerated() {
            let link = links[wording] ?? .unlinked
            if link == .unlinked { unlinked.append(wording) } else { linked += 1 }
            try await TaskAgency(
                taskID: taskID, role: role, position: offset, wording: wording, agencyID: link.agencyID,
                groupID: link.groupID
            )
            .auditedCreate(on: db, by: audit)
        }
        return (linked, unlinked)
    }

    /// Target numbers the plan states ("phát hành 04 số", "02 lớp tập huấn") become expected outputs.
    func saveOutputs(of source: TTDNKit.PlanTask, taskID: UUID, on db: any Database) async throws {
        let stated = [source.title, source.timeframe?.text ?? ""].joined(separator: " ")
        var seen = Set<String>()
        for output in ExpectedOutput.parse(stated) where seen.insert("\(output.count) \(output.unit)").inserted {
            try await TaskOutput(
                taskID: taskID, description: "\(output.count) \(output.unit)", target: output.count,
                unit: output.unit
            )
            .auditedCreate(on: db, by: audit)
        }
    }

    static func parentRef(of ref: String, among known: [String: UUID]) -> String? {
        var parts = ref.split(separator: ".").map(String.init)
        while parts.count > 1 {
            parts.removeLast()
            let candidate = parts.joined(separator: ".")
            if known[candidate] != nil { return candidate }
        }
        return nil
    }

    private func freeCode(for name: String, on db: any Database) async throws -> String {
        // The directory's own rule, so the code survives a CSV export and import.
        var base = String(DirectoryFormSupport.code(from: name).prefix(60))
        while base.hasSuffix("-") { base.removeLast() }
        var code = base.isEmpty ? "co-quan" : base
        var n = 2
        while try await Agency.query(on: db).filter(\.$code == code).count() > 0 {
            code = "\(base)-\(n)"
            n += 1
        }
        return code
    }

    static func text(_ month: ReportingDuty.DueMonth) -> String {
        switch month {
        case .lastOfQuarter: "last"
        case .number(let number): String(number)
        }
    }
}

extension AgencyLink {
    var agencyID: UUID? { if case .agency(let id) = self { id } else { nil } }
    var groupID: UUID? { if case .group(let id) = self { id } else { nil } }
}
