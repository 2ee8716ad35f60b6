import Fluent
import Foundation
import TTDNKit
import Vapor

/// What the newsroom's screens share: the site's languages and topics, the sensitive terms, and the words
/// for states and channels.
struct NewsroomCatalog {
    let languages: [SiteLanguageRecord]
    let topics: [Topic]
    let terms: SensitiveTerms

    static func load(on db: any Database) async throws -> NewsroomCatalog {
        NewsroomCatalog(
            languages: try await SiteLanguageRecord.query(on: db).sort(\.$position).all(),
            topics: try await Topic.query(on: db).sort(\.$position).all(),
            terms: SensitiveTerms(try await SensitiveTerm.query(on: db).sort(\.$term).all().map(\.term)))
    }

    /// The languages translations are made into (every enabled language but Vietnamese).
    var targets: [SiteLanguageRecord] { languages.filter { $0.enabled && $0.tag != SiteLanguage.source.tag } }

    func language(_ tag: String) -> SiteLanguageRecord? { languages.first { $0.tag == tag } }

    /// The language as an editor reads it: its Vietnamese name on Vietnamese screens, its own name otherwise.
    func languageName(_ tag: String, _ req: Request) -> String {
        guard let language = language(tag) else { return tag }
        return req.locale == .vi ? language.vietnameseName : language.nativeName
    }

    static func channelOptions(_ req: Request, selected: String?) -> [SelectOption] {
        PromotionChannel.allCases.map {
            SelectOption(value: $0.rawValue, label: req.t("channel.\($0.rawValue)"), selected: $0.rawValue == selected)
        }
    }

    func topicOptions(selected: Set<UUID>) -> [SelectOption] {
        topics.compactMap { topic in
            topic.id.map { SelectOption(value: $0.uuidString, label: topic.name, selected: selected.contains($0)) }
        }
    }
}
