import Foundation

/// Builds the plan's tasks from the numbered items of its content parts.
///
/// Attribute sub-items (`2.4. Thời gian: …`) and labelled bullets (`- Đơn vị chủ trì: …`) fill the
/// nearest task above them; prose (`X chủ trì, phối hợp với Y`) adds lead and supporting agencies. A task's
/// `content` is its text as written: the rest of its heading, then every paragraph and bullet up to the next
/// numbered item, except the lines that only carry its units or time (their values are in the fields).
struct TaskBuilder {
    private(set) var tasks: [PlanTask] = []
    private(set) var warnings: [ExtractionWarning] = []

    private struct Draft {
        var task: PlanTask
        var depth: Int
        var prose: [String] = []
        var hasChildren = false
    }

    init(paragraphs: [Paragraph], outline: Outline) {
        for part in outline.parts where part.kind == .content {
            build(paragraphs, outline, part)
        }
    }

    private mutating func build(_ paragraphs: [Paragraph], _ outline: Outline, _ part: Outline.Part) {
        var drafts: [Draft] = []
        var attribute: (field: TaskFields.Field, depth: Int)?
        for index in (part.start + 1)..<part.end {
            let paragraph = paragraphs[index]
            if let nodeIndex = outline.nodeAt[index] {
                let node = outline.nodes[nodeIndex]
                if let a = attribute, node.depth > a.depth {
                    // A sub-item of an attribute (`a)` under `2.1. Nội dung`) is content, not a task.
                    if !drafts.isEmpty {
                        fill(&drafts[drafts.count - 1], paragraph.body, field: a.field)
                        if a.field == .other { drafts[drafts.count - 1].task.content.append(paragraph.body) }
                    }
                    continue
                }
                attribute = nil
                if let found = TaskFields.attribute(heading: paragraph.body), !drafts.isEmpty {
                    attribute = (found.field, node.depth)
                    if !found.value.isEmpty {
                        fill(&drafts[drafts.count - 1], found.value, field: found.field, labelled: true)
                    }
                    // `2.1. Nội dung: …` is the task's text, with its label; units and time are fields.
                    if found.field == .other { drafts[drafts.count - 1].task.content.append(paragraph.body) }
                    continue
                }
                for k in drafts.indices.reversed() where drafts[k].depth < node.depth {
                    drafts[k].hasChildren = true
                    break
                }
                let (title, rest) = Self.titleAndRest(paragraph.body)
                var draft = Draft(task: PlanTask(ref: node.ref, title: title), depth: node.depth)
                if !rest.isEmpty { draft.task.content.append(rest) }
                draft.prose.append(paragraph.body)
                drafts.append(draft)
                continue
            }
            guard !drafts.isEmpty else { continue }
            let labelled = TaskFields.labels(in: paragraph.text)
            if !labelled.isEmpty {
                for found in labelled {
                    fill(&drafts[drafts.count - 1], found.value, field: found.field, labelled: true)
                }
                // A line of units or time only is in the fields; `Hình thức: …` and the like stay as written.
                if labelled.contains(where: { $0.field == .other }) {
                    drafts[drafts.count - 1].task.content.append(paragraph.text)
                }
            } else if let a = attribute {
                fill(&drafts[drafts.count - 1], paragraph.text, field: a.field)
                if a.field == .other { drafts[drafts.count - 1].task.content.append(paragraph.text) }
            } else {
                drafts[drafts.count - 1].prose.append(paragraph.text)
                if !paragraph.isClosingFormula {
                    drafts[drafts.count - 1].task.content.append(paragraph.textWithoutEndMark)
                }
            }
        }
        for var draft in drafts {
            for text in draft.prose {
                let found = ProseAgencies.find(in: text)
                add(found.lead, to: &draft.task.lead, ref: draft.task.ref)
                add(found.support, to: &draft.task.support, ref: draft.task.ref)
                if draft.task.timeframe == nil {
                    draft.task.timeframe =
                        Self.inlineTimeLabel(text) ?? Self.timeframeInProse(text) ?? Self.quartersInProse(text)
                        ?? Self.ongoingInProse(text)
                }
            }
            if draft.task.lead.isEmpty {
                for text in draft.prose {
                    let performers = ProseAgencies.performers(in: text).filter { !draft.task.support.contains($0.text) }
                    guard !performers.isEmpty else { continue }
                    add(performers, to: &draft.task.lead, ref: draft.task.ref)
                    break
                }
            }
            if draft.task.lead.isEmpty && !draft.hasChildren {
                warnings.append(ExtractionWarning(code: .noLeadAgency, ref: draft.task.ref))
            }
            tasks.append(draft.task)
        }
    }

