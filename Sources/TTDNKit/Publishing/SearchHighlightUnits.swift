/// An original text character by character beside its folded form (`SearchKey.fold`), so that terms found
/// in the folded words can be marked on the original characters (`SearchHighlight`).
struct SearchHighlightUnits {
    /// Where a term was found, in characters of the original text.
    struct Match: Equatable {
        var range: Range<Int>
        var term: Int
    }

    let characters: [Character]
    /// Each character folded: empty for a separator (space, punctuation, emoji).
    let folded: [String]
    /// The `SearchScript` group of each folded character; `nil` for spaced scripts and separators.
    let scripts: [SearchScript?]

    var count: Int { characters.count }

    init(_ characters: [Character]) {
        self.characters = characters
        // Most characters of any Latin text are ASCII: a table answers them; the others are folded once each.
        var cache: [Character: String] = [:]
        var folded: [String] = []
        var scripts: [SearchScript?] = []
        folded.reserveCapacity(characters.count)
        scripts.reserveCapacity(characters.count)
        for character in characters {
            if let ascii = character.asciiValue {
                folded.append(Self.asciiFolds[Int(ascii)])
                scripts.append(nil)
                continue
            }
            let key: String
            if let latin = Self.latinFold(character) {
                key = latin
            } else if let known = cache[character] {
                key = known
            } else {
                key = SearchKey.fold(character)
                cache[character] = key
            }
            folded.append(key)
            scripts.append(key.first.flatMap(SearchScript.init))
        }
        self.folded = folded
        self.scripts = scripts
    }

    /// The Latin letters outside ASCII that Vietnamese and the languages of Europe write as one scalar
    /// (Latin-1 Supplement to Latin Extended-B, and Latin Extended Additional, where `ắ` and `ộ` are).
    private static let latinRanges: [ClosedRange<UInt32>] = [0x80...0x24F, 0x1E00...0x1EFF]

    /// `SearchKey.fold` of each scalar of `latinRanges`, computed once for the process.
    private static let latinFolds: [[String]] = latinRanges.map { range in
        range.map { value in Unicode.Scalar(value).map { SearchKey.fold(Character($0)) } ?? "" }
    }

    /// The fold of a one-scalar character of `latinRanges`, from the table; `nil` for any other character.
    private static func latinFold(_ character: Character) -> String? {
        let scalars = character.unicodeScalars
        guard let scalar = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else {
            return nil
        }
        for (index, range) in latinRanges.enumerated() where range.contains(scalar.value) {
            return latinFolds[index][Int(scalar.value - range.lowerBound)]
        }
        return nil
    }

    /// `SearchKey.fold` of each ASCII character (`\r\n`, whose `asciiValue` is a line feed's, folds to nothing
    /// like it).
    private static let asciiFolds: [String] = (0..<128).map { SearchKey.fold(Character(Unicode.Scalar(UInt8($0)))) }

    private func isWord(_ i: Int) -> Bool { !folded[i].isEmpty }

    /// Every occurrence of every term, ordered by position: whole words for the spaced scripts (as the index
    /// tokens them), the characters spelling the term for the others.
    func matches(of terms: [SearchQuery.Term]) -> [Match] {
        guard !terms.isEmpty else { return [] }
        let termScripts = terms.map { $0.text.first.flatMap(SearchScript.init) }
        let termBytes = terms.map { Array($0.text.utf8) }
        // A word can only match a term it begins like: most words are passed over on their first byte.
        var starts = [Bool](repeating: false, count: 256)
        for (t, bytes) in termBytes.enumerated() where termScripts[t] == nil {
            if let first = bytes.first { starts[Int(first)] = true }
        }
        var buffer: [UInt8] = []
        var out: [Match] = []
        var i = 0
        while i < count {
            guard isWord(i) else {
                i += 1
                continue
            }
            var end = i + 1
            while end < count, isWord(end), scripts[end] == scripts[i] { end += 1 }
            if let script = scripts[i] {
                for (t, term) in terms.enumerated() where termScripts[t] == script {
                    out += runMatches(of: term, index: t, in: i..<end)
                }
            } else if let first = folded[i].utf8.first, first < 0x80, !starts[Int(first)] {
                // An ASCII first byte stays first in the token, and no term starts with it.
            } else {
                let token = spacedToken(i..<end, buffer: &buffer)
                for (t, term) in terms.enumerated() where termScripts[t] == nil {
                    if token.elementsEqual(termBytes[t]) || (term.isPrefix && token.starts(with: termBytes[t])) {
                        out.append(Match(range: i..<end, term: t))
                    }
                }
            }
            i = end
        }
        return out.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }

