import Foundation

/// The agencies and groups of one province, indexed once for fast name resolution (a plan import resolves
/// thousands of names). Immutable: rebuild it when the directory changes.
public struct AgencyDirectory: Sendable {
    public let agencies: [AgencyRecord]
    public let groups: [AgencyGroupRecord]
    let abbreviations: AgencyAbbreviations

    let agencyIndex: [UUID: Int]
    let groupIndex: [UUID: Int]
    let childIDs: [UUID: [UUID]]
    let codeToTarget: [String: AgencyTarget]

    /// Every name of every record, and the forms it is matched by.
    let names: [IndexedName]
    /// Tone key of the full name → names. Exact, alias and tone-variant matches.
    let strict: [String: [Int]]
    /// Tone key of the full name and of the name without its place (`Công an tỉnh Lạng Sơn` → `công an`).
    let loose: [String: [Int]]
    /// The same two with every diacritic folded.
    let foldedStrict: [String: [Int]]
    let foldedLoose: [String: [Int]]
    /// Parent id → tone key of a child's name relative to the parent (`Văn phòng Sở Ngoại vụ` under Sở Ngoại vụ
    /// → `văn phòng`, `văn phòng sở`) → names. Used only when the issuing agency is known.
    let scoped: [UUID: [String: [ScopedName]]]
    /// Folded word → names containing it, for suggestions.
    let wordIndex: [String: [Int]]

    /// Builds the indexes. Records are taken as they are: validate them first (`AgencyCSV` does).
    public init(
        agencies: [AgencyRecord], groups: [AgencyGroupRecord] = [],
        abbreviations: AgencyAbbreviations = .standard
    ) {
        self.agencies = agencies
        self.groups = groups
        self.abbreviations = abbreviations
        var agencyIndex: [UUID: Int] = [:]
        var childIDs: [UUID: [UUID]] = [:]
        var codeToTarget: [String: AgencyTarget] = [:]
        for (i, agency) in agencies.enumerated() {
            agencyIndex[agency.id] = i
            codeToTarget[agency.code] = .agency(agency.id)
            if let parent = agency.parentID { childIDs[parent, default: []].append(agency.id) }
        }
        var groupIndex: [UUID: Int] = [:]
        for (i, group) in groups.enumerated() {
            groupIndex[group.id] = i
            codeToTarget[group.code] = .group(group.id)
        }
        self.agencyIndex = agencyIndex
        self.groupIndex = groupIndex
        self.childIDs = childIDs
        self.codeToTarget = codeToTarget

        var names: [IndexedName] = []
        func add(_ text: String, _ source: NameSource, _ target: AgencyTarget) {
            let clean = VietnameseText.collapseWhitespace(VietnameseText.nfc(text))
            guard !clean.isEmpty else { return }
            names.append(IndexedName(target: target, text: clean, source: source, form: AgencyNameForm(clean)))
            // Stored names may use abbreviations too (`UBND tỉnh`): index their expansion as the same name.
            if let expanded = abbreviations.expand(clean) {
                names.append(IndexedName(target: target, text: clean, source: source, form: AgencyNameForm(expanded)))
            }
        }
        for agency in agencies {
            add(agency.officialName, .official, .agency(agency.id))
            if let short = agency.shortName { add(short, .alias, .agency(agency.id)) }
            for alias in agency.aliases { add(alias, .alias, .agency(agency.id)) }
            for abbreviation in agency.abbreviations { add(abbreviation, .abbreviation, .agency(agency.id)) }
        }
        for group in groups {
            add(group.name, .official, .group(group.id))
            for alias in group.aliases { add(alias, .alias, .group(group.id)) }
        }
        names.removeAll { $0.form.count == 0 }

        var strict: [String: [Int]] = [:]
        var loose: [String: [Int]] = [:]
        var foldedStrict: [String: [Int]] = [:]
        var foldedLoose: [String: [Int]] = [:]
        var wordIndex: [String: [Int]] = [:]
        for (i, name) in names.enumerated() {
            strict[name.form.toneKey, default: []].append(i)
            foldedStrict[name.form.foldKey, default: []].append(i)
            loose[name.form.toneKey, default: []].append(i)
            foldedLoose[name.form.foldKey, default: []].append(i)
            if let placeless = name.form.withoutPlace(province: nil, anyCapitalisedProvince: true) {
                loose[placeless.toneKey, default: []].append(i)
                foldedLoose[placeless.foldKey, default: []].append(i)
            }
            for word in Set(name.form.folded) { wordIndex[word, default: []].append(i) }
        }
        self.strict = strict
        self.loose = loose
        self.foldedStrict = foldedStrict
        self.foldedLoose = foldedLoose
        self.wordIndex = wordIndex

        // Relative names of children, for documents that name their own units (`Văn phòng`, `Thanh tra Sở`).
        var scoped: [UUID: [String: [ScopedName]]] = [:]
        var namesByTarget: [AgencyTarget: [Int]] = [:]
        for (i, name) in names.enumerated() { namesByTarget[name.target, default: []].append(i) }
        for agency in agencies {
            guard let parentID = agency.parentID, let parentPosition = agencyIndex[parentID] else { continue }
            let parent = agencies[parentPosition]
            let parentForms = (namesByTarget[.agency(parentID)] ?? []).map { names[$0].form }
            for i in namesByTarget[.agency(agency.id)] ?? [] {
                let form = names[i].form
                scoped[parentID, default: [:]][form.toneKey, default: []].append(ScopedName(name: i, relative: false))
                for parentForm in parentForms where form.count > parentForm.count && form.hasSuffix(parentForm) {
                    let relative = form.prefix(form.count - parentForm.count)
                    scoped[parentID, default: [:]][relative.toneKey, default: []].append(
                        ScopedName(name: i, relative: true))
                    if parent.kind == .department {
                        let generic = AgencyNameForm(relative.written.joined(separator: " ") + " Sở")
                        scoped[parentID, default: [:]][generic.toneKey, default: []].append(
                            ScopedName(name: i, relative: true))
                    }
                }
            }
        }
        self.scoped = scoped
        self.names = names
    }

