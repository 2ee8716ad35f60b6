import Foundation

extension AgencyDirectory {
    /// Which agency (or group) `written` means today.
    ///
    /// The name is cleaned (NFC, spacing, a leading `Đề nghị`, bullets, a trailing parenthesis), its
    /// abbreviations expanded, and then tried from the strictest reading to the loosest, stopping at the
    /// first that finds anything (docs/DIRECTORY.md):
    /// 1. the issuing agency's own units (`Văn phòng`, `Thanh tra Sở`), and a bare `Sở` read as the issuer;
    /// 2. the full name (exact, alias, tone variant);
    /// 3. without the place (`… tỉnh Lạng Sơn`, `… tỉnh`, `… Cao Bằng` when that is the context's province);
    /// 4. 2 and 3 again with diacritics folded.
    /// A reading that finds several agencies keeps those valid on `date`; if still several, the answer is
    /// `unresolved(ambiguous: true)` rather than a guess. The record found is then followed through its
    /// successions to today's agency.
    public func resolve(_ written: String, on date: LocalDate, context: ResolutionContext = ResolutionContext())
        -> AgencyResolution
    {
        let cleaned = Self.clean(written)
        guard !cleaned.isEmpty else { return .unresolved(suggestions: [], ambiguous: false) }
        var readings = [Reading(form: AgencyNameForm(cleaned), steps: [])]
        if let expanded = abbreviations.expand(cleaned) {
            readings.append(Reading(form: AgencyNameForm(expanded), steps: [.abbreviationExpanded]))
        }
        readings.removeAll { $0.form.count == 0 }
        let province = context.province.flatMap(AgencyNameForm.province)

        var outcome: Outcome?
        if let issuerID = context.issuerID {
            outcome = resolveInScope(readings, issuerID: issuerID, date: date)
        }
        if outcome == nil {
            outcome = firstHit(readings, date: date) { reading in
                (strict[reading.form.toneKey] ?? []).map { Hit(name: $0, steps: []) }
            }
        }
        if outcome == nil {
            outcome = firstHit(readings, date: date) { reading in
                Self.placeVariants(of: reading.form, province: province).flatMap { form in
                    (loose[form.toneKey] ?? []).map { Hit(name: $0, steps: [.contextual]) }
                }
            }
        }
        if outcome == nil {
            outcome = firstHit(readings, date: date) { reading in
                (foldedStrict[reading.form.foldKey] ?? []).map { Hit(name: $0, steps: [.diacriticFolded]) }
            }
        }
        if outcome == nil {
            outcome = firstHit(readings, date: date) { reading in
                Self.placeVariants(of: reading.form, province: province).flatMap { form in
                    (foldedLoose[form.foldKey] ?? []).map { Hit(name: $0, steps: [.diacriticFolded, .contextual]) }
                }
            }
        }

        switch outcome {
        case .some(.found(let hit, let reading)):
            return .matched(makeMatch(hit, reading: reading, context: context))
        case .some(.ambiguous(let hits)):
            var suggestions = hits.map { hit in
                AgencySuggestion(target: names[hit.name].target, name: names[hit.name].text, score: hit.confidence)
            }
            let extra = suggest(for: readings, province: province).filter { s in
                !suggestions.contains { $0.target == s.target }
            }
            suggestions += extra
            return .unresolved(suggestions: Array(suggestions.prefix(Self.suggestionLimit)), ambiguous: true)
        case nil:
            return .unresolved(suggestions: suggest(for: readings, province: province), ambiguous: false)
        }
    }

    /// Names relative to the issuing agency: its units (`Văn phòng`, `Phòng Quản lý biên giới`), then its
    /// parents' units, then the text with a final bare `Sở` read as the nearest department.
    private func resolveInScope(_ readings: [Reading], issuerID: UUID, date: LocalDate) -> Outcome? {
        guard let issuer = agency(issuerID) else { return nil }
        let scopes = [issuer] + ancestors(of: issuerID)
        for scope in scopes {
            guard let index = scoped[scope.id] else { continue }
            let outcome = firstHit(readings, date: date) { reading in
                (index[reading.form.toneKey] ?? []).map { Hit(name: $0.name, steps: $0.relative ? [.contextual] : []) }
            }
            if let outcome { return outcome }
        }
        guard let department = scopes.first(where: { $0.kind == .department }) else { return nil }
        let departmentForm = AgencyNameForm(department.officialName)
        let rewritten = readings.compactMap { reading -> Reading? in
            guard reading.form.lower.last == "sở" else { return nil }
            return Reading(form: reading.form.replacingLast(with: departmentForm), steps: reading.steps + [.contextual])
        }
        return firstHit(rewritten, date: date) { reading in
            (strict[reading.form.toneKey] ?? []).map { Hit(name: $0, steps: []) }
        }
    }

    /// Tries each reading in turn with `lookup`; the first that finds anything decides.
    private func firstHit(_ readings: [Reading], date: LocalDate, lookup: (Reading) -> [Hit]) -> Outcome? {
        for reading in readings {
            let hits = lookup(reading)
            guard !hits.isEmpty else { continue }
            // Best hit per target: the one with the fewest loosening steps.
            var best: [AgencyTarget: Hit] = [:]
            var order: [AgencyTarget] = []
            for var hit in hits {
                hit.steps = steps(for: hit, reading: reading)
                hit.confidence = Self.confidence(hit.steps)
                let target = names[hit.name].target
                if let current = best[target] {
                    if hit.confidence > current.confidence { best[target] = hit }
                } else {
                    best[target] = hit
                    order.append(target)
                }
            }
            var candidates = order.compactMap { best[$0] }
            if candidates.count > 1 {
                let valid = candidates.filter { isValid(names[$0.name].target, on: date) }
                if !valid.isEmpty { candidates = valid }
            }
            if candidates.count == 1 { return .found(candidates[0], reading) }
            return .ambiguous(candidates.sorted { $0.confidence > $1.confidence })
        }
        return nil
    }

