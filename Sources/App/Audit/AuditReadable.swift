import Fluent
import Foundation
import TTDNKit
import Vapor

/// The audit trail in words: the records an entry names (agencies, people, plans, tasks, reports) by their
/// names instead of their ids, and its fields by the labels the forms use, in the reader's language. Ids
/// stay one click away (`?ids=1`), for the administrator who needs them.
struct AuditReadable {
    /// Record id (upper-case) → what a person calls it.
    private(set) var names: [String: String] = [:]

    /// Loads the names of every id the entries mention: the record, its label, values and field names
    /// (`task:<id>:done`). One query per kind of record, only for the ids on the page.
    static func load(_ entries: [AuditEntry], req: Request) async throws -> AuditReadable {
        var ids = Set<UUID>()
        func collect(_ text: String) {
            for part in text.split(whereSeparator: { $0 == ":" || $0 == "," || $0 == " " || $0 == "|" }) {
                if part.count == 36, let id = UUID(uuidString: String(part)) { ids.insert(id) }
            }
        }
        for entry in entries {
            collect(entry.entityID)
            collect(entry.entityLabel)
            for (field, values) in entry.decodedChanges {
                collect(field)
                for value in values { if let value { collect(value) } }
            }
        }
        var readable = AuditReadable()
        guard !ids.isEmpty else { return readable }
        let list = Array(ids)
        let db = req.db
        for agency in try await Agency.query(on: db).filter(\.$id ~~ list).all() {
            readable.names[agency.id!.uuidString] = agency.officialName
        }
        for group in try await AgencyGroup.query(on: db).filter(\.$id ~~ list).all() {
            readable.names[group.id!.uuidString] = group.name
        }
        for user in try await User.query(on: db).filter(\.$id ~~ list).all() {
            readable.names[user.id!.uuidString] = user.displayName
        }
        for plan in try await Plan.query(on: db).filter(\.$id ~~ list).all() {
            readable.names[plan.id!.uuidString] = plan.title
        }
        for task in try await PlanTask.query(on: db).filter(\.$id ~~ list).all() {
            readable.names[task.id!.uuidString] = "\(task.ref) \(task.title)"
        }
        for regime in try await RegimeRecord.query(on: db).filter(\.$id ~~ list).all() {
            readable.names[regime.id!.uuidString] = "\(regime.name) (\(regime.year))"
        }
        for indicator in try await Indicator.query(on: db).filter(\.$id ~~ list).all() {
            readable.names[indicator.id!.uuidString] = indicator.name
        }
        let obligations = try await Obligation.query(on: db).filter(\.$id ~~ list).all()
        if !obligations.isEmpty {
            let names = try await req.directoryNames()
            for o in obligations {
                let agency = names.name(of: o.$agency.id) ?? ""
                readable.names[o.id!.uuidString] =
                    "\(agency) · \(PeriodText.label(o.periodKey, stored: o.periodLabel, req.locale))"
            }
        }
        return readable
    }

    /// `text` with every id it holds replaced by the record's name, where the name is known.
    func words(_ text: String) -> String {
        guard text.contains("-") else { return text }
        var out = text
        for part in text.split(whereSeparator: { $0 == ":" || $0 == "," || $0 == " " || $0 == "|" })
        where part.count == 36 {
            if let name = names[part.uppercased()] { out = out.replacingOccurrences(of: String(part), with: name) }
        }
        return out
    }

    /// A field's label as the forms name it: `audit.field.<name>` when the locale has one; a report's task
    /// field (`task:<id>:done`) as "II.1 Phát hành … · Kết quả đã thực hiện"; else the name itself.
    func label(_ field: String, req: Request) -> String {
        let parts = field.split(separator: ":").map(String.init)
        if parts.count >= 3, parts[0] == "task" {
            let task = names[parts[1].uppercased()] ?? parts[1]
            let rest = parts[2] == "value" && parts.count >= 4 ? names[parts[3].uppercased()] ?? parts[3] : nil
            return "\(task) · \(rest ?? fieldLabel(parts[2], req: req))"
        }
        return fieldLabel(field, req: req)
    }

    private func fieldLabel(_ name: String, req: Request) -> String {
        let key = "audit.field.\(name)"
        if req.application.translations.has(key, locale: req.locale)
            || req.application.translations.has(key, locale: .default)
        {
            return req.t(key)
        }
        let report = "report.field.\(name)"
        if req.application.translations.has(report, locale: .default) { return req.t(report) }
        return name.replacingOccurrences(of: "_", with: " ")
    }
}
