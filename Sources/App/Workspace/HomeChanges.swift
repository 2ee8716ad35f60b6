import Fluent
import Foundation
import TTDNKit
import Vapor

/// What changed in an agency's plans since the officer last looked at their home page: the plans' and
/// their tasks' entries in the audit trail (a task added, its text or deadline changed, a new version),
/// newest first. "Last looked" is kept in the session; a new session looks back two weeks.
enum HomeChanges {
    struct Line: Encodable {
        let at: String
        let who: String
        let action: String
        let what: String
        let href: String?
    }

    static let lastKey = "home.last"
    static let sinceKey = "home.since"
    static let limit = 20
    /// Views of the home page less than this far apart are one visit: the changes stay those since the
    /// visit before, rather than vanishing on a reload.
    static let visitGap: TimeInterval = 30 * 60

    static func load(_ refs: [AgencyTasks.Ref], req: Request) async throws -> (lines: [Line], since: String) {
        let session = req.sessionIfReady()
        func date(_ key: String) -> Date? {
            session?.data[key].flatMap(Double.init).map(Date.init(timeIntervalSince1970:))
        }
        let now = req.now
        var since = date(sinceKey) ?? now.addingTimeInterval(-14 * 86400)
        if let last = date(lastKey), now.timeIntervalSince(last) > visitGap {
            // A new visit: what changed since the last one.
            since = last
            session?.data[sinceKey] = String(last.timeIntervalSince1970)
        } else if date(sinceKey) == nil {
            session?.data[sinceKey] = String(since.timeIntervalSince1970)
        }
        session?.data[lastKey] = String(now.timeIntervalSince1970)
        let taskIDs = refs.map(\.taskID.uuidString)
        let planIDs = Set(refs.map(\.planID.uuidString))
        let titles = Dictionary(refs.map { ($0.taskID.uuidString, "\($0.ref) \($0.title)") }) { a, _ in a }
        let plans = Dictionary(refs.map { ($0.planID.uuidString, $0.planTitle) }) { a, _ in a }
        guard !taskIDs.isEmpty || !planIDs.isEmpty else { return ([], Formatting.dateTime(since, req.locale)) }
        let rows = try await AuditEntry.query(on: req.db)
            .filter(\.$at > since)
            .group(.or) { or in
                if !taskIDs.isEmpty {
                    or.group(.and) { $0.filter(\.$entityType == "plan_task").filter(\.$entityID ~~ taskIDs) }
                }
                or.group(.and) { $0.filter(\.$entityType == "plan").filter(\.$entityID ~~ Array(planIDs)) }
            }
            .sort(\.$at, .descending).limit(limit).all()
        let lines = rows.map { row in
            let isTask = row.entityType == "plan_task"
            let id = UUID(uuidString: row.entityID)
            return Line(
                at: Formatting.dateTime(row.at, req.locale), who: row.actorName,
                action: req.t("audit.action.\(row.action)"),
                what: (isTask ? titles[row.entityID] : plans[row.entityID]) ?? row.entityLabel,
                href: id.map { isTask ? SiteURL.task($0).path : SiteURL.plan($0).path })
        }
        return (lines, Formatting.dateTime(since, req.locale))
    }
}
