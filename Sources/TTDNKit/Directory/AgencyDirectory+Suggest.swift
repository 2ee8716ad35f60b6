extension AgencyDirectory {
    /// Ranked candidates for a name that did not resolve: token-set similarity (Dice coefficient) of the
    /// folded words, ignoring `tỉnh` and the context's province, best name per agency, at least `minimumScore`.
    /// Only names sharing a word with the text are scored, so this stays cheap on a large directory.
    func suggest(for readings: [Reading], province: AgencyNameForm?) -> [AgencySuggestion] {
        let ignored = Set(["tinh"] + (province?.folded ?? []))
        var best: [AgencyTarget: (score: Double, name: String)] = [:]
        for reading in readings {
            let words = Set(reading.form.folded).subtracting(ignored)
            guard !words.isEmpty else { continue }
            var candidates: Set<Int> = []
            for word in words { candidates.formUnion(wordIndex[word] ?? []) }
            for i in candidates {
                let name = names[i]
                let other = Set(name.form.folded).subtracting(ignored)
                guard !other.isEmpty else { continue }
                let shared = words.intersection(other).count
                let score = 2.0 * Double(shared) / Double(words.count + other.count)
                if score >= Self.minimumScore, score > (best[name.target]?.score ?? 0) {
                    best[name.target] = (score, name.text)
                }
            }
        }
        return best.map { AgencySuggestion(target: $0.key, name: $0.value.name, score: $0.value.score) }
            .sorted { ($0.score, $1.name) > ($1.score, $0.name) }
            .prefix(Self.suggestionLimit).map { $0 }
    }

    static let minimumScore = 0.34
}
