import Foundation

/// The language rules, run on text whatever format it came from.
enum PlanExtractor {
    /// - Parameter joinBrokenLines: join lines a page break split mid-sentence (text and PDF sources;
    ///   a Word paragraph is already whole).
    static func extract(text: String, footnotes: [String] = [], joinBrokenLines: Bool = true) -> (
        PlanDocument, [OutlineNode], [ExtractionWarning]
    ) {
        var lines = TextCleaner.clean(text)
        lines.footnotes += footnotes.map { TextCleaner.tidy($0, compose: true) }
        let layout = DocumentLayout(lines, joinBrokenLines: joinBrokenLines)
        let outline = Outline(layout.body)
        var warnings: [ExtractionWarning] = []
        var plan = PlanDocument()

        plan.kind = layout.kind
        plan.title = layout.title
        if layout.kind == nil { warnings.append(ExtractionWarning(code: .noTitle)) }
        let header = HeaderParser.parse(layout.header.map(\.text))
        plan.number = header.number
        plan.symbol = header.symbol
        plan.place = header.place
        plan.date = header.date
        if header.date == nil, let raw = header.rawDate {
            warnings.append(ExtractionWarning(code: .impossibleDate, args: [raw]))
        }
        plan.year = HeaderParser.year(inTitle: layout.title)

        let own = [header.number, header.symbol].compactMap { $0 }.joined(separator: "/")
        var citationTexts = [layout.title]
        citationTexts += layout.body.map(\.text)
        citationTexts += layout.footnotes
        plan.citations = CitationParser.citations(in: citationTexts, excluding: own.isEmpty ? nil : own)

        if !outline.parts.contains(where: { $0.kind == .content }) {
            warnings.append(ExtractionWarning(code: .noContentPart))
        }
        let builder = TaskBuilder(paragraphs: layout.body, outline: outline)
        plan.tasks = builder.tasks
        warnings += builder.warnings
        if plan.tasks.isEmpty, outline.parts.contains(where: { $0.kind == .content }) {
            warnings.append(ExtractionWarning(code: .noTasks))
        }
        plan.responsibilities = ResponsibilityParser.parse(layout.body, outline: outline)
        plan.purposes = PartText.paragraphs(of: .purpose, layout.body, outline: outline)
        plan.budget = PartText.paragraphs(of: .funding, layout.body, outline: outline)

        let purpose = Set(outline.parts.filter { $0.kind == .purpose }.flatMap { Array($0.start..<$0.end) })
        let reportingTexts = layout.body.enumerated().filter { !purpose.contains($0.offset) }.map(\.element.text)
        plan.reporting = ReportingParser.parse(reportingTexts)

        let trailer = TrailerParser.parse(layout.trailer)
        plan.recipients = trailer.recipients
        plan.signer = trailer.signer
        if trailer.signer.name == nil { warnings.append(ExtractionWarning(code: .noSigner)) }
        return (plan, outline.nodes, warnings)
    }
}
