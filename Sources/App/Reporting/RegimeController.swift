import Fluent
import Foundation
import TTDNKit
import Vapor

/// Reporting regimes: made from a plan's duties (on import, or here for a plan imported before), then
/// edited by the coordinating office with the periods they give shown beside the form.
enum RegimeController {
    @Sendable static func createFromDuties(req: Request) async throws -> Response {
        let planID = try req.recordID()
        guard let plan = try await Plan.find(planID, on: req.db) else { throw Abort(.notFound) }
        let existing = try await RegimeRecord.query(on: req.db).filter(\.$plan.$id == planID).count()
        if existing == 0 {
            let duties = try await PlanExporter(db: req.db, today: req.today).load(planID)?.document.reporting ?? []
            let list =
                duties.isEmpty ? [ReportingDuty(frequency: .quarterly, beforeDay: nil, month: nil, to: nil)] : duties
            try await req.db.transaction { tx in
                _ = try await ObligationService.createRegimes(
                    for: plan, duties: list, fallbackYear: req.today.year, on: tx, by: req.auditContext)
                try await ObligationService.sync(planID: planID, on: tx, by: req.auditContext)
            }
            req.flash(.success, req.t("regime.created", String(list.count)))
        }
        return req.redirect(to: SiteURL.planReporting(planID).path)
    }

    struct Form: Content {
        var name: String?
        var year: String?
        var frequency: String?
        var window: String?
        /// The rules in the compact syntax (scripts, older pages); the form sends them in parts below.
        var due: String?
        var lock: String?
        var dueKind: String?
        var dueDay: String?
        var dueMonth: String?
        var lockKind: String?
        var lockDays: String?
        var before: String?
        var after: String?
        /// Working days a returned report has to be sent again.
        var resubmit: String?
        var reporters: String?
        var recipient: String?
        /// Where the compiled report goes ("Kính gửi"), one body per line.
        var consolidatedTo: String?
        /// "Xem trước": the periods the form gives, shown without saving.
        var preview: String?
        var version: Int?
        /// With `reporters=chosen`: directory ids.
        var agencies: [String]?
        var groups: [String]?
    }

    struct Page: Encodable {
        struct PeriodRow: Encodable {
            let label: String
            let window: String
            let due: String
            let lock: String
            let notes: String?
        }

        let layout: LayoutContext
        let action: String
        let dashboardHref: String?
        let form: Form
        let dueKinds: [SelectOption]
        let lockKinds: [SelectOption]
        let months: [SelectOption]
        let frequencies: [SelectOption]
        let windows: [SelectOption]
        let reporters: [SelectOption]
        let agencyOptions: [SelectOption]
        let groupOptions: [SelectOption]?
        let errors: [String: String]
        let problems: [String]?
        let periods: [PeriodRow]?
        /// Ad-hoc and special-topic regimes: the requests made, and the form for a new one.
        let requestAction: String?
        /// The periods shown are those of the form as typed, not yet saved.
        var previewing = false
    }

    @Sendable static func edit(req: Request) async throws -> View {
        guard let record = try await RegimeRecord.find(req.recordID(), on: req.db) else { throw Abort(.notFound) }
        let r = record.regime
        let form = Form(
            name: r.name, year: String(record.year), frequency: r.frequency.rawValue, window: r.window.rawValue,
            due: nil, lock: nil, dueKind: r.due.kind.rawValue, dueDay: r.due.number.map(String.init),
            dueMonth: r.due.month.map(String.init), lockKind: r.lock.kind, lockDays: r.lock.days.map(String.init),
            before: r.reminders.daysBefore.map(String.init).joined(separator: ", "),
            after: r.reminders.daysAfter.map(String.init).joined(separator: ", "),
            resubmit: String(r.resubmitWorkingDays), reporters: reportersValue(r.reporters),
            recipient: r.recipients.named, consolidatedTo: r.consolidatedTo.joined(separator: "\n"),
            version: record.version, agencies: chosenIDs(r.reporters).agencies,
            groups: chosenIDs(r.reporters).groups)
        return try await req.view.render("reports/regime", page(req, record, form: form, regime: r, errors: [:]))
    }

    static func chosenIDs(_ r: ReportingRegime.Reporters) -> (agencies: [String], groups: [String]) {
        guard case .chosen(let agencies, let groups) = r else { return ([], []) }
        return (agencies.map(\.uuidString), groups.map(\.uuidString))
    }

    static func reportersValue(_ r: ReportingRegime.Reporters) -> String {
        switch r {
        case .planTaskLeads: "plan-task-leads"
        case .planAgencies: "plan-agencies"
        case .chosen: "chosen"
        }
    }

