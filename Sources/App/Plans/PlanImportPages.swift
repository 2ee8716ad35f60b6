import Fluent
import Foundation
import TTDNKit
import Vapor

/// The upload form.
struct PlanImportUploadPage: Encodable {
    let layout: LayoutContext
    let error: String?
    let maxMegabytes: Int

    static func render(_ req: Request, error: String?) async throws -> View {
        try await req.view.render(
            "plans/import",
            PlanImportUploadPage(
                layout: req.layout(titleKey: "import.title"), error: error,
                maxMegabytes: req.application.settings.maxPlanUploadBytes >> 20))
    }
}

/// The review screen: the document's outline beside every extracted field, editable.
struct PlanImportReviewPage: Encodable {
    typealias Option = AccountController.Option

    struct OutlineRow: Encodable {
        let ref: String
        let text: String
        let depth: Int
    }

    struct Field: Encodable {
        let value: String
        let error: String?
    }

    struct CitationRow: Encodable {
        let index: Int
        let kind: String
        let number: String
        let date: Field
    }

    struct TaskRow: Encodable {
        let index: Int
        let ref: Field
        let title: Field
        let lead: String
        let support: String
        let timeframe: String
        let timeframeKind: String?
        let content: String
        let unresolved: Bool
        /// No lead and no sub-items: owners proposed from Tổ chức thực hiện (`OwnerProposals`).
        let orphan: Bool
        let proposals: [OwnerOption]
        let issuerChosen: Bool
    }

    /// One proposed owner: the wording to add as lead, and why (the phrases its duties share with the task).
    struct OwnerOption: Encodable {
        let value: String
        let label: String
        let reason: String
        let checked: Bool
    }

    struct ResponsibilityRow: Encodable {
        let index: Int
        let ref: String
        let agencies: String
        let duties: String
    }

    struct DutyRow: Encodable {
        let index: Int
        let frequencies: [Option]
        let beforeDay: Field
        let month: Field
        let to: String
    }

    struct AgencyRow: Encodable {
        let index: Int
        let wording: String
        /// resolved, successor, group, unresolved
        let state: String
        let note: String?
        let options: [Option]
        let newName: String
        let kinds: [Option]
        let alias: Bool
        let error: String?
    }

    let layout: LayoutContext
    let action: String
    let discardAction: String
    let filename: String
    let source: String
    let outline: [OutlineRow]
    let warnings: [String]?
    let errorCount: Int
    let kind: String
    let number: String
    let symbol: String
    let place: String
    let date: Field
    let title: Field
    let year: Field
    let issuers: [Option]
    let issuerError: String?
    /// The header named no issuing body the directory knows: the reviewer is asked, nothing is assumed.
    let issuerMissing: Bool
    let statuses: [Option]
    let purposes: String
    let budget: String
    let citations: [CitationRow]
    let tasks: [TaskRow]
    let responsibilities: [ResponsibilityRow]
    let reporting: [DutyRow]
    let agencies: [AgencyRow]
    let unresolvedCount: Int
    let signerName: String
    let signerPosition: String
    let signerAuthority: String
    let recipients: String
    let canCreate: Bool
    /// The plan already in the platform that this upload is the same document as, if any.
    let duplicate: DuplicateNotice?

    struct DuplicateNotice: Encodable {
        let href: String
        let title: String
        let reason: String
        let separate: Bool
        let replace: Bool
        let error: String?
    }

