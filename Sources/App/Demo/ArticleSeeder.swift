import Fluent
import Foundation
import TTDNKit
import Vapor

/// The demo's foreign-information site, from `Resources/Demo/articles.json`: each article written by the
/// demo's editor, translated by its translator, checked and published by its approver on the day it came out,
/// all through `ArticleDesk` like real work. One translation falls behind its source (the source was changed
/// significantly after it), one article waits for review, one was found to hold classified material, one is
/// a draft: a new user sees every state.
struct ArticleSeeder {
    let db: any Database
    let now: Date

    struct Text: Decodable {
        let title: String
        let summary: String
        let body: String
    }

    struct Entry: Decodable {
        let key: String
        let channel: String
        let topics: [String]
        let days_ago: Int
        let state: String
        let vi: Text
        let translations: [String: Text]?
        let revised_vi: Text?
    }

    func fill(from path: String) async throws {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let entries = try JSONDecoder().decode([Entry].self, from: data)
        let users = try await User.query(on: db).with(\.$roleGrants).all()
        func person(_ username: String) throws -> User {
            guard let user = users.first(where: { $0.username == username }) else {
                throw CommandFailure("the demo has no user \(username)")
            }
            return user
        }
        let editor = try person("bientap")
        let translator = try person("bientich")
        let approver = try person("lanhdao")
        let topics = try await Topic.query(on: db).all()
        let terms = SensitiveTerms(try await SensitiveTerm.query(on: db).all().map(\.term))
        // Oldest first, so that the audit trail reads in order.
        for entry in entries.sorted(by: { $0.days_ago > $1.days_ago }) {
            let day = now.addingTimeInterval(-Double(entry.days_ago) * 86_400)
            func desk(_ user: User, at time: Date) -> ArticleDesk {
                ArticleDesk(
                    db: db,
                    audit: AuditContext(
                        actorID: user.id, actorName: user.displayName, address: nil, clock: .fixed(time)),
                    actor: user.actor, userID: user.id, userName: user.displayName)
            }
            let channel = PromotionChannel(rawValue: entry.channel) ?? .websites
            let topicIDs = topics.filter { entry.topics.contains($0.slug) }.compactMap(\.id)
            let source = try await desk(editor, at: day.addingTimeInterval(-3 * 3600)).create(
                channel: channel, topics: topicIDs,
                text: ArticleText(title: entry.vi.title, summary: entry.vi.summary, body: entry.vi.body))
            let sourceID = try source.requireID()
            switch entry.state {
            case "draft":
                continue
            case "in-review":
                try await submit(sourceID, desk: desk(editor, at: day.addingTimeInterval(-2 * 3600)))
                continue
            case "blocked":
                try await submit(sourceID, desk: desk(editor, at: day.addingTimeInterval(-2 * 3600)))
                try await check(
                    sourceID, .classified, desk: desk(approver, at: day.addingTimeInterval(-3600)), terms: terms)
                continue
            default:
                try await publish(
                    sourceID, writer: desk(editor, at: day.addingTimeInterval(-2 * 3600)),
                    approver: desk(approver, at: day), terms: terms)
            }
            guard let article = try await Article.find(source.$article.id, on: db) else { continue }
            for (language, text) in (entry.translations ?? [:]).sorted(by: { $0.key < $1.key }) {
                let later = day.addingTimeInterval(6 * 3600)
                let started = try await desk(translator, at: later).startTranslation(of: article, into: language)
                let id = try started.requireID()
                _ = try await desk(translator, at: later).save(
                    id, expectedVersion: started.version,
                    text: ArticleText(title: text.title, summary: text.summary, body: text.body), slug: nil,
                    significant: false, upToDate: false, note: "")
                try await publish(
                    id, writer: desk(translator, at: later.addingTimeInterval(600)),
                    approver: desk(approver, at: later.addingTimeInterval(3600)), terms: terms)
            }
            if let revised = entry.revised_vi {
                // The source changes a week later, significantly: its translations fall behind.
                let week = day.addingTimeInterval(7 * 86_400)
                guard let current = try await ArticleVersion.find(sourceID, on: db) else { continue }
                _ = try await desk(editor, at: week).save(
                    sourceID, expectedVersion: current.version,
                    text: ArticleText(title: revised.title, summary: revised.summary, body: revised.body), slug: nil,
                    significant: true, upToDate: false, note: "Cập nhật số liệu")
                try await publish(
                    sourceID, writer: desk(editor, at: week.addingTimeInterval(600)),
                    approver: desk(approver, at: week.addingTimeInterval(3600)), terms: terms)
            }
        }
    }

    private func submit(_ id: UUID, desk: ArticleDesk) async throws {
        guard let version = try await ArticleVersion.find(id, on: db) else { return }
        _ = try await desk.move(
            .submit, versionID: id, expectedVersion: version.version, comment: "", publishAt: nil,
            terms: SensitiveTerms([]))
    }

    private func check(_ id: UUID, _ decision: SecurityCheck.Decision, desk: ArticleDesk, terms: SensitiveTerms)
        async throws
    {
        guard let version = try await ArticleVersion.find(id, on: db) else { return }
        let flagged = terms.found(in: ArticleText(version).checkedText)
        try await desk.recordCheck(
            id, expectedVersion: version.version, decision: decision,
            signOff: flagged.isEmpty ? "" : "Tin công khai, đã đối chiếu với thông cáo báo chí của tỉnh.", terms: terms)
    }

    /// Submitted by its writer, checked, approved and published by the approver.
    private func publish(_ id: UUID, writer: ArticleDesk, approver: ArticleDesk, terms: SensitiveTerms) async throws {
        try await submit(id, desk: writer)
        try await check(id, .clear, desk: approver, terms: terms)
        for move in [EditorialMove.approve, .publish] {
            guard let version = try await ArticleVersion.find(id, on: db) else { return }
            _ = try await approver.move(
                move, versionID: id, expectedVersion: version.version, comment: "", publishAt: nil, terms: terms)
        }
    }
}
