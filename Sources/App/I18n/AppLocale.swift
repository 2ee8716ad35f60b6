import Foundation
import Vapor

/// Interface languages. Vietnamese is the default; English is selectable per user and by `?lang=`.
/// (Content languages of the public site — Chinese, Korean, Lao, minority languages — are a
/// separate list that belongs to articles, not to the interface.)
enum AppLocale: String, CaseIterable, Codable, Sendable {
    case vi, en

    static let `default` = AppLocale.vi

    /// The Foundation locale used to format dates and numbers.
    var foundation: Locale {
        switch self {
        case .vi: Locale(identifier: "vi_VN")
        case .en: Locale(identifier: "en_GB")
        }
    }
}

extension Request {
    private struct LocaleKey: StorageKey { typealias Value = AppLocale }

    /// The interface language of this request, decided by `LocaleMiddleware`.
    var locale: AppLocale {
        get { storage[LocaleKey.self] ?? .default }
        set { storage[LocaleKey.self] = newValue }
    }

    /// The translation of `key` in this request's language.
    func t(_ key: String, _ arguments: String...) -> String {
        application.translations.text(key, locale: locale, arguments: arguments)
    }
}
