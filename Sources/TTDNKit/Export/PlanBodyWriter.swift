import Foundation

/// The body of an exported plan, from the legal bases to the last part, as paragraphs in the ND 30 body
/// style: 14 pt, justified, first-line indent 1.27 cm, 6 pt before, 1.15 lines.
struct BodyWriter {
    let plan: OfficialPlan

    /// Body paragraphs are collected first so the last prose paragraph can end with `./.`.
    private enum Block {
        case prose(OfficialPlan.Paragraph)
        case xml(String)
    }

    private var format: WordML.ParagraphFormat {
        .init(
            alignment: .both, firstLine: PlanDocxWriter.Layout.firstLine,
            before: PlanDocxWriter.Layout.paragraphSpacing,
            line: PlanDocxWriter.Layout.lineSpacing)
    }

    func render() -> String {
        var blocks: [Block] = plan.intro.map { .prose($0) }
        for (index, section) in plan.sections.enumerated() {
            blocks += self.section(section, numeral: OutlineLabels.roman(index + 1))
        }
        blocks += plan.closing.map { .prose($0) }
        // ND 30: the body ends with `./.`. After a task line or heading (no prose to end), it stands alone,
        // so the line's own words (a timeframe, an agency) are not changed.
        if case .prose(var last)? = blocks.last {
            last.text = Self.closed(last.text)
            blocks[blocks.count - 1] = .prose(last)
        } else if !blocks.isEmpty {
            blocks.append(.prose(OfficialPlan.Paragraph("./.")))
        }
        return blocks.map { block in
            switch block {
            case .prose(let p): return paragraph(p)
            case .xml(let x): return x
            }
        }.joined()
    }

    static func closed(_ text: String) -> String {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasSuffix("./.") { return t }
        while let last = t.last, ".;:,".contains(last) { t.removeLast() }
        return t + "./."
    }

    private func paragraph(_ p: OfficialPlan.Paragraph) -> String {
        var runs: [String] = []
        let text = p.text.replacingOccurrences(of: "\n", with: " ")
        if let lead = p.boldLead {
            runs.append(WordML.run("- ", .init(size: 28)))
            runs.append(WordML.run(lead, .init(size: 28, bold: true)))
            if !text.isEmpty { runs.append(WordML.run(" " + text, .init(size: 28, italic: p.italic))) }
        } else {
            runs.append(WordML.run(text, .init(size: 28, italic: p.italic)))
        }
        return WordML.paragraph(runs, format)
    }

    /// A heading: the label and the text in one run, so the label is never split from its title.
    private func heading(_ text: String, bold: Bool, italic: Bool = false) -> Block {
        var f = format
        f.keepNext = true
        let clean = text.replacingOccurrences(of: "\n", with: " ")
        return .xml(WordML.paragraph([WordML.run(clean, .init(size: 28, bold: bold, italic: italic))], f))
    }

    private func section(_ section: OfficialPlan.Section, numeral: String) -> [Block] {
        // ND 30: a part's title is in capitals, bold.
        var blocks: [Block] = [heading("\(numeral). \(section.title.uppercased())", bold: true)]
        blocks += section.paragraphs.map { .prose($0) }
        for (k, item) in section.items.enumerated() {
            blocks.append(heading("\(item.label ?? "\(k + 1).") \(item.heading)", bold: true))
            blocks += item.paragraphs.map { .prose($0) }
            for (j, point) in item.points.enumerated() {
                blocks.append(heading("\(OutlineLabels.letter(j + 1))) \(point.heading)", bold: false))
                blocks += point.paragraphs.map { .prose($0) }
            }
        }
        for task in section.tasks { blocks += self.task(task) }
        // After numbered clauses, the reporting sentences are a clause of their own, as plans write them
        // (`4. Chế độ báo cáo`): run on after the last clause they would read as that body's duties.
        if !section.items.isEmpty && !section.reporting.isEmpty {
            blocks.append(heading("\(section.items.count + 1). Chế độ báo cáo", bold: true))
        }
        blocks += section.reporting.map { .prose(OfficialPlan.Paragraph(ReportingSentences.sentence($0))) }
        blocks += section.trailing.map { .prose($0) }
        return blocks
    }

    /// A task: its label and title, its content, then the lines officials write under it.
    private func task(_ task: OfficialPlan.Task) -> [Block] {
        let label = OutlineLabels.label(forRef: task.ref)
        // Clauses (`1.`, `3.1.`) are bold; points (`a)`) upright (ND 30, Phụ lục I).
        let isPoint = label.hasSuffix(")")
        var blocks: [Block] = [heading("\(label) \(task.title)", bold: !isPoint)]
        blocks += task.content.map { .prose($0) }
        var lines: [String] = []
        if !task.lead.isEmpty { lines.append(Self.line("Đơn vị chủ trì", AgencyListText.join(task.lead))) }
        if !task.support.isEmpty { lines.append(Self.line("Đơn vị phối hợp", AgencyListText.join(task.support))) }
        if let time = task.timeframeLine { lines.append(Self.line("Thời gian thực hiện", time)) }
        if !task.outputs.isEmpty { lines.append(Self.line("Sản phẩm", task.outputs.joined(separator: "; "))) }
        blocks += lines.map { .xml(paragraph(OfficialPlan.Paragraph($0))) }
        return blocks
    }

    /// `- Đơn vị chủ trì: Sở Ngoại vụ.`: one full stop, whatever the value ended with.
    static func line(_ label: String, _ value: String) -> String {
        var v = value.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
        while let last = v.last, ".;,".contains(last) { v.removeLast() }
        return "- \(label): \(v)."
    }
}
