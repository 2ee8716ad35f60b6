import Foundation

extension OfficialPlan {
    /// What the layout needs that extraction does not give. Everything is optional: a plan can be
    /// exported straight after import, and the app adds the rest as users write it.
    public struct Extras: Sendable, Equatable {
        public var parentBody: String?
        /// Defaults to the body the symbol names, which is only a guess: the app should pass the name.
        public var issuingBody: String?
        /// Replaces the legal bases built from the citations.
        public var intro: [Paragraph]?
        /// `I. MỤC ĐÍCH, YÊU CẦU`: clauses (`1. Mục đích`, `2. Yêu cầu`) or plain paragraphs.
        public var purposes: [Item] = []
        public var purposeParagraphs: [Paragraph] = []
        /// Titles of the content parts, in order; default `NỘI DUNG THỰC HIỆN`.
        public var contentTitles: [String] = []
        /// Paragraphs under a task, by its ref in the source plan.
        public var taskContent: [String: [Paragraph]] = [:]
        /// Expected outputs by task ref (`04 số`).
        public var taskOutputs: [String: [String]] = [:]
        public var taskDateRanges: [String: DateRange] = [:]
        /// `KINH PHÍ`: the part is printed only when there is text for it.
        public var funding: [Paragraph] = []
        /// Text of the implementation part's clauses, by the responsibility's ref (`IV.2`); clauses for
        /// refs the plan has no responsibility for are added in order.
        public var implementation: [Item] = []
        public var implementationParagraphs: [Paragraph] = []
        public var closing: [Paragraph] = []

        public init(parentBody: String? = nil, issuingBody: String? = nil) {
            self.parentBody = parentBody
            self.issuingBody = issuingBody
        }
    }

    /// A printable plan from an imported one. Parts come out as `I. MỤC ĐÍCH, YÊU CẦU`, the content
    /// parts (one per Roman part the tasks sit in, in order), `KINH PHÍ` when there is text for it, and
    /// `TỔ CHỨC THỰC HIỆN` with the responsibilities and reporting duties. A plan whose tasks sit in `II`
    /// keeps its refs; one whose content started later (`III`) is renumbered to follow `I`.
    public init(from plan: PlanDocument, extras: Extras = Extras()) {
        let symbolBody = plan.symbol.flatMap { $0.split(separator: "-").last }.map(String.init)
        self.init(issuingBody: extras.issuingBody ?? symbolBody ?? "", title: plan.title)
        parentBody = extras.parentBody
        kind = plan.kind ?? "KẾ HOẠCH"
        number = plan.number
        symbol = plan.symbol
        place = plan.place
        date = plan.date.flatMap(DocumentDate.init(iso:))
        year = plan.year
        citations = plan.citations
        intro = extras.intro ?? Self.legalBases(plan.citations)
        recipients = plan.recipients
        signer = Signature(plan.signer)
        closing = extras.closing

        sections.append(
            Section(
                kind: .purpose, title: "MỤC ĐÍCH, YÊU CẦU",
                paragraphs: extras.purposeParagraphs.isEmpty && extras.purposes.isEmpty
                    ? plan.purposes.map { Paragraph($0) } : extras.purposeParagraphs,
                items: extras.purposes
            ))
        // One content part per Roman part the tasks name, in document order.
        var parts: [String] = []
        for task in plan.tasks {
            let roman = String(task.ref.split(separator: ".").first ?? "")
            if !parts.contains(roman) { parts.append(roman) }
        }
        for (index, roman) in parts.enumerated() {
            let title = index < extras.contentTitles.count ? extras.contentTitles[index] : "NỘI DUNG THỰC HIỆN"
            let tasks = plan.tasks.filter { String($0.ref.split(separator: ".").first ?? "") == roman }.map { t in
                Task(
                    ref: t.ref, title: t.title, content: extras.taskContent[t.ref] ?? t.content.map { Paragraph($0) },
                    lead: t.lead,
                    support: t.support,
                    timeframe: t.timeframe, dateRange: extras.taskDateRanges[t.ref],
                    outputs: extras.taskOutputs[t.ref] ?? [])
            }
            sections.append(Section(kind: .content, title: title, tasks: tasks))
        }
        // The extras' text, else the plan's own (a `ttdn.plan/2` document carries its purposes, budget and
        // each task's content).
        let funding = extras.funding.isEmpty ? plan.budget.map { Paragraph($0) } : extras.funding
        if !funding.isEmpty {
            sections.append(Section(kind: .funding, title: "KINH PHÍ", paragraphs: funding))
        }
        sections.append(
            Section(
                kind: .implementation, title: "TỔ CHỨC THỰC HIỆN", paragraphs: extras.implementationParagraphs,
                items: Self.implementationItems(plan.responsibilities, extras.implementation), reporting: plan.reporting
            ))
    }