    /// Puts an attribute's value where it belongs. An unlabelled line under `Đơn vị thực hiện` is a
    /// list of units; under `Nội dung` it is prose that may still name partners.
    private mutating func fill(_ draft: inout Draft, _ value: String, field: TaskFields.Field, labelled: Bool = false) {
        switch field {
        case .time:
            if draft.task.timeframe == nil { draft.task.timeframe = TimeframeParser.parse(value) }
        case .lead, .support:
            let prose = ProseAgencies.find(in: value)
            if !prose.lead.isEmpty || !prose.support.isEmpty {
                add(prose.lead, to: &draft.task.lead, ref: draft.task.ref)
                add(prose.support, to: &draft.task.support, ref: draft.task.ref)
            } else {
                let names = AgencyListSplitter.names(in: value)
                if field == .lead {
                    add(names, to: &draft.task.lead, ref: draft.task.ref, labelled: true)
                } else {
                    add(names, to: &draft.task.support, ref: draft.task.ref, labelled: true)
                }
            }
        case .other:
            draft.prose.append(value)
        }
    }

    /// Precision before recall: in running text only a name that looks like a body (it starts with a kind of
    /// body or is a group form) is an agency; anything else (`XIII của Đảng và 5 năm`) is left out. Under a
    /// unit label (`Đơn vị thực hiện: Nhóm sáng tạo nội dung`) the document says it is one, so it is kept.
    /// Either way an unrecognised name is warned about, so the review asks.
    private mutating func add(
        _ names: [AgencyListSplitter.Name], to list: inout [String], ref: String, labelled: Bool = false
    ) {
        for name in names where !list.contains(name.text) {
            if !name.recognised {
                warnings.append(ExtractionWarning(code: .unrecognisedAgency, ref: ref, args: [name.text]))
                guard labelled else { continue }
            }
            list.append(name.text)
        }
    }

    /// `… thực hiện chuyên mục. Thời gian thực hiện: Quý I, II năm 2025.` inside a paragraph.
    static func inlineTimeLabel(_ text: String) -> Timeframe? {
        guard ByteSearch.containsAny(text, ["hời gian", "hời hạn", "iến độ"]) else { return nil }
        // Capitalised or not: `… thực hiện; thời gian: Quý II, III.`
        for marker in [
            "Thời gian thực hiện:", "Thời gian:", "thời gian thực hiện:", "Thời hạn:", "Tiến độ:", "thời gian:",
            "thời hạn:", "tiến độ:",
        ] {
            guard let r = text.range(of: marker) else { continue }
            var value = text[r.upperBound...]
            if let end = value.firstIndex(where: { $0 == ";" }) ?? value.range(of: ". ")?.lowerBound {
                value = value[..<end]
            }
            // Inside brackets the value ends with them: `(Bộ Chỉ huy … chủ trì; thời gian: Quý III/2025).`
            let before = text[..<r.lowerBound]
            if let open = before.lastIndex(of: "("), !before[open...].contains(")"),
                let close = value.firstIndex(of: ")")
            {
                value = value[..<close]
            }
            return TimeframeParser.parse(String(value))
        }
        return nil
    }