    static func page(
        _ req: Request, _ record: RegimeRecord, form: Form, regime: ReportingRegime?, errors: [String: String]
    ) async throws -> Page {
        var periods: [Page.PeriodRow] = []
        if let regime, let year = Int(form.year ?? "") {
            let calendar = try await ObligationService.holidayCalendar(on: req.db)
            var list = PeriodEngine.periods(for: regime, year: year, holidays: calendar)
            if !regime.frequency.isPeriodic {
                list = try await ReportRequest.query(on: req.db).filter(\.$regime.$id == record.requireID()).sort(
                    \.$dueOn
                ).all()
                    .compactMap { $0.period(of: regime, holidays: calendar) }
            }
            periods = list.map { p in
                .init(
                    label: PeriodText.label(p.key, stored: p.label, req.locale),
                    window:
                        "\(Formatting.date(p.window.start, req.locale)) – \(Formatting.date(p.window.end, req.locale))",
                    due: p.due.map { Formatting.date($0, req.locale) } ?? "—",
                    lock: p.lock.map { Formatting.date($0, req.locale) } ?? "—",
                    notes: p.notes.isEmpty ? nil : p.notes.map(\.message).joined(separator: "; "))
            }
        }
        let names = try await req.directoryNames()
        let chosenAgencies = Set((form.agencies ?? []).map { $0.uppercased() })
        let chosenGroups = Set((form.groups ?? []).map { $0.uppercased() })
        return Page(
            layout: req.layout(title: req.t("regime.edit.title")), action: SiteURL.regime(try record.requireID()).path,
            dashboardHref: record.$plan.id.map { SiteURL.planReporting($0).path }, form: form,
            dueKinds: DueRule.Kind.allCases.map {
                SelectOption(
                    value: $0.rawValue, label: req.t("regime.due.\($0.rawValue)"), selected: $0.rawValue == form.dueKind
                )
            },
            lockKinds: ["never", "days-after-due"].map {
                SelectOption(value: $0, label: req.t("regime.lock.\($0)"), selected: $0 == form.lockKind)
            },
            months: (1...12).map {
                SelectOption(
                    value: String($0), label: req.t("regime.month", String($0)), selected: String($0) == form.dueMonth)
            },
            frequencies: ReportingFrequency.allCases.map {
                SelectOption(
                    value: $0.rawValue, label: req.t("regime.frequency.\($0.rawValue)"),
                    selected: $0.rawValue == form.frequency)
            },
            windows: DataWindowRule.allCases.map {
                SelectOption(
                    value: $0.rawValue, label: req.t("regime.window.\($0.rawValue)"),
                    selected: $0.rawValue == form.window)
            },
            reporters: ["plan-task-leads", "plan-agencies", "chosen"].map {
                SelectOption(value: $0, label: req.t("regime.reporters.\($0)"), selected: $0 == form.reporters)
            },
            agencyOptions: names.agencies.values.filter { $0.isCurrent(on: req.today) }.sorted {
                $0.sortKey < $1.sortKey
            }.map {
                SelectOption(
                    value: $0.id!.uuidString, label: $0.officialName,
                    selected: chosenAgencies.contains($0.id!.uuidString))
            },
            groupOptions: names.groups.values.sorted { $0.sortKey < $1.sortKey }.map {
                SelectOption(
                    value: $0.id!.uuidString, label: $0.name, selected: chosenGroups.contains($0.id!.uuidString))
            }.nonEmpty,
            errors: errors.mapValues { req.t($0) },
            problems: regime?.problems.map { req.t("regime.problem.\($0.rawValue)") }.nonEmpty,
            periods: periods.nonEmpty,
            requestAction: regime.map { $0.frequency.isPeriodic } == false
                ? SiteURL.regimeRequests(try record.requireID()).path : nil)
    }

