import Foundation

/// Who the implementation part (`Tổ chức thực hiện`) charges, and with what: each numbered item, and each
/// bullet whose emphasised or colon-ended label names a body, with its duties as written (the text after the
/// label, or the whole heading when it is a sentence about its subject, then the paragraphs under it up to
/// the next item or labelled bullet).
enum ResponsibilityParser {
    static func parse(_ paragraphs: [Paragraph], outline: Outline) -> [Responsibility] {
        var out: [Responsibility] = []
        for part in outline.parts where part.kind == .implementation {
            var ref = part.label
            // The entry the paragraphs that follow belong to (none after an item that names nobody), and the
            // numbered item's own entry, which a plain paragraph after a labelled bullet returns to.
            var open: Int?
            var itemEntry: Int?
            var underBullet = false
            for index in (part.start + 1)..<part.end {
                let paragraph = paragraphs[index]
                if paragraph.isClosingFormula { continue }
                if let nodeIndex = outline.nodeAt[index] {
                    ref = outline.nodes[nodeIndex].ref
                    let heading = self.heading(paragraph.body)
                    open = nil
                    underBullet = false
                    if !heading.agencies.isEmpty {
                        out.append(Responsibility(ref: ref, agencies: heading.agencies, duties: heading.duties))
                        open = out.count - 1
                    }
                    itemEntry = open
                    continue
                }
                if let label = bulletLabel(paragraph) {
                    let names = agencies(inLabel: label)
                    if !names.isEmpty {
                        let rest = text(of: paragraph, after: label)
                        out.append(Responsibility(ref: ref, agencies: names, duties: rest.isEmpty ? [] : [rest]))
                        open = out.count - 1
                        underBullet = paragraph.bullet
                        continue
                    }
                }
                // Bullets after a labelled bullet are its own; a new plain sentence is the item's again.
                if underBullet, !paragraph.bullet, paragraph.text.first?.isUppercase == true {
                    open = itemEntry
                    underBullet = false
                }
                if let open { out[open].duties.append(paragraph.textWithoutEndMark) }
            }
        }
        return out
    }

    /// A numbered item's heading: the bodies it names, and what of it is already a duty (the text after a
    /// label's colon, or the whole of a sentence such as `Sở Tài chính tham mưu …`).
    static func heading(_ heading: String) -> (agencies: [String], duties: [String]) {
        let names = agencies(inHeading: heading)
        guard !names.isEmpty else { return ([], []) }
        if let colon = heading.prefix(200).firstIndex(of: ":"),
            heading[..<colon].split(separator: " ").count <= 24
        {
            let rest = String(heading[heading.index(after: colon)...]).trimmingWhitespace()
            return (names, rest.isEmpty ? [] : [rest])
        }
        return (names, isSentence(heading) ? [heading] : [])
    }

    /// Ends like a sentence, or is too long for a list of names.
    static func isSentence(_ text: String) -> Bool {
        text.dropLast().contains(". ") || text.hasSuffix(".") || text.split(separator: " ").count > 20
    }

    /// The paragraph's text after its label (and the label's colon).
    static func text(of paragraph: Paragraph, after label: String) -> String {
        var rest = Substring(paragraph.text)
        let bare = label.hasSuffix(":") ? String(label.dropLast()) : label
        if rest.hasPrefix(bare) { rest = rest.dropFirst(bare.count) }
        rest = rest.drop { $0 == " " || $0 == ":" || $0 == "." }
        return String(rest).trimmingWhitespace()
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
        if !isSentence(heading) { return agencies(inLabel: heading) }
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