    public func agency(_ id: UUID) -> AgencyRecord? { agencyIndex[id].map { agencies[$0] } }
    public func group(_ id: UUID) -> AgencyGroupRecord? { groupIndex[id].map { groups[$0] } }

    /// The record with this CSV code, if any.
    public func target(code: String) -> AgencyTarget? { codeToTarget[code] }

    /// The agency's direct children (units, or departments under the provincial committee), in directory order.
    public func children(of id: UUID) -> [AgencyRecord] { (childIDs[id] ?? []).compactMap(agency) }

    /// The display name of an agency or group.
    public func name(of target: AgencyTarget) -> String? {
        switch target {
        case .agency(let id): agency(id)?.officialName
        case .group(let id): group(id)?.name
        }
    }

    /// The agency's parents, nearest first; stops on a cycle.
    public func ancestors(of id: UUID) -> [AgencyRecord] {
        var out: [AgencyRecord] = []
        var seen: Set<UUID> = [id]
        var current = agency(id)?.parentID
        while let parentID = current, !seen.contains(parentID), let parent = agency(parentID) {
            out.append(parent)
            seen.insert(parentID)
            current = parent.parentID
        }
        return out
    }

    /// The agencies from `id` to the one doing its work on `today`, following each agency's first succession
    /// that has taken effect (every one recorded when `today` is nil). Stops on a cycle (which `AgencyCSV`
    /// refuses anyway).
    public func successionChain(from id: UUID, today: LocalDate?) -> [UUID] {
        var chain = [id]
        var current = id
        while let record = agency(current), let next = record.successions.first,
            today.map({ next.effective <= $0 }) ?? true,
            !chain.contains(next.successorID), agency(next.successorID) != nil
        {
            chain.append(next.successorID)
            current = next.successorID
        }
        return chain
    }
}

/// Where an indexed name came from: decides the `MatchStep` of a hit.
enum NameSource: Sendable {
    case official, alias, abbreviation

    var step: MatchStep {
        switch self {
        case .official: .exact
        case .alias: .alias
        case .abbreviation: .abbreviationExpanded
        }
    }
}

struct IndexedName: Sendable {
    let target: AgencyTarget
    /// The name as stored (shown in suggestions and `AgencyMatch.matchedName`).
    let text: String
    let source: NameSource
    let form: AgencyNameForm
}

struct ScopedName: Sendable {
    let name: Int
    /// Found only by removing the parent's name (or reading `Sở` as the parent): a contextual match.
    let relative: Bool
}