    /// The UTF-8 of the token the index holds for the word at `run` (`SearchKey.truncated` of its folded
    /// characters). A short word starting and ending in ASCII (any Vietnamese word) is its folded characters as
    /// they are, since nothing is cut or sealed off: they are copied into `buffer` without making a string.
    private func spacedToken(_ run: Range<Int>, buffer: inout [UInt8]) -> [UInt8] {
        buffer.removeAll(keepingCapacity: true)
        for i in run { buffer.append(contentsOf: folded[i].utf8) }
        if buffer.count <= SearchKey.maxTokenLength, buffer.first.map({ $0 < 0x80 }) ?? true,
            buffer.last.map({ $0 < 0x80 }) ?? true
        {
            return buffer
        }
        return SearchKey.truncated(folded[run].joined()).map { Array($0.utf8) } ?? []
    }

    /// Occurrences of a term in a run of a script without spaces: a character equal to the term, or two
    /// that spell it (or, for a prefix term, start with it), like the unigrams and bigrams of the index.
    private func runMatches(of term: SearchQuery.Term, index: Int, in run: Range<Int>) -> [Match] {
        let text = term.text.utf8
        var out: [Match] = []
        for i in run {
            let one = folded[i].utf8
            if one.elementsEqual(text) || (term.isPrefix && one.starts(with: text)) {
                out.append(Match(range: i..<(i + 1), term: index))
            } else if i + 1 < run.upperBound {
                let two = (folded[i] + folded[i + 1]).utf8
                if two.elementsEqual(text) || (term.isPrefix && two.starts(with: text)) {
                    out.append(Match(range: i..<(i + 2), term: index))
                }
            }
        }
        return out
    }

    /// Whether a cut at `position` falls between words: next to white space, between two separators (emoji,
    /// punctuation), next to a character of a script without spaces, or at an end of the scanned text (past
    /// it, when `hasMore`, a word may go on).
    private func isBoundary(_ position: Int, hasMore: Bool) -> Bool {
        if position <= 0 { return true }
        if position >= count { return !hasMore || characters[count - 1].isWhitespace }
        let before = position - 1
        return characters[before].isWhitespace || characters[position].isWhitespace
            || (!isWord(before) && !isWord(position)) || scripts[before] != nil || scripts[position] != nil
    }

    /// `window` with its cuts moved to word boundaries within `slack` characters (the start forward, the
    /// end back, so that partial words are left out, but never past a match in `keeping`), then, at a cut
    /// inside `content`, white space trimmed, and punctuation too at the start unless it opens something.
    func adjusted(
        _ window: Range<Int>, in content: Range<Int>, hasMore: Bool, keeping: [Match], slack: Int
    ) -> Range<Int> {
        var start = window.lowerBound
        var end = window.upperBound
        if !isBoundary(start, hasMore: hasMore) {
            let limit = min(start + slack, keeping.map(\.range.lowerBound).min() ?? end, end - 1)
            if limit >= start, let p = (start...limit).first(where: { isBoundary($0, hasMore: hasMore) }) {
                start = p
            } else if let p = stride(from: start - 1, through: max(content.lowerBound, start - slack), by: -1)
                .first(where: { isBoundary($0, hasMore: hasMore) })
            {
                start = p
            }
        }
        if !isBoundary(end, hasMore: hasMore) {
            let limit = max(end - slack, keeping.map(\.range.upperBound).max() ?? start, start + 1)
            if let p = stride(from: end, through: limit, by: -1).first(where: { isBoundary($0, hasMore: hasMore) }) {
                end = p
            } else if let p = (end...max(end, min(content.upperBound, end + slack))).first(where: {
                isBoundary($0, hasMore: hasMore)
            }) {
                end = p
            }
        }
        if start > content.lowerBound {
            while start < end, characters[start].isWhitespace || isClosingPunctuation(characters[start]) {
                start += 1
            }
        }
        if end < content.upperBound || hasMore {
            while end > start, characters[end - 1].isWhitespace { end -= 1 }
        }
        return start..<end
    }

    /// Punctuation that may not open an excerpt: anything but opening brackets and quotes.
    private func isClosingPunctuation(_ character: Character) -> Bool {
        guard character.isPunctuation, let scalar = character.unicodeScalars.first else { return false }
        switch scalar.properties.generalCategory {
        case .openPunctuation, .initialPunctuation: return false
        default: return scalar != "\"" && scalar != "'"
        }
    }
}
