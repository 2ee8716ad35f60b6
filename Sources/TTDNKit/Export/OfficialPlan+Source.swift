import Foundation

extension OfficialPlan {
    /// All tasks, with refs under the part they print in (`II.3.1.a`), in document order.
    public var tasks: [Task] {
        var out: [Task] = []
        for (index, section) in sections.enumerated() where section.kind == .content {
            for var task in section.tasks {
                task.ref = OutlineLabels.ref(task.ref, inPart: index + 1)
                out.append(task)
            }
        }
        return out
    }

    /// The recipients as printed: `Lưu: VT` is added when the list has no `Lưu:` line (ND 30: the
    /// archive copy is always the last recipient).
    public var printedRecipients: [String] {
        var list = recipients.map(TrailerParser.clean).filter { !$0.isEmpty }
        if !list.contains(where: { VietnameseText.fold($0).hasPrefix("luu") }) { list.append("Lưu: VT") }
        return list
    }

    /// The plan in `ttdn.plan/1` terms as the exported document states it: what reading the export back
    /// should give (refs under the part they print in, the number zero-padded, timeframes as printed).
    public var planDocument: PlanDocument {
        var plan = PlanDocument()
        plan.kind = kind
        let printedNumber = HeaderLines.number(number, symbol: nil).dropFirst("Số: ".count).trimmingCharacters(
            in: .whitespaces)
        plan.number = printedNumber.isEmpty ? nil : printedNumber
        plan.symbol = symbol
        plan.place = place
        plan.date = date?.iso
        plan.title = title
        plan.year = year
        plan.citations = citations
        plan.tasks = tasks.map { task in
            PlanTask(
                ref: task.ref, title: task.title, lead: task.lead, support: task.support,
                timeframe: task.printedTimeframe)
        }
        for (index, section) in sections.enumerated() where section.kind == .implementation {
            let roman = OutlineLabels.roman(index + 1)
            for (k, item) in section.items.enumerated() {
                let ref = "\(roman).\(k + 1)"
                let named = item.paragraphs.compactMap(\.boldLead)
                if named.isEmpty {
                    plan.responsibilities.append(
                        Responsibility(ref: ref, agencies: AgencyListSplitter.names(in: item.heading).map(\.text)))
                } else {
                    for lead in named {
                        plan.responsibilities.append(
                            Responsibility(ref: ref, agencies: AgencyListSplitter.names(in: lead).map(\.text)))
                    }
                }
            }
        }
        plan.reporting = sections.flatMap(\.reporting)
        plan.signer = Signer(
            name: signer.name, position: signer.position.isEmpty ? nil : signer.position.joined(separator: " "),
            authority: signer.authority.isEmpty ? nil : signer.authority.joined(separator: " "))
        plan.recipients = printedRecipients
        return plan
    }
}

extension OfficialPlan.Task {
    /// The timeframe as the `Thời gian thực hiện:` line prints it (see `TimeframeText`); a date range
    /// prints when there is no timeframe, and reads back as whatever its words mean to the reader.
    public var printedTimeframe: Timeframe? {
        if let timeframe { return TimeframeText.printable(timeframe) }
        if let dateRange { return TimeframeParser.parse(dateRange.vietnamese) }
        return nil
    }

    /// The text of the `Thời gian thực hiện:` line, if any.
    public var timeframeLine: String? {
        if let timeframe { return TimeframeText.printable(timeframe).text }
        return dateRange?.vietnamese
    }
}
