import Fluent
import Foundation
import SQLKit
import TTDNKit

/// Fills a `ConsolidatedReport` for one regime and period from the database: every accepted submission's
/// entries under the plan's tasks (the lead agencies first), indicators summed year to date against the
/// tasks' targets, the agencies late or missing, and the coordinator's saved edits.
///
/// Who owed what and how it stands comes from the regime's `ReportingGrid`; the accepted reports' contents
/// are decoded once per regime. Both, the directory and the plan's tasks come from the app's `caches` while
/// nothing changed: a year of monthly reports is hundreds of contents to decode.
struct ConsolidatedBuilder {
    let db: any Database
    let caches: MemoryCaches

    struct Built {
        let report: ConsolidatedReport
        let regime: RegimeRecord
        let plan: Plan?
        let periodLabel: String
        let draft: ConsolidatedDraft?
        /// Accepted / expected for the period.
        let accepted: Int
        let expected: Int
    }

    func build(regime: RegimeRecord, periodKey: String, today: LocalDate) async throws -> Built? {
        let regimeID = try regime.requireID()
        // Standings are by the day; noon of `today` is that day whatever the time zone's edge.
        let now = today.startOfDay().addingTimeInterval(12 * 3600)
        let grid = try await caches.reportingGrid(regimeID, now: now, on: db)
        let acceptedReports = try await caches.acceptedReports(regimeID, on: db)
        let names = try await caches.directoryNames(on: db, today: today)
        guard let column = grid.periods.firstIndex(where: { $0.key == periodKey }) else { return nil }
        let period = grid.periods[column]
        let plan = try await regime.$plan.get(on: db)
        var tree: PlanTaskTree?
        if let planID = plan?.id { tree = try await caches.planTree(planID, on: db) }
        let draft = try await ConsolidatedDraft.query(on: db).filter(\.$regime.$id == regimeID).filter(
            \.$periodKey == periodKey
        ).first()

        var title = "Kết quả thực hiện"
        if let plan {
            let named = Self.lowerFirst(plan.title)
            title = named.hasPrefix("thực hiện") ? "Kết quả \(named)" : "\(title) \(named)"
        }
        title += ", \(Self.lowerFirst(period.label))"
        // The office that compiles is the one the agencies report to (the regime's recipient); it issues the
        // report. It does not owe a report to itself, and it never addresses the report to itself.
        let compiler = Self.compiler(of: regime.regime, names: names)
        let planIssuer = plan?.$issuingAgency.id.map { names.current($0) }
        let issuer = (compiler ?? planIssuer).flatMap { names.agencies[$0] }
        var report = ConsolidatedReport(issuingBody: issuer?.officialName ?? "", title: title)
        report.parentBody = issuer?.$parent.id.flatMap { names.agencies[$0]?.officialName }
        report.place = plan?.place
        report.date = DocumentDate(today)
        report.number = draft?.number
        report.symbol = plan?.symbol.map(Self.reportSymbol)
        report.addressees =
            draft?.addressees ?? Self.addressees(regime.regime, compiler: issuer, planIssuer: planIssuer, names: names)
        report.recipients = report.addressees + ["Lưu: VT"]
        if let plan {
            report.signer = OfficialPlan.Signature(
                authority: plan.signerAuthority.isEmpty ? [] : [plan.signerAuthority],
                position: plan.signerPosition.isEmpty ? [] : [plan.signerPosition],
                name: plan.signerName.isEmpty ? nil : plan.signerName)
        }

        // Late and missing for this period; accepted submissions are what gets compiled.
        var accepted: [(agency: UUID, content: ReportContent)] = []
        var expected = 0
        let order = grid.agencies.indices.sorted {
            (names.agencies[grid.agencies[$0]]?.sortKey ?? "") < (names.agencies[grid.agencies[$1]]?.sortKey ?? "")
        }
        for a in order {
            guard let cell = grid.cells[a][column] else { continue }
            expected += 1
            let agencyID = grid.agencies[a]
            let name = names.name(of: agencyID) ?? "—"
            let owes = compiler.map { names.current(agencyID) != $0 } ?? true
            if owes, cell.standing.onTime == false { report.late.append(name) }
            if let content = acceptedReports[cell.obligationID] {
                accepted.append((agencyID, content))
            } else if owes {
                report.missing.append(name)
            }
        }

        // Year to date: accepted reports of this and earlier periods, per agency in period order.
        var yearToDate: [UUID: [(String, ReportContent)]] = [:]
        for (a, agencyID) in grid.agencies.enumerated() {
            for (p, earlier) in grid.periods.enumerated() where earlier.key <= periodKey {
                guard let cell = grid.cells[a][p], let content = acceptedReports[cell.obligationID] else { continue }
                yearToDate[agencyID, default: []].append((earlier.key, content))
            }
        }
        let edits = Self.decodeEdits(draft?.edits)
        if let tree {
            let taskIDs = tree.nodes.compactMap { $0.task.id }
            let links =
                taskIDs.isEmpty
                ? [] : try await TaskIndicator.query(on: db).filter(\.$task.$id ~~ taskIDs).with(\.$indicator).all()
            let linksByTask = Dictionary(grouping: links, by: { $0.$task.id })
            let parents = Set(tree.nodes.compactMap { $0.task.$parent.id })
            for node in tree.nodes {
                let task = node.task
                let key = task.id!.uuidString
                let named = tree.agencies[task.id!] ?? []
                var contributions: [ConsolidatedReport.Contribution] = []
                for (agency, content) in accepted {
                    guard let entry = content.tasks[key] else { continue }
                    let lead = named.contains { n in
                        names.names(n, standFor: agency) && n.role == TaskAgency.Role.lead.rawValue
                    }
                    contributions.append(
                        .init(
                            agency: names.name(of: agency) ?? "—", role: lead ? .lead : .support, done: entry.done,
                            progress: entry.progress,
                            completed: entry.status == PlanTask.Status.completed.rawValue,
                            difficulties: entry.difficulties, proposals: entry.proposals))
                }
                let indicators = (linksByTask[task.id!] ?? []).sorted { $0.indicator.position < $1.indicator.position }
                    .map { link in
                        let perAgency = yearToDate.values.map { periods in
                            periods.compactMap {
                                $0.1.tasks[key]?.values[link.$indicator.id.uuidString]
                            }
                        }.filter { !$0.isEmpty }
                        return ConsolidatedReport.IndicatorResult(
                            name: link.indicator.name, unit: link.indicator.unit,
                            value: link.indicator.rule.total(perAgency), target: link.target)
                    }
                report.tasks.append(
                    .init(
                        id: task.id!, ref: task.ref, title: task.title, contributions: contributions,
                        indicators: indicators, edited: edits["task:\(key)"]))
                if !parents.contains(task.id!) {
                    let leadDone = contributions.contains { $0.role == .lead && $0.completed }
                    if !leadDone && task.taskStatus != PlanTask.Status.completed
                        && task.taskStatus != PlanTask.Status.cancelled
                    {
                        let leads = named.filter { $0.role == TaskAgency.Role.lead.rawValue }.map { n in
                            n.$agency.id.flatMap { names.name(of: names.current($0)) } ?? n.wording
                        }
                        report.openTasks.append(
                            "\(task.title)\(leads.isEmpty ? "" : " (\(leads.joined(separator: ", ")))")")
                    }
                }
            }
        }
        for part in ConsolidatedReport.Part.allCases { report.edits[part] = edits[part.rawValue] }
        return Built(
            report: report, regime: regime, plan: plan, periodLabel: period.label, draft: draft,
            accepted: accepted.count, expected: expected)
    }