    @Sendable static func update(req: Request) async throws -> Response {
        guard let record = try await RegimeRecord.find(req.recordID(), on: req.db) else { throw Abort(.notFound) }
        var form = try req.content.decode(Form.self)
        var errors: [String: String] = [:]
        let name = FormText.value(form.name) ?? ""
        if name.isEmpty || name.count > 300 { errors["name"] = "regime.error.name" }
        let year = Int(form.year ?? "").flatMap { (2000...2100).contains($0) ? $0 : nil }
        if year == nil { errors["year"] = "regime.error.year" }
        let frequency = form.frequency.flatMap(ReportingFrequency.init(rawValue:))
        if frequency == nil { errors["frequency"] = "regime.error.frequency" }
        let window = form.window.flatMap(DataWindowRule.init(rawValue:)) ?? .nd09
        func number(_ text: String?) -> Int? { Int((text ?? "").trimmingCharacters(in: .whitespaces)) }
        // The form's parts when it sent them, else the compact syntax.
        let due =
            form.dueKind.map { kind in
                DueRule.Kind(rawValue: kind).flatMap {
                    DueRule(kind: $0, number: number(form.dueDay), month: number(form.dueMonth))
                }
            } ?? DueRule(syntax: form.due ?? "")
        if due == nil { errors["due"] = "regime.error.due" }
        let lock =
            form.lockKind.map { LockRule(kind: $0, days: number(form.lockDays)) }
            ?? LockRule(syntax: form.lock ?? "never")
        if lock == nil { errors["lock"] = "regime.error.lock" }
        // A form sent in the compact syntax is shown back in words.
        if form.dueKind == nil, let due {
            (form.dueKind, form.dueDay, form.dueMonth) = (
                due.kind.rawValue, due.number.map(String.init), due.month.map(String.init)
            )
        }
        if form.lockKind == nil, let lock { (form.lockKind, form.lockDays) = (lock.kind, lock.days.map(String.init)) }
        func days(_ text: String?) -> [Int]? {
            let parts = (text ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
            let numbers = parts.compactMap { Int($0) }.filter { (0...60).contains($0) }
            return numbers.count == parts.count ? numbers : nil
        }
        let before = days(form.before)
        let after = days(form.after)
        if before == nil || after == nil { errors["reminders"] = "regime.error.reminders" }
        // A form without the field (an older page, a script) keeps the regime's number.
        let resubmit =
            form.resubmit == nil
            ? record.regime.resubmitWorkingDays
            : Int((form.resubmit ?? "").trimmingCharacters(in: .whitespaces)).flatMap {
                (1...60).contains($0) ? $0 : nil
            }
        if resubmit == nil { errors["resubmit"] = "regime.error.resubmit" }
        var regime = record.regime
        if let frequency, let due, let lock, let before, let after, let resubmit {
            regime.resubmitWorkingDays = resubmit
            regime.name = name
            regime.frequency = frequency
            regime.window = window
            regime.due = due
            regime.lock = lock
            regime.reminders = ReminderSchedule(daysBefore: before, daysAfter: after)
            switch form.reporters {
            case "plan-agencies": regime.reporters = .planAgencies
            case "chosen":
                let agencies = (form.agencies ?? []).compactMap(UUID.init(uuidString:))
                let groups = (form.groups ?? []).compactMap(UUID.init(uuidString:))
                if agencies.isEmpty && groups.isEmpty { errors["reporters"] = "regime.error.reporters" }
                regime.reporters = .chosen(agencies: agencies, groups: groups)
            default: regime.reporters = .planTaskLeads
            }
            regime.recipients.named = FormText.value(form.recipient)
            if let lines = form.consolidatedTo {
                regime.consolidatedTo = lines.split(whereSeparator: \.isNewline)
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            if !regime.problems.isEmpty { errors["due"] = "regime.error.problem" }
        }
        let shown = frequency != nil && due != nil && lock != nil ? regime : nil
        /// The form as typed, with the version now stored, so saving again overwrites knowingly.
        func conflict() async throws -> Response {
            var mine = form
            mine.version = try await RegimeRecord.find(record.requireID(), on: req.db)?.version ?? record.version
            errors["form"] = "regime.error.conflict"
            return try await req.view.render(
                "reports/regime", page(req, record, form: mine, regime: shown, errors: errors)
            )
            .encodeResponse(status: .conflict, for: req)
        }
        guard let expected = form.version, expected == record.version else { return try await conflict() }
        guard errors.isEmpty, let year else {
            return try await req.view.render(
                "reports/regime", page(req, record, form: form, regime: shown, errors: errors)
            )
            .encodeResponse(status: .badRequest, for: req)
        }
        if form.preview != nil {
            var page = try await page(req, record, form: form, regime: shown, errors: [:])
            page.previewing = true
            return try await req.view.render("reports/regime", page).encodeResponse(for: req)
        }
        let saved = regime
        do {
            try await req.db.transaction { tx in
                try await record.auditedUpdate(on: tx, by: req.auditContext, expectedVersion: expected) {
                    $0.regime = saved
                    $0.year = year
                }
                try await ObligationService.sync(planID: record.$plan.id, on: tx, by: req.auditContext)
            }
        } catch is VersionConflict {
            return try await conflict()
        }
        req.flash(.success, req.t("regime.saved"))
        return req.redirect(
            to: record.$plan.id.map { SiteURL.planReporting($0).with(["regime": record.id!.uuidString]) }
                ?? SiteURL.regime(record.id!).path)
    }
}
