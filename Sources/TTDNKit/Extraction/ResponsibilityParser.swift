import Foundation

/// Who the implementation part (`Tổ chức thực hiện`) charges: each numbered item, and each bullet whose
/// emphasised or colon-ended label names a body.
enum ResponsibilityParser {
    static func parse(_ paragraphs: [Paragraph], outline: Outline) -> [Responsibility] {
        var out: [Responsibility] = []
        for part in outline.parts where part.kind == .implementation {
            var ref = part.label
            for index in (part.start + 1)..<part.end {
                let paragraph = paragraphs[index]
                if let nodeIndex = outline.nodeAt[index] {
                    ref = outline.nodes[nodeIndex].ref
                    let names = agencies(inHeading: paragraph.body)
                    if !names.isEmpty { out.append(Responsibility(ref: ref, agencies: names)) }
                    continue
                }
                guard let label = bulletLabel(paragraph) else { continue }
                let names = agencies(inLabel: label)
                if !names.isEmpty { out.append(Responsibility(ref: ref, agencies: names)) }
            }
        }
        return out
    }

    /// `- **Văn phòng Sở:** …` or `- Sở Ngoại vụ: …`: the words before the colon.
    static func bulletLabel(_ paragraph: Paragraph) -> String? {
        if let bold = paragraph.boldLead, bold.count < 200 { return bold }
        guard let colon = paragraph.text.prefix(150).firstIndex(of: ":") else { return nil }
        let label = String(paragraph.text[..<colon])
        return label.split(separator: " ").count <= 14 ? label + ":" : nil
    }

    /// A numbered item's heading: a label (`Các Phòng, Trung tâm trực thuộc Sở`, `… chỉ đạo UBND …:`)
    /// names every body in it; a sentence (`Sở Tài chính tham mưu …`) names its subject.
    static func agencies(inHeading heading: String) -> [String] {
        if let colon = heading.prefix(200).firstIndex(of: ":") {
            let label = String(heading[..<colon])
            if label.split(separator: " ").count <= 24 { return agencies(inLabel: label) }
        }
        let words = heading.split(separator: " ")
        let hasSentenceEnd = heading.dropLast().contains(". ") || heading.hasSuffix(".")
        if !hasSentenceEnd && words.count <= 20 { return agencies(inLabel: heading) }
        let subject = AgencyListSplitter.names(in: heading)
        guard subject.first?.recognised == true else { return [] }
        return subject.filter(\.recognised).map(\.text)
    }

    /// Every recognised name in a label, across verbs that join names (`X chỉ đạo Y`).
    static func agencies(inLabel label: String) -> [String] {
        let text = AgencyListSplitter.stripLeadIn(AgencyListSplitter.removeParentheticals(label))
        let words = Words.split(text)
        var out: [String] = []
        var start = 0
        var i = 0
        while i <= words.count {
            // An apposition (`Sở Ngoại vụ - cơ quan thường trực Ban Chỉ đạo`) ends a name like a verb does.
            let predicate =
                i < words.count
                ? max(AgencyLexicon.predicate(words, at: i), AgencyLexicon.opensApposition(words, at: i) ? 1 : 0) : 0
            if i == words.count || (i > start && predicate > 0) {
                if start < i, AgencyLexicon.startsName(words, at: start) {
                    out += AgencyListSplitter.split(text, words, from: start, to: i).filter(\.recognised).map(\.text)
                }
                if i == words.count { break }
                i += predicate
                start = i
                continue
            }
            i += 1
        }
        return out
    }
}
