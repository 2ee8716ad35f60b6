import Foundation
import TTDNKit
import Vapor

/// The review screen's form: every field of the extracted plan, editable, plus one decision per
/// agency wording. Built from a draft for the first showing, decoded from the POST after that, so a
/// form with errors comes back exactly as the reviewer left it.
struct PlanImportForm: Content {
    struct CitationRow: Content {
        var kind: String?
        var number: String?
        var date: String?
    }

    struct TaskRow: Content {
        var ref: String?
        var title: String?
        var lead: String?
        var support: String?
        var timeframe: String?
        /// What the task asks, as written: paragraphs apart by a blank line.
        var content: String?
        /// Owners chosen for a task without a lead: wordings proposed from Tổ chức thực hiện, or `issuer`.
        var owners: [String]?
        var remove: String?
    }

    struct ResponsibilityRow: Content {
        var ref: String?
        var agencies: String?
        var duties: String?
    }

    struct DutyRow: Content {
        var frequency: String?
        var before_day: String?
        var month: String?
        var to: String?
    }

    /// What to do with one wording: `agency:UUID`, `group:UUID`, `none` or `new`.
    struct AgencyRow: Content {
        var wording: String?
        var choice: String?
        var new_name: String?
        var new_kind: String?
        var alias: String?
    }

    var kind: String?
    var number: String?
    var symbol: String?
    var place: String?
    var date: String?
    var title: String?
    var year: String?
    var issuing_agency_id: String?
    var status: String?
    var purposes: String?
    var budget: String?
    var citations: [CitationRow]?
    var tasks: [TaskRow]?
    var responsibilities: [ResponsibilityRow]?
    var reporting: [DutyRow]?
    var agencies: [AgencyRow]?
    var signer_name: String?
    var signer_position: String?
    var signer_authority: String?
    var recipients: String?
    /// `separate` when the reviewer saves a document the platform already holds as a plan of its own.
    var duplicate: String?

    /// Extra empty rows offered for additions.
    static let spareRows = 2

    init(plan: PlanDocument, decisions: [AgencyRow], issuerID: UUID?) {
        kind = plan.kind
        number = plan.number
        symbol = plan.symbol
        place = plan.place
        date = plan.date
        title = plan.title
        year = plan.year.map(String.init)
        issuing_agency_id = issuerID?.uuidString
        status = Plan.Status.issued.rawValue
        purposes = Self.text(plan.purposes)
        budget = Self.text(plan.budget)
        citations = plan.citations.map { CitationRow(kind: $0.kind, number: $0.number, date: $0.date) }
        tasks = plan.tasks.map {
            TaskRow(
                ref: $0.ref, title: $0.title, lead: $0.lead.joined(separator: "\n"),
                support: $0.support.joined(separator: "\n"), timeframe: $0.timeframe?.text,
                content: Self.text($0.content))
        }
        responsibilities = plan.responsibilities.map {
            ResponsibilityRow(
                ref: $0.ref, agencies: $0.agencies.joined(separator: "\n"), duties: Self.text($0.duties))
        }
        reporting = plan.reporting.map {
            DutyRow(
                frequency: $0.frequency.rawValue, before_day: $0.beforeDay.map(String.init),
                month: $0.month.map(PlanImporter.text), to: $0.to)
        }
        agencies = decisions
        signer_name = plan.signer.name
        signer_position = plan.signer.position
        signer_authority = plan.signer.authority
        recipients = plan.recipients.joined(separator: "\n")
    }

    static func lines(_ text: String?) -> [String] { FormText.lines(text) }

    /// Paragraphs as one text for a textarea, a blank line between them.
    static func text(_ paragraphs: [String]) -> String { paragraphs.joined(separator: "\n\n") }

    /// A textarea's text as paragraphs: one per line, blank lines dropped.
    static func paragraphs(_ text: String?) -> [String] { FormText.lines(text) }

    static func value(_ text: String?) -> String? { FormText.value(text) }

    /// The value of the owner choice that leaves a task to the issuing body.
    static let issuerOwner = "issuer"