    /// `Căn cứ Nghị định số 72/2015/NĐ-CP ngày 07/9/2015;` one per citation, the last ending with `.`
    /// (ND 30: legal bases in italics, one per line). Only what extraction knows: the app may pass the
    /// full wording (issuer, subject) in `Extras.intro`.
    static func legalBases(_ citations: [Citation]) -> [Paragraph] {
        citations.enumerated().map { index, c in
            var text = "Căn cứ \(c.kind ?? "Văn bản") số \(c.number)"
            if let iso = c.date, let d = LocalDate(iso: iso) { text += " ngày \(DateRange.short(d))" }
            text += index == citations.count - 1 ? "." : ";"
            return Paragraph(text, italic: true)
        }
    }

    /// One numbered clause per responsibility ref, with its duties as written; several agencies charged under
    /// the same clause (bold bullets in the source) become bold-led paragraphs of one clause, each followed by
    /// its duties.
    static func implementationItems(_ responsibilities: [Responsibility], _ given: [Item]) -> [Item] {
        var refs: [String] = []
        for r in responsibilities where !refs.contains(r.ref) { refs.append(r.ref) }
        var items: [Item] = []
        for (index, ref) in refs.enumerated() {
            let group = responsibilities.filter { $0.ref == ref }
            let extra = index < given.count ? given[index] : nil
            if group.count == 1 {
                items.append(
                    Item(
                        heading: extra?.heading ?? AgencyListText.join(group[0].agencies),
                        paragraphs: extra?.paragraphs ?? group[0].duties.map { Paragraph($0) },
                        points: extra?.points ?? []))
            } else {
                let leads = group.flatMap { r in
                    [Paragraph(r.duties.first ?? "", boldLead: AgencyListText.join(r.agencies) + ":")]
                        + r.duties.dropFirst().map { Paragraph($0) }
                }
                // The heading names no body, so the bullets alone say who is charged.
                items.append(
                    Item(heading: extra?.heading ?? "Phân công cụ thể", paragraphs: (extra?.paragraphs ?? []) + leads))
            }
        }
        if given.count > refs.count { items += given[refs.count...] }
        return items
    }
}

extension OfficialPlan.Signature {
    /// Splits `TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH` into its lines and a `kiêm` title into three.
    public init(_ signer: Signer) {
        self.init()
        name = signer.name
        if let authority = signer.authority {
            var lines: [String] = []
            for word in authority.split(separator: " ") {
                let w = String(word)
                let starts = ["TM.", "T/M", "KT.", "TL.", "TUQ.", "Q.", "T.M.", "K.T."].contains { w.hasPrefix($0) }
                if starts || lines.isEmpty { lines.append(w) } else { lines[lines.count - 1] += " " + w }
            }
            self.authority = lines
        }
        if let position = signer.position {
            self.position = position.components(separatedBy: " kiêm ").enumerated().flatMap { index, part in
                index == 0 ? [part] : ["kiêm", part]
            }
        }
    }
}
