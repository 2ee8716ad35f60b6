import Fluent
import Foundation
import TTDNKit

extension OutputLinks {
    /// What a task's linked work adds up to, for the tasks that have some, or that expect deliveries by their
    /// timeframe (`04 số (01 số/quý)`): a task with neither shows nothing rather than a meaningless "0 of 2".
    /// Work counts from the day it came out; an article that was never published does not count yet.
    static func progress(
        of tasks: [PlanTask], outputs: [UUID: [TaskOutput]], planYear: Int?, today: LocalDate, on db: any Database
    ) async throws -> [UUID: OutputProgress] {
        try await progress(of: tasks, outputs: outputs, planYears: { _ in planYear }, today: today, on: db)
    }

    /// The same for tasks of several plans (`planYears` gives each task's plan year).
    static func progress(
        of tasks: [PlanTask], outputs: [UUID: [TaskOutput]], planYears: (PlanTask) -> Int?, today: LocalDate,
        on db: any Database
    ) async throws -> [UUID: OutputProgress] {
        let ids = tasks.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let links = try await OutputLink.query(on: db).filter(\.$task.$id ~~ ids).all()
        let days = try await outputDays(links, on: db)
        let byTask = Dictionary(grouping: links, by: { $0.$task.id })
        var out: [UUID: OutputProgress] = [:]
        for task in tasks {
            guard let id = task.id else { continue }
            let own = byTask[id] ?? []
            let timeframe = task.timeframe
            let delivers = timeframe?.kind == .recurring && timeframe?.count != nil
            guard !own.isEmpty || delivers else { continue }
            let milestones =
                timeframe.map { Milestones.derive(from: $0, planYear: planYears(task) ?? today.year) } ?? []
            let expected = timeframe?.count ?? (outputs[id] ?? []).compactMap(\.target).first
            out[id] = OutputProgress.measure(
                milestones: milestones, expected: expected,
                produced: own.compactMap { link in days[link.outputKind + ":" + link.outputID.uuidString] },
                today: today)
        }
        return out
    }

    /// The day each linked piece of work came out, in Vietnam, by `kind:id`.
    static func outputDays(_ links: [OutputLink], on db: any Database) async throws -> [String: LocalDate] {
        var out: [String: LocalDate] = [:]
        let articleIDs = Array(Set(links.filter { $0.kind == .article }.map(\.outputID)))
        if !articleIDs.isEmpty {
            let versions = try await ArticleVersion.query(on: db).filter(\.$article.$id ~~ articleIDs)
                .filter(\.$firstPublishedAt != nil).field(\.$article.$id).field(\.$firstPublishedAt).all()
            for version in versions {
                guard let at = version.firstPublishedAt else { continue }
                let key = OutputLink.Kind.article.rawValue + ":" + version.$article.id.uuidString
                let day = LocalDate(at)
                if out[key].map({ day < $0 }) ?? true { out[key] = day }
            }
        }
        return out
    }
}