    private struct AcceptedRow: Decodable {
        let obligation_id: UUID
        let content: String
    }

    /// Every accepted report of the regime, decoded, by obligation.
    static func acceptedReports(_ regimeID: UUID, on db: any Database) async throws -> [UUID: ReportContent] {
        guard let sql = db as? any SQLDatabase else { return [:] }
        let rows = try await sql.select()
            .columns(SQLColumn("obligation_id", table: "s"), SQLColumn("content", table: "s"))
            .from(SQLAlias(SQLIdentifier(Submission.schema), as: SQLIdentifier("s")))
            .join(
                SQLAlias(SQLIdentifier(Obligation.schema), as: SQLIdentifier("o")),
                on: SQLColumn("obligation_id", table: "s"), .equal, SQLColumn("id", table: "o")
            )
            .where(SQLColumn("regime_id", table: "o"), .equal, SQLBind(regimeID))
            .where(SQLColumn("state", table: "s"), .equal, SQLBind(Submission.State.accepted.rawValue))
            .all(decoding: AcceptedRow.self)
        let decoder = JSONDecoder()
        var contents: [UUID: ReportContent] = [:]
        for row in rows {
            contents[row.obligation_id] =
                (try? decoder.decode(ReportContent.self, from: Data(row.content.utf8))) ?? ReportContent()
        }
        return contents
    }

