/// An agency name reduced to the words that matter for matching, at three strictnesses.
///
/// Punctuation is dropped (`Phát thanh - Truyền hình` = `Phát thanh, Truyền hình`), as are words that
/// documents add or leave out without changing the meaning: `và` (so the hyphenated and the spelled-out
/// forms agree), a leading plural `các`/`những`, `có` in `có liên quan`, `trực` in `trực thuộc`.
struct AgencyNameForm: Hashable, Sendable {
    /// Words as written (NFC), kept for their capitals (a province name after `tỉnh` is capitalised).
    let written: [String]
    /// Lower-cased words: equal only for the same spelling.
    let lower: [String]
    /// `VietnameseText.toneKey` per word: equal across `uỷ`/`ủy` tone-mark placement.
    let tone: [String]
    /// `VietnameseText.fold` per word: no diacritics at all.
    let folded: [String]

    var count: Int { lower.count }
    var lowerKey: String { lower.joined(separator: " ") }
    var toneKey: String { tone.joined(separator: " ") }
    var foldKey: String { folded.joined(separator: " ") }

    init(_ text: String) {
        var words: [String] = []
        var current = ""
        for ch in VietnameseText.nfc(text) {
            if ch.isLetter || ch.isNumber {
                current.append(ch)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        self.init(words: words)
    }

    private init(words raw: [String]) {
        var kept: [String] = []
        var keptLower: [String] = []
        let lowered = raw.map { $0.lowercased() }
        // Compared without diacritics, so that a name typed without accents (`va`, `cac`) drops the same
        // words as the accented one and still matches it once folded.
        let bare = lowered.map(VietnameseText.fold)
        for (index, word) in bare.enumerated() {
            if word == "va" { continue }
            if keptLower.isEmpty && (word == "cac" || word == "nhung") { continue }
            if word == "co" && index + 2 < bare.count && bare[index + 1] == "lien" && bare[index + 2] == "quan" {
                continue
            }
            if word == "truc" && index + 1 < bare.count && bare[index + 1] == "thuoc" { continue }
            kept.append(raw[index])
            keptLower.append(lowered[index])
        }
        self.init(written: kept, lower: keptLower)
    }

    private init(written: [String], lower: [String]) {
        self.written = written
        self.lower = lower
        self.tone = lower.map(VietnameseText.toneKey)
        self.folded = lower.map(VietnameseText.fold)
    }

    /// The first `n` words.
    func prefix(_ n: Int) -> AgencyNameForm {
        AgencyNameForm(written: Array(written.prefix(n)), lower: Array(lower.prefix(n)))
    }

    /// This form with its last word replaced by `words` (used to read a bare `Sở` as the issuing department).
    func replacingLast(with other: AgencyNameForm) -> AgencyNameForm {
        AgencyNameForm(written: Array(written.dropLast()) + other.written, lower: Array(lower.dropLast()) + other.lower)
    }

    /// This form followed by `other`'s words (a name with the context's province put back).
    func appending(_ other: AgencyNameForm) -> AgencyNameForm {
        AgencyNameForm(written: written + other.written, lower: lower + other.lower)
    }

    /// The word `tỉnh`, to put back before a province name.
    static let tinh = AgencyNameForm("tỉnh")

    func hasSuffix(_ other: AgencyNameForm) -> Bool {
        other.count > 0 && count >= other.count && Array(tone.suffix(other.count)) == other.tone
    }

    /// The name without the place it belongs to: a trailing province name (only `province`, when given;
    /// or, when `anyCapitalisedProvince` is set, up to three capitalised words after `tỉnh`), then a bare
    /// trailing `tỉnh`, then `của`/`cấp`/`thuộc`/`trên địa bàn` left hanging. Nil when nothing was removed or
    /// fewer than two words would remain (`Báo Cao Bằng` does not become `Báo`).
    func withoutPlace(province: AgencyNameForm?, anyCapitalisedProvince: Bool) -> AgencyNameForm? {
        var n = count
        if let province, province.count > 0, n > province.count,
            Array(tone[(n - province.count)..<n]) == province.tone
        {
            n -= province.count
        } else if anyCapitalisedProvince, let t = lower[..<n].lastIndex(of: "tỉnh"), t >= 1,
            (1...3).contains(n - 1 - t),
            written[(t + 1)..<n].allSatisfy({ $0.first?.isUppercase == true })
        {
            n = t + 1
        }
        var trimmed = true
        while trimmed && n > 0 {
            trimmed = false
            if lower[n - 1] == "tỉnh" || lower[n - 1] == "của" || lower[n - 1] == "cấp" || lower[n - 1] == "thuộc" {
                n -= 1
                trimmed = true
            } else if n >= 3 && Array(lower[(n - 3)..<n]) == ["trên", "địa", "bàn"] {
                n -= 3
                trimmed = true
            }
        }
        guard n >= 2, n < count else { return nil }
        return prefix(n)
    }

    /// A province name as given in a context (`Lạng Sơn`, `tỉnh Lạng Sơn`), without `tỉnh`.
    static func province(_ name: String) -> AgencyNameForm? {
        var form = AgencyNameForm(name)
        if form.lower.first == "tỉnh" {
            form = AgencyNameForm(written: Array(form.written.dropFirst()), lower: Array(form.lower.dropFirst()))
        }
        return form.count > 0 ? form : nil
    }
}