    static func render(
        _ req: Request, draft: ImportDraft, form: PlanImportForm, resolver: PlanAgencyResolver,
        problems: [String: String]
    ) async throws -> View {
        let review = try draft.review()
        var header = PlanDocument()
        header.number = PlanImportForm.value(form.number)
        header.symbol = PlanImportForm.value(form.symbol)
        header.date = PlanImportForm.value(form.date)
        let found = try await PlanDuplicate.find(data: draft.data, document: header, on: req.db)
        let duplicate = found.map {
            DuplicateNotice(
                href: SiteURL.plan($0.planID).path, title: $0.title,
                reason: req.t("import.duplicate.\($0.reason.rawValue)"), separate: form.duplicate == "separate",
                replace: form.duplicate == "replace",
                error: problems["duplicate"].map { req.t($0) })
        }
        let directory = resolver.directory
        func field(_ value: String?, _ key: String) -> Field {
            Field(value: value ?? "", error: problems[key].map { req.t($0) })
        }
        let current = directory.agencies.filter { $0.isValid(on: req.today) }
        let everything: [Option] =
            current.map { Option(value: "agency:\($0.id.uuidString)", label: $0.officialName, selected: false) }
            + directory.groups.map {
                Option(value: "group:\($0.id.uuidString)", label: "▸ " + $0.name, selected: false)
            }
        let unresolvedWordings = Set(
            (form.agencies ?? []).filter { ($0.choice ?? "none") == "none" }.compactMap(\.wording))
        let canCreate = Policy.allows(req.auth.get(User.self)?.actor, .editDirectory)

        let agencyRows = (form.agencies ?? []).enumerated().map { index, row -> AgencyRow in
            let wording = row.wording ?? ""
            let resolution = resolver.resolve(wording)
            let choice = row.choice ?? "none"
            var options: [Option] = []
            var seen = Set<String>()
            func add(_ value: String, _ label: String) {
                guard seen.insert(value).inserted else { return }
                options.append(Option(value: value, label: label, selected: value == choice))
            }
            if let match = resolution.match, let name = directory.name(of: match.target) {
                add(PlanImportController.choice(for: resolution), name)
            }
            for suggestion in resolution.suggestions.prefix(5) {
                let value = suggestion.target.choiceValue
                add(value, req.t("import.agency.suggestion", suggestion.name, String(Int(suggestion.score * 100))))
            }
            add("none", req.t("import.agency.none"))
            if canCreate { add("new", req.t("import.agency.new")) }
            let confident = (resolution.match?.confidence ?? 0) >= 0.9
            if !confident || choice != PlanImportController.choice(for: resolution) {
                for option in everything { add(option.value, option.label) }
            }
            let (state, note) = Self.describe(resolution, directory: directory, req: req)
            return AgencyRow(
                index: index, wording: wording, state: choice == "none" ? "unresolved" : state, note: note,
                options: options,
                newName: row.new_name ?? wording,
                kinds: AgencyKind.allCases.map {
                    Option(
                        value: $0.rawValue, label: req.t("agency.kind.\($0.rawValue)"),
                        selected: $0.rawValue == (row.new_kind ?? "department"))
                },
                alias: row.alias != nil,
                error: problems["agencies.\(index)"].map { req.t($0) }
                    ?? problems["agency:\(wording)"].map { req.t($0) })
        }

        // Who Tổ chức thực hiện charges with what, as the form now says, for the owners of tasks without a lead.
        var charged = PlanDocument()
        charged.responsibilities = (form.responsibilities ?? []).map {
            Responsibility(
                ref: $0.ref ?? "", agencies: PlanImportForm.lines($0.agencies),
                duties: PlanImportForm.paragraphs($0.duties))
        }
        let refs = (form.tasks ?? []).compactMap { PlanImportForm.value($0.ref) }
        let taskRows = ((form.tasks ?? []) + Array(repeating: .init(), count: PlanImportForm.spareRows)).enumerated()
            .map { index, row in
                let names = PlanImportForm.lines(row.lead) + PlanImportForm.lines(row.support)
                let ref = PlanImportForm.value(row.ref) ?? ""
                let orphan =
                    !ref.isEmpty && PlanImportForm.lines(row.lead).isEmpty && row.remove == nil
                    && !refs.contains { $0.hasPrefix(ref + ".") }
                let chosen = Set(row.owners ?? [])
                let proposals =
                    orphan
                    ? OwnerProposals.proposals(
                        for: TTDNKit.PlanTask(
                            ref: ref, title: row.title ?? "", content: PlanImportForm.paragraphs(row.content)),
                        in: charged
                    ).flatMap { proposal in
                        proposal.agencies.map {
                            OwnerOption(
                                value: $0, label: $0, reason: proposal.shared.prefix(4).joined(separator: ", "),
                                checked: chosen.contains($0))
                        }
                    } : []
                return TaskRow(
                    index: index, ref: field(row.ref, "tasks.\(index).ref"),
                    title: field(row.title, "tasks.\(index).title"),
                    lead: row.lead ?? "", support: row.support ?? "", timeframe: row.timeframe ?? "",
                    timeframeKind: PlanImportForm.value(row.timeframe).map {
                        (Timeframe.parse($0)?.kind ?? .external).rawValue
                    }.map { req.t("import.timeframe.\($0)") }, content: row.content ?? "",
                    unresolved: names.contains { unresolvedWordings.contains($0) }, orphan: orphan,
                    proposals: proposals, issuerChosen: chosen.contains(PlanImportForm.issuerOwner))
            }
        let frequencies: [ReportingDuty.Frequency] = [.monthly, .quarterly, .halfYearly, .yearly, .adHoc]
        let page = PlanImportReviewPage(
            layout: req.layout(titleKey: "import.review.title"),
            action: SiteURL.planImportDraft(try draft.requireID()).path,
            discardAction: SiteURL.planImportDiscard(try draft.requireID()).path, filename: draft.filename,
            source: review.format + (review.format == "text" ? " · " + review.encoding : ""),
            outline: review.outline.map { OutlineRow(ref: $0.ref, text: $0.text, depth: min($0.depth, 4)) },
            warnings: review.warnings.map { warning in
                let key = "import.warning.\(warning.code)"
                let text = req.t(key, warning.ref ?? "", warning.args.first ?? "")
                return text == key ? warning.message : text
            }.nonEmpty,
            errorCount: problems.count, kind: form.kind ?? "", number: form.number ?? "", symbol: form.symbol ?? "",
            place: form.place ?? "", date: field(form.date, "date"), title: field(form.title, "title"),
            year: field(form.year, "year"),
            issuers: current.map {
                Option(
                    value: $0.id.uuidString, label: $0.officialName,
                    selected: $0.id.uuidString == form.issuing_agency_id)
            },
            issuerError: problems["issuing_agency_id"].map { req.t($0) },
            issuerMissing: PlanImportForm.value(form.issuing_agency_id) == nil,
            statuses: Plan.Status.allCases.map {
                Option(
                    value: $0.rawValue, label: req.t("import.status.\($0.rawValue)"),
                    selected: $0.rawValue == (form.status ?? "issued"))
            },
            purposes: form.purposes ?? "", budget: form.budget ?? "",
            citations: ((form.citations ?? []) + Array(repeating: .init(), count: PlanImportForm.spareRows))
                .enumerated().map { index, row in
                    CitationRow(
                        index: index, kind: row.kind ?? "", number: row.number ?? "",
                        date: field(row.date, "citations.\(index).date"))
                },
            tasks: taskRows,
            responsibilities: ((form.responsibilities ?? []) + [.init()]).enumerated().map { index, row in
                ResponsibilityRow(
                    index: index, ref: row.ref ?? "", agencies: row.agencies ?? "", duties: row.duties ?? "")
            },
            reporting: ((form.reporting ?? []) + [.init()]).enumerated().map { index, row in
                DutyRow(
                    index: index,
                    frequencies: [Option(value: "", label: "—", selected: row.frequency == nil)]
                        + frequencies.map {
                            Option(
                                value: $0.rawValue, label: req.t("import.reporting.frequency.\($0.rawValue)"),
                                selected: $0.rawValue == row.frequency)
                        },
                    beforeDay: field(row.before_day, "import.reporting.\(index).before_day"),
                    month: field(row.month, "import.reporting.\(index).month"), to: row.to ?? "")
            },
            agencies: agencyRows, unresolvedCount: agencyRows.filter { $0.state == "unresolved" }.count,
            signerName: form.signer_name ?? "", signerPosition: form.signer_position ?? "",
            signerAuthority: form.signer_authority ?? "",
            recipients: form.recipients ?? "", canCreate: canCreate, duplicate: duplicate)
        return try await req.view.render("plans/import-review", page)
    }