    /// Quarters named in running text without brackets: `… thực hiện trong Quý I và Quý IV năm 2025.`,
    /// `… vào quý III/2025;`. From `trong`/`vào` to the end of the clause.
    static func quartersInProse(_ text: String) -> Timeframe? {
        guard ByteSearch.containsAny(text, ["trong Quý", "trong quý", "vào Quý", "vào quý"]) else { return nil }
        for marker in ["trong Quý ", "trong quý ", "vào Quý ", "vào quý "] {
            guard let r = text.range(of: marker) else { continue }
            let numeral = text[r.upperBound...].prefix { !" ,;./".contains($0) }
            guard ["I", "II", "III", "IV", "1", "2", "3", "4"].contains(String(numeral)) else { continue }
            var value = text[r.lowerBound...]
            if let end = value.firstIndex(of: ";") ?? value.range(of: ". ")?.lowerBound {
                value = value[..<end]
            }
            let clause = String(value).trimming(". ")
            if let timeframe = TimeframeParser.parse(clause), timeframe.kind == .quarters { return timeframe }
        }
        return nil
    }

    /// `…: thực hiện thường xuyên, theo đề nghị của Bộ Ngoại giao.`: ongoing, said in running text.
    static func ongoingInProse(_ text: String) -> Timeframe? {
        guard ByteSearch.contains(text, "hực hiện thường xuyên"),
            let r = text.range(of: "thực hiện thường xuyên") ?? text.range(of: "Thực hiện thường xuyên")
        else {
            return nil
        }
        return Timeframe(text: String(text[r]), kind: .ongoing)
    }

    /// A timeframe written in brackets in running text: `(thực hiện trong quý II/2023)`.
    static func timeframeInProse(_ text: String) -> Timeframe? {
        guard ByteSearch.contains(text, "(") else { return nil }
        var depth = 0
        var current = ""
        for ch in text {
            if ch == "(" {
                depth += 1
                current = ""
            } else if ch == ")" {
                if depth == 1 {
                    let f = FastFold.fold(current)
                    let hinted =
                        f.range(of: #"qu[yý] (i|ii|iii|iv|[1-4])\b"#, options: .regularExpression) != nil
                        || f.contains("thuong xuyen") || f.range(of: #"thang \d"#, options: .regularExpression) != nil
                    if hinted, let t = TimeframeParser.parse(current) { return t }
                }
                depth = max(0, depth - 1)
            } else if depth > 0, current.count < 200 {
                current.append(ch)
            }
        }
        return nil
    }

    /// The heading up to the end of its first sentence, without a closing mark.
    static func title(_ body: String) -> String { titleAndRest(body).title }

    /// The title, and the rest of the heading after its first sentence (the start of the task's content).
    static func titleAndRest(_ body: String) -> (title: String, rest: String) {
        let chars = Array(body)
        var end = chars.count
        var i = 0
        while i < chars.count {
            if chars[i] == ".", i + 1 < chars.count, chars[i + 1] == " ", i + 2 < chars.count, chars[i + 2].isUppercase,
                !(i > 0 && chars[i - 1] == "."), !isAbbreviation(chars, before: i)
            {
                end = i
                break
            }
            i += 1
        }
        var title = String(chars[0..<end]).trimmingWhitespace()
        while let last = title.last, ":;,".contains(last) || (last == "." && !title.hasSuffix("..")) {
            title.removeLast()
        }
        let rest = end < chars.count ? String(chars[(end + 1)...]).trimmingWhitespace() : ""
        return (title, rest)
    }

    /// `TP.` or `TW.` before a full stop is an abbreviation, not the end of a sentence.
    static func isAbbreviation(_ chars: [Character], before index: Int) -> Bool {
        var start = index
        while start > 0, chars[start - 1].isLetter { start -= 1 }
        let word = chars[start..<index]
        return word.count <= 3 && word.allSatisfy { $0.isUppercase }
    }
}
