import Foundation

/// Splits a run of text that names agencies into one name each.
///
/// A list is split where a new name begins (a head word after `,`, `;` or `và`), never at every comma:
/// `Sở Văn hóa, Thể thao và Du lịch` is one agency, `các sở, ban, ngành` one group mention.
enum AgencyListSplitter {
    struct Name: Equatable {
        var text: String
        /// Starts with a known head word; otherwise the reader warns.
        var recognised: Bool
    }

    /// Names in `text`, which should hold nothing else (a label's value, a heading).
    /// The list stops at the first predicate (`Sở Tài chính tham mưu …`).
    static func names(in text: String, stopAtPredicate: Bool = true) -> [Name] {
        let cleaned = stripLeadIn(removeParentheticals(text))
        let words = Words.split(cleaned)
        guard !words.isEmpty else { return [] }
        var end = words.count
        for i in 0..<words.count {
            if i > 0, stopAtPredicate, AgencyLexicon.predicate(words, at: i) > 0 {
                end = i
                break
            }
            if i > 0, stopAtPredicate, AgencyLexicon.opensApposition(words, at: i) {
                end = i
                break
            }
            if words[i].trail.utf8.contains(UInt8(ascii: ":"))
                || (words[i].trail.utf8.contains(UInt8(ascii: ".")) && !isAbbreviation(words[i]))
            {
                end = i + 1
                break
            }
        }
        return split(cleaned, words, from: 0, to: end)
    }

    /// Splits words `from..<to` into names.
    static func split(_ text: String, _ words: [Word], from: Int, to: Int) -> [Name] {
        var names: [Name] = []
        var start = from
        var i = from + 1
        func flush(_ end: Int) {
            guard start < end else { return }
            let raw = Words.text(text, words, from: start, to: end)
            let name = trimName(raw)
            if !name.isEmpty {
                names.append(Name(text: name, recognised: AgencyLexicon.startsName(words, at: start)))
            }
        }
        while i < to {
            let previous = words[i - 1]
            if previous.trail.utf8.contains(UInt8(ascii: ";")) {
                flush(i)
                start = i
            } else if previous.trail.utf8.contains(UInt8(ascii: ",")), AgencyLexicon.startsName(words, at: i),
                !continuesGroup(words, from: start, at: i)
            {
                flush(i)
                start = i
            } else if ["và", "cùng", "hoặc", "với"].contains(words[i].key), words[i].trail.isEmpty, i + 1 < to,
                AgencyLexicon.headsAfterAnd.contains(words[i + 1].key), AgencyLexicon.startsName(words, at: i + 1),
                words[i + 1].isCapitalised || AgencyLexicon.groupHeads.contains(words[i + 1].key)
            {
                flush(i)
                start = i + 1
                i += 2
                continue
            }
            i += 1
        }
        flush(to)
        return names
    }

    /// `Các Phòng, Trung tâm trực thuộc Sở`: a bare plural head continues with the next kind of body.
    static func continuesGroup(_ words: [Word], from start: Int, at index: Int) -> Bool {
        guard AgencyLexicon.groupHeads.contains(words[start].key) else { return false }
        let nounLength = AgencyLexicon.groupNoun(words, at: start + 1)
        guard nounLength > 0, start + 1 + nounLength == index else { return false }
        return AgencyLexicon.groupNoun(words, at: index) > 0 && !AgencyLexicon.isAcronymHead(words[index])
    }

    static func isAbbreviation(_ word: Word) -> Bool {
        // `TP.` in `TP. Hồ Chí Minh`, `v.v.`
        (word.count <= 3 && word.isAllCaps) || word.core.contains(".")
    }

    /// Drops `(…)` asides (`Văn phòng UBND tỉnh (đối với nội dung …)`) with the space before them.
    static func removeParentheticals(_ text: String) -> String {
        // A byte test: without a `(` byte there is no `(` Character, and the loop would rebuild `text`.
        guard ByteSearch.contains(text, "(") else { return text }
        var out = ""
        var depth = 0
        for ch in text {
            if ch == "(" {
                depth += 1
                while out.last == " " { out.removeLast() }
                continue
            }
            if ch == ")" {
                if depth > 0 { depth -= 1 }
                continue
            }
            if depth == 0 { out.append(ch) }
        }
        return out
    }

    static let leadIns: [String] = ["đề nghị", "giao cho", "giao", "trách nhiệm của", "đối với", "yêu cầu", "với"]

    static func stripLeadIn(_ text: String) -> String {
        var t = Substring(text.trimmingWhitespace())
        let lower = t.lowercased()
        for lead in leadIns where lower.hasPrefix(lead + " ") {
            t = t.dropFirst(lead.count + 1)
            break
        }
        return String(t)
    }

    /// Removes list punctuation and a trailing full stop or colon from a name.
    static func trimName(_ raw: String) -> String {
        var s = raw
        while let last = s.last, ",;:.".contains(last) || last.isWhitespace {
            // Keep an abbreviation's own dot? Names never end in one in practice.
            s.removeLast()
        }
        while let first = s.first, ",;:.-–+•".contains(first) || first.isWhitespace { s.removeFirst() }
        // A bracket the list cut in two: `(Công an tỉnh` … `Tỉnh đoàn)`.
        if s.hasPrefix("("), !s.contains(")") { s.removeFirst() }
        if s.hasSuffix(")"), !s.contains("(") { s.removeLast() }
        while let last = s.last, last.isWhitespace { s.removeLast() }
        while let first = s.first, first.isWhitespace { s.removeFirst() }
        return s
    }
}