    /// How a wording resolved, in words: "Sở Khoa học và Công nghệ (Sở Thông tin và Truyền thông sáp nhập 01/03/2025)".
    static func describe(_ resolution: AgencyResolution, directory: AgencyDirectory, req: Request) -> (String, String?)
    {
        guard let match = resolution.match, let name = directory.name(of: match.target) else {
            return ("unresolved", resolution.suggestions.isEmpty ? req.t("import.agency.no_suggestion") : nil)
        }
        let how = match.how.map { req.t("import.match.\($0.rawValue)") }.joined(separator: ", ")
        let confidence = String(Int((match.confidence * 100).rounded())) + "%"
        if case .group = match.target { return ("group", req.t("import.agency.group", name, how, confidence)) }
        if match.how.contains(.predecessorToSuccessor) {
            let ended = match.endedOn.map { Formatting.date($0, req.locale) } ?? "—"
            return ("successor", req.t("import.agency.successor", match.matchedName, ended, name, confidence))
        }
        return ("resolved", req.t("import.agency.resolved", name, how, confidence))
    }
}

extension AgencyTarget {
    var choiceValue: String {
        switch self {
        case .agency(let id): "agency:\(id.uuidString)"
        case .group(let id): "group:\(id.uuidString)"
        }
    }
}
