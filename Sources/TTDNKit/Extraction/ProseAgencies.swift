import Foundation

/// Lead and supporting agencies named in running text: `Sở Ngoại vụ chủ trì, phối hợp với Sở Thông tin
/// và Truyền thông, Báo Lạng Sơn thực hiện`, `(Công an tỉnh chủ trì)`, `Giao Sở Tư pháp chủ trì`.
enum ProseAgencies {
    struct Found: Equatable {
        var lead: [AgencyListSplitter.Name] = []
        var support: [AgencyListSplitter.Name] = []
    }

    /// How far back from `chủ trì` a subject may start.
    static let maxSubjectWords = 40

    static func find(in text: String) -> Found {
        var found = Found()
        guard ByteSearch.containsAny(text, ["chủ trì", "phối hợp", "Chủ trì", "Phối hợp", "CHỦ TRÌ", "PHỐI HỢP"]) else {
            return found
        }
        let words = Words.split(text)
        var i = 0
        while i < words.count {
            // `(Sở Ngoại vụ chủ trì; phối hợp: Công an tỉnh, …)`: a label inside running text names who follows.
            // Only after a clause or a bracket opened it: `Đơn vị chủ trì: …` at the start of a line is a label,
            // which TaskFields reads.
            if i > 0, i + 2 < words.count, words[i].trail.isEmpty, words[i + 1].trail.utf8.contains(UInt8(ascii: ":")),
                words[i - 1].trail.contains(where: { ";,".contains($0) })
                    || words[i].lead.utf8.contains(UInt8(ascii: "(")),
                (words[i].key == "chủ" && words[i + 1].key == "trì")
                    || (words[i].key == "phối" && words[i + 1].key == "hợp")
            {
                let names = object(text, words, from: i + 2)
                if words[i].key == "chủ" { found.lead += names } else { found.support += names }
                i += 2
                continue
            }
            if words[i].key == "chủ", i + 1 < words.count, words[i + 1].key == "trì", words[i].trail.isEmpty,
                !words[i + 1].trail.utf8.contains(UInt8(ascii: ":"))
            {
                found.lead += subject(text, words, before: i)
                i += 2
                continue
            }
            if words[i].key == "phối", i + 1 < words.count, words[i + 1].key == "hợp", words[i].trail.isEmpty,
                !words[i + 1].trail.utf8.contains(UInt8(ascii: ":"))
            {
                if let start = objectStart(words, after: i + 2) {
                    found.support += object(text, words, from: start)
                } else {
                    // `…; Báo Quảng Trị phối hợp`: the subject supports.
                    found.support += subject(text, words, before: i)
                }
                i += 2
                continue
            }
            i += 1
        }
        return found
    }

    /// `Giao Trung tâm Văn hóa tỉnh thực hiện`, `Do Sở Ngoại vụ thực hiện`, `Sở Ngoại vụ thực hiện.`: who
    /// carries a task out. Only asked when nothing in the task says who leads it, since in `X chủ trì, phối
    /// hợp với Y thực hiện` the names before `thực hiện` are partners.
    static func performers(in text: String) -> [AgencyListSplitter.Name] {
        guard ByteSearch.containsAny(text, ["thực hiện", "Thực hiện"]) else { return [] }
        let words = Words.split(text)
        for i in words.indices where words[i].key == "thực" && i + 1 < words.count && words[i + 1].key == "hiện" {
            guard words[i].trail.isEmpty, let head = subjectHead(words, before: i) else { continue }
            // The object of `phối hợp với` is a partner, not the performer.
            if head > 0, ["với", "cùng"].contains(words[head - 1].key) { continue }
            let names = subject(text, words, before: i)
            if !names.isEmpty { return names }
        }
        return []
    }

    /// The recognised names right before the verb at `verb`, back to the start of the clause.
    static func subject(_ text: String, _ words: [Word], before verb: Int) -> [AgencyListSplitter.Name] {
        guard let head = subjectHead(words, before: verb) else { return [] }
        // Everything from the head to the verb must be names (no predicate in between).
        for k in head..<verb where k > head && AgencyLexicon.predicate(words, at: k) > 0 { return [] }
        return AgencyListSplitter.split(text, words, from: head, to: verb).filter(\.recognised)
    }

    /// Where the subject of the verb at `verb` starts: back to the start of its clause, then forward to the
    /// first head word.
    static func subjectHead(_ words: [Word], before verb: Int) -> Int? {
        guard verb > 0 else { return nil }
        var start = verb
        while start > 0, verb - start < maxSubjectWords {
            let previous = words[start - 1]
            if previous.trail.contains(where: { ";:.(".contains($0) }) { break }
            if AgencyLexicon.leadIns.contains(previous.key) || AgencyLexicon.predicate(words, at: start - 1) > 0 {
                break
            }
            if words[start].lead.utf8.contains(UInt8(ascii: "(")) && start < verb { break }
            start -= 1
            if words[start].lead.utf8.contains(UInt8(ascii: "(")) { break }
        }
        // The subject may follow other words of the clause: take it from its first head word. A name after
        // `của` is a document's issuer or an owner (`Hướng dẫn số 01-HD/BĐNTW của Ban Đối ngoại Trung ương,
        // Sở Ngoại vụ chủ trì`), never the one who acts: the subject starts at the next name after a comma.
        var head = start
        while head < verb {
            if AgencyLexicon.startsName(words, at: head) {
                guard head > 0, words[head - 1].key == "của" else { break }
                var next = head + 1
                while next < verb,
                    !(words[next - 1].trail.contains(Character(",")) && AgencyLexicon.startsName(words, at: next))
                {
                    next += 1
                }
                head = next
                continue
            }
            head += 1
        }
        return head < verb ? head : nil
    }

    /// After `phối hợp`: `với`/`cùng`, possibly after an adverb (`chặt chẽ với`), or a name right away
    /// (`chủ trì phối hợp UBND thị xã Tiên Du tổ chức`).
    static func objectStart(_ words: [Word], after index: Int) -> Int? {
        if index < words.count, words[index - 1].trail.isEmpty, words[index].isCapitalised,
            AgencyLexicon.startsName(words, at: index)
        {
            return index
        }
        var i = index
        while i < words.count, i < index + 3 {
            if words[i].key == "với" || words[i].key == "cùng" { return words[i].trail.isEmpty ? i + 1 : nil }
            if !words[i].trail.isEmpty { return nil }
            i += 1
        }
        return nil
    }

    /// The recognised names from `start` to the next predicate or the end of the clause.
    static func object(_ text: String, _ words: [Word], from start: Int) -> [AgencyListSplitter.Name] {
        guard start < words.count, AgencyLexicon.startsName(words, at: start) else { return [] }
        var end = start
        while end < words.count {
            if end > start,
                AgencyLexicon.predicate(words, at: end) > 0 || words[end].lead.utf8.contains(UInt8(ascii: "("))
            {
                break
            }
            let w = words[end]
            end += 1
            if w.trail.contains(where: { ".:;()".contains($0) }) { break }
        }
        return AgencyListSplitter.split(text, words, from: start, to: end).filter(\.recognised)
    }
}
