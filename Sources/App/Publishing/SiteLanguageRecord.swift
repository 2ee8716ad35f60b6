import Fluent
import Foundation
import TTDNKit

/// A language the site publishes in, as an admin manages it (defaults from `SiteLanguage.defaults`).
/// Vietnamese is the source of every article and cannot be switched off.
final class SiteLanguageRecord: Model, @unchecked Sendable {
    static let schema = "site_languages"

    @ID(key: .id) var id: UUID?
    /// BCP 47 tag: the address prefix (`/zh-Hans/…`) and every `lang` attribute.
    @Field(key: "tag") var tag: String
    /// The name in its own script, for the language switcher.
    @Field(key: "native_name") var nativeName: String
    /// The name in Vietnamese, for the editors' screens.
    @Field(key: "vietnamese_name") var vietnameseName: String
    @Field(key: "position") var position: Int
    /// Whether the public site offers it (articles in a disabled language stay, unseen).
    @Field(key: "enabled") var enabled: Bool
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(_ language: SiteLanguage, position: Int) {
        tag = language.tag
        nativeName = language.nativeName
        vietnameseName = language.vietnameseName
        self.position = position
        enabled = true
        version = 1
    }

    var language: SiteLanguage {
        SiteLanguage(tag: tag, nativeName: nativeName, vietnameseName: vietnameseName)
    }
}
