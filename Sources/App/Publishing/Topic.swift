import Fluent
import Foundation

/// A subject articles are filed under (biên giới, biển đảo, ASEAN, đầu tư, du lịch, …), admin-managed. Its
/// name is given in Vietnamese and, where someone has written it, in the site's other languages; its slug
/// is the last part of the topic page's address in every language.
final class Topic: Model, @unchecked Sendable {
    static let schema = "topics"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    /// Names in other languages: a JSON object from language tag to name.
    @Field(key: "names") var namesJSON: String
    @Field(key: "position") var position: Int
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(slug: String, name: String, names: [String: String], position: Int) {
        self.slug = slug
        self.name = name
        self.names = names
        self.position = position
        version = 1
    }

    var names: [String: String] {
        get { (try? JSONDecoder().decode([String: String].self, from: Data(namesJSON.utf8))) ?? [:] }
        set {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            namesJSON = (try? encoder.encode(newValue)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        }
    }

    /// The name in `language`, Vietnamese when none was written for it.
    func name(in language: String) -> String { named(in: language).name }

    /// The name in `language`, else in `fallback` (the language of the page's chrome: English on a Chinese
    /// page, so that the menu is not in three languages), else in Vietnamese; with the language it is in, so
    /// that the page marks it with the right `lang`.
    func named(in language: String, or fallback: String? = nil) -> (name: String, lang: String) {
        for tag in [language, fallback].compactMap({ $0 }) where tag != "vi" {
            if let named = names[tag], !named.isEmpty { return (named, tag) }
        }
        return (name, "vi")
    }
}