    /// The plan as corrected, or the problems: field path → translation key.
    /// `original` keeps structured timeframes whose text the reviewer did not change; `issuerName` is the
    /// issuing body's name, for the tasks the reviewer left to it.
    func plan(original: PlanDocument, issuerName: String? = nil) -> (PlanDocument, [String: String]) {
        var problems: [String: String] = [:]
        var plan = PlanDocument()
        plan.kind = Self.value(kind)?.uppercased() ?? "KẾ HOẠCH"
        plan.number = Self.value(number)
        plan.symbol = Self.value(symbol)
        plan.place = Self.value(place)
        plan.date = Self.value(date)
        if let date = plan.date, PlanAgencyResolver.documentDay(date) == nil || !(date.count == 7 || date.count == 10) {
            problems["date"] = "import.error.date"
        }
        plan.title = Self.value(title) ?? ""
        if plan.title.isEmpty { problems["title"] = "import.error.title" }
        if let text = Self.value(year) {
            if let value = Int(text), (1945...2100).contains(value) {
                plan.year = value
            } else {
                problems["year"] = "import.error.year"
            }
        }
        for (index, row) in (citations ?? []).enumerated() {
            guard let number = Self.value(row.number) else { continue }
            let date = Self.value(row.date)
            if let date, LocalDate(iso: date) == nil { problems["citations.\(index).date"] = "import.error.date" }
            plan.citations.append(
                Citation(kind: Self.value(row.kind), number: number.filter { !$0.isWhitespace }, date: date))
        }
        let originalTimeframes = Dictionary(original.tasks.map { ($0.ref, $0.timeframe) }) { a, _ in a }
        var refs = Set<String>()
        for (index, row) in (tasks ?? []).enumerated() where row.remove == nil {
            guard let ref = Self.value(row.ref) ?? (Self.value(row.title) == nil ? nil : "") else { continue }
            if ref.isEmpty {
                problems["tasks.\(index).ref"] = "import.error.ref"
                continue
            }
            if !refs.insert(ref).inserted { problems["tasks.\(index).ref"] = "import.error.ref_duplicate" }
            let title = Self.value(row.title) ?? ""
            if title.isEmpty { problems["tasks.\(index).title"] = "import.error.task_title" }
            var lead = Self.lines(row.lead)
            for owner in row.owners ?? [] {
                let name = owner == Self.issuerOwner ? issuerName : Self.value(owner)
                if let name, !lead.contains(name) { lead.append(name) }
            }
            var task = TTDNKit.PlanTask(
                ref: ref, title: title, lead: lead, support: Self.lines(row.support),
                content: Self.paragraphs(row.content))
            if let text = Self.value(row.timeframe) {
                if let kept = originalTimeframes[ref] ?? nil, kept.text == text {
                    task.timeframe = kept
                } else {
                    task.timeframe = Timeframe.parse(text) ?? Timeframe(text: text, kind: .external)
                }
            }
            plan.tasks.append(task)
        }
        for row in responsibilities ?? [] {
            guard let ref = Self.value(row.ref) else { continue }
            let agencies = Self.lines(row.agencies)
            if !agencies.isEmpty {
                plan.responsibilities.append(
                    Responsibility(ref: ref, agencies: agencies, duties: Self.paragraphs(row.duties)))
            }
        }
        for (index, row) in (reporting ?? []).enumerated() {
            guard let text = Self.value(row.frequency) else { continue }
            guard let frequency = ReportingDuty.Frequency(rawValue: text) else {
                problems["reporting.\(index).frequency"] = "import.error.frequency"
                continue
            }
            var duty = ReportingDuty(frequency: frequency, to: Self.value(row.to))
            if let day = Self.value(row.before_day) {
                if let value = Int(day), (1...31).contains(value) {
                    duty.beforeDay = value
                } else {
                    problems["reporting.\(index).before_day"] = "import.error.day"
                }
            }
            if let month = Self.value(row.month) {
                if month == "last" {
                    duty.month = .lastOfQuarter
                } else if let value = Int(month), (1...12).contains(value) {
                    duty.month = .number(value)
                } else {
                    problems["reporting.\(index).month"] = "import.error.month"
                }
            }
            plan.reporting.append(duty)
        }
        plan.signer = Signer(
            name: Self.value(signer_name), position: Self.value(signer_position),
            authority: Self.value(signer_authority))
        plan.recipients = Self.lines(recipients)
        return (plan, problems)
    }

    /// The reviewer's decision per wording. Wordings typed on the review screen that have no row yet
    /// are resolved by `resolver`: linked when they match, unlinked otherwise.
    func links(for plan: PlanDocument, resolver: PlanAgencyResolver, canCreate: Bool) -> (
        [String: AgencyLink], Set<String>, [String: String]
    ) {
        var links: [String: AgencyLink] = [:]
        var aliases = Set<String>()
        var problems: [String: String] = [:]
        let rows = Dictionary((agencies ?? []).compactMap { row in Self.value(row.wording).map { ($0, row) } }) {
            a, _ in a
        }
        for (index, wording) in PlanAgencyResolver.wordings(in: plan).enumerated() {
            guard let row = rows[wording] else {
                links[wording] = AgencyLink(resolver.resolve(wording))
                continue
            }
            let choice = row.choice ?? "none"
            if choice == "new" {
                let name = Self.value(row.new_name) ?? wording
                guard canCreate, let kind = AgencyKind(rawValue: row.new_kind ?? "") else {
                    problems["agencies.\(index)"] = canCreate ? "import.error.new_kind" : "import.error.new_forbidden"
                    continue
                }
                links[wording] = .newAgency(name: name, kind: kind)
            } else if choice.hasPrefix("agency:"), let id = UUID(uuidString: String(choice.dropFirst(7))) {
                links[wording] = .agency(id)
            } else if choice.hasPrefix("group:"), let id = UUID(uuidString: String(choice.dropFirst(6))) {
                links[wording] = .group(id)
            } else {
                links[wording] = .unlinked
            }
            if row.alias != nil, links[wording] != .unlinked { aliases.insert(wording) }
        }
        return (links, aliases, problems)
    }
}