    /// The agency the regime's reports go to, at its current name: the one chosen, else the one its
    /// recipient's wording names in the directory.
    static func compiler(of regime: ReportingRegime, names: PlanAgencyNames) -> UUID? {
        if let chosen = regime.recipients.agencies.first { return names.current(chosen) }
        guard let wording = regime.recipients.named else { return nil }
        let key = VietnameseText.searchKey(wording)
        return names.agencies.values.first { VietnameseText.searchKey($0.officialName) == key }?.id
            .map { names.current($0) }
    }

    /// "Kính gửi": the regime's own list when the office set one, else the plan's issuing body (the body
    /// that asked for the results), else the compiler's parent body; never the compiler itself.
    static func addressees(_ regime: ReportingRegime, compiler: Agency?, planIssuer: UUID?, names: PlanAgencyNames)
        -> [String]
    {
        let own = compiler.map { VietnameseText.searchKey($0.officialName) }
        let set = regime.consolidatedTo.map { currentName(of: $0, names: names) }
            .filter { VietnameseText.searchKey($0) != own }
        if !set.isEmpty { return set }
        if let planIssuer, planIssuer != compiler?.id, let name = names.name(of: planIssuer) { return [name] }
        if let parent = compiler?.$parent.id.flatMap({ names.name(of: names.current($0)) }) { return [parent] }
        return ["Ủy ban nhân dân tỉnh"]
    }

    /// A recipient as the plan wrote it, under its current name when the directory knows it.
    static func currentName(of wording: String, names: PlanAgencyNames) -> String {
        let key = VietnameseText.searchKey(wording)
        guard let agency = names.agencies.values.first(where: { VietnameseText.searchKey($0.officialName) == key }),
            let id = agency.id
        else {
            return wording
        }
        return names.name(of: names.current(id)) ?? wording
    }

    static func decodeEdits(_ json: String?) -> [String: String] {
        guard let json else { return [:] }
        return (try? JSONDecoder().decode([String: String].self, from: Data(json.utf8))) ?? [:]
    }

    /// `KH-UBND` → `BC-UBND`: a report carries the issuer's part of the plan's symbol.
    static func reportSymbol(_ symbol: String) -> String {
        guard let dash = symbol.firstIndex(of: "-") else { return "BC" }
        return "BC" + symbol[dash...]
    }

    static func lowerFirst(_ text: String) -> String {
        // "Kế hoạch …" reads "kế hoạch …" inside the summary line; an acronym (UBND) stays.
        guard let first = text.first, let second = text.dropFirst().first, second.isLowercase || second == " " else {
            return text
        }
        return first.lowercased() + text.dropFirst()
    }
}