    /// The steps of a hit: the reading's (abbreviations expanded), the name's source, a tone variant when the
    /// spelling differs, and the lookup's own (folded, contextual); in order, without repeats.
    private func steps(for hit: Hit, reading: Reading) -> [MatchStep] {
        let name = names[hit.name]
        var steps = reading.steps
        steps.append(name.source.step)
        if !hit.steps.contains(.diacriticFolded) && Self.differsInToneMarks(reading.form, name.form) {
            steps.append(.toneVariant)
        }
        steps += hit.steps
        var seen: Set<MatchStep> = []
        let unique = steps.filter { seen.insert($0).inserted }
        // `exact` only means something alone.
        return unique.count > 1 ? unique.filter { $0 != .exact } : unique
    }

    private func makeMatch(_ hit: Hit, reading: Reading, context: ResolutionContext) -> AgencyMatch {
        let name = names[hit.name]
        var steps = hit.steps
        var chain: [UUID] = [name.target.id]
        var target = name.target
        var endedOn: LocalDate?
        if case .agency(let id) = name.target {
            chain = successionChain(from: id, today: context.today)
            if chain.count > 1 {
                steps.removeAll { $0 == .exact }
                steps.append(.predecessorToSuccessor)
            }
            target = .agency(chain[chain.count - 1])
            if let last = agency(chain[chain.count - 1]), let validTo = last.validTo,
                context.today.map({ validTo < $0 }) ?? true
            {
                endedOn = validTo
            }
        }
        return AgencyMatch(
            target: target, matched: name.target, chain: chain, how: steps, confidence: Self.confidence(steps),
            matchedName: name.text, endedOn: endedOn)
    }

    func isValid(_ target: AgencyTarget, on date: LocalDate) -> Bool {
        switch target {
        case .agency(let id): agency(id)?.isValid(on: date) ?? false
        case .group: true
        }
    }

    /// Whether a word of `written` is a word of `stored` with its tone mark placed differently (`uỷ`/`ủy`).
    /// Word by word, because a contextual match may have dropped or added words around them.
    static func differsInToneMarks(_ written: AgencyNameForm, _ stored: AgencyNameForm) -> Bool {
        var spelling: [String: String] = [:]
        for (tone, lower) in zip(stored.tone, stored.lower) { spelling[tone] = lower }
        return zip(written.tone, written.lower).contains { tone, lower in
            spelling[tone].map { $0 != lower } ?? false
        }
    }

    static func confidence(_ steps: [MatchStep]) -> Double {
        steps.reduce(1.0) { $0 * $1.weight }
    }

    /// Removes what surrounds a name in a document without being part of it: bullets and list punctuation,
    /// `Đề nghị`/`Kính gửi`, a trailing parenthesis such as `(chủ trì)` or `(b/c)`.
    static func clean(_ written: String) -> String {
        var text = VietnameseText.collapseWhitespace(VietnameseText.nfc(written))
        let edge: Set<Character> = ["-", "–", "—", "+", "•", "*", "·", ":", ";", ",", ".", " ", "\u{2212}"]
        var changed = true
        while changed && !text.isEmpty {
            changed = false
            while let first = text.first, edge.contains(first) {
                text.removeFirst()
                changed = true
            }
            while let last = text.last, edge.contains(last) {
                text.removeLast()
                changed = true
            }
            for lead in ["đề nghị", "kính gửi"] {
                let words = text.split(separator: " ", maxSplits: 2)
                if words.count > 2, VietnameseText.toneKey(words[0] + " " + words[1]) == VietnameseText.toneKey(lead) {
                    text = String(words[2])
                    changed = true
                }
            }
            if text.hasSuffix(")"), let open = text.lastIndex(of: "("), open > text.startIndex {
                let rest = VietnameseText.collapseWhitespace(String(text[..<open]))
                if !rest.isEmpty {
                    text = rest
                    changed = true
                }
            }
        }
        return text
    }

    static let suggestionLimit = 8

    /// The forms a name may take once its place is considered: as written, without its place, and (when the
    /// context names the province) with the province put back, bare and after `tỉnh`, so `Đài Phát thanh -
    /// Truyền hình tỉnh` finds `Đài Phát thanh - Truyền hình Cao Bằng`. A one-word stem gets no province
    /// (`Báo` is not `Báo Cao Bằng`).
    static func placeVariants(of form: AgencyNameForm, province: AgencyNameForm?) -> [AgencyNameForm] {
        var forms = [form]
        let base = form.withoutPlace(province: province, anyCapitalisedProvince: false)
        if let base { forms.append(base) }
        if let province, let stem = Optional(base ?? form), stem.count >= 2 {
            forms.append(stem.appending(province))
            forms.append(stem.appending(AgencyNameForm.tinh).appending(province))
        }
        return forms
    }
}

/// One way of reading the written text (as is, or with abbreviations expanded).
struct Reading {
    var form: AgencyNameForm
    var steps: [MatchStep]
}

struct Hit {
    var name: Int
    var steps: [MatchStep]
    var confidence: Double = 0
}

enum Outcome {
    case found(Hit, Reading)
    case ambiguous([Hit])
}
