import Foundation
import TTDNKit

/// Resolves every agency wording of an extracted plan against the directory, once per distinct
/// wording, in the plan's own context: its date (names valid then resolve to today's successors),
/// its province and its issuing agency (so "Văn phòng Sở" means the issuer's office).
struct PlanAgencyResolver {
    let directory: AgencyDirectory
    let context: ResolutionContext
    let documentDay: LocalDate

    init(directory: AgencyDirectory, plan: PlanDocument, issuerID: UUID? = nil, today: LocalDate) {
        self.directory = directory
        let day = Self.documentDay(plan.date) ?? today
        self.documentDay = day
        var context = ResolutionContext(issuerID: issuerID, province: plan.place, today: today)
        if context.province == nil { context.province = DirectoryLoader.province(of: directory) }
        if context.issuerID == nil, let symbol = plan.symbol {
            context.issuerID = Self.issuer(symbol: symbol, in: directory, on: day, context: context)
        }
        self.context = context
    }

    /// Every distinct wording the plan uses for agencies, in first-seen order.
    static func wordings(in plan: PlanDocument) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        let all = plan.tasks.flatMap { $0.lead + $0.support } + plan.responsibilities.flatMap(\.agencies)
        for wording in all where seen.insert(wording).inserted { out.append(wording) }
        return out
    }

    func resolve(_ wording: String) -> AgencyResolution {
        directory.resolve(wording, on: documentDay, context: context)
    }

    func resolveAll(_ plan: PlanDocument) -> [String: AgencyResolution] {
        Dictionary(uniqueKeysWithValues: Self.wordings(in: plan).map { ($0, resolve($0)) })
    }

    /// `2024-02-05` → that day; `2024-02` (blank day) → the first of the month.
    static func documentDay(_ text: String?) -> LocalDate? {
        guard let text else { return nil }
        if let day = LocalDate(iso: text) { return day }
        return LocalDate(iso: text + "-01")
    }

    /// The issuing agency named by the symbol's suffix: `KH-SNgV` → Sở Ngoại vụ, `KH-UBND` → UBND tỉnh.
    static func issuer(symbol: String, in directory: AgencyDirectory, on day: LocalDate, context: ResolutionContext)
        -> UUID?
    {
        guard let dash = symbol.firstIndex(of: "-") else { return nil }
        let suffix = String(symbol[symbol.index(after: dash)...])
        let written = suffix == "UBND" ? "UBND tỉnh" : suffix
        guard let match = directory.resolve(written, on: day, context: context).match,
            case .agency(let id) = match.target
        else { return nil }
        return id
    }
}

/// What to do with one wording when the plan is saved.
enum AgencyLink: Equatable, Sendable {
    case agency(UUID)
    case group(UUID)
    /// Keep the wording, link nothing: it shows as unresolved until someone links it.
    case unlinked
    /// Create a new agency with this name and kind, and link to it.
    case newAgency(name: String, kind: AgencyKind)

    init(_ resolution: AgencyResolution) {
        switch resolution.match?.target {
        case .agency(let id)?: self = .agency(id)
        case .group(let id)?: self = .group(id)
        case nil: self = .unlinked
        }
    }
}
