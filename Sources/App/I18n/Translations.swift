import Foundation
import Vapor

/// Every string of the interface, per language, loaded once from `Resources/Locales/<lang>/*.json`
/// (one flat JSON object of key → text per feature file; files are merged).
struct Translations: Sendable {
    private(set) var table: [AppLocale: [String: String]]

    static func load(from directory: String) throws -> Translations {
        var table: [AppLocale: [String: String]] = [:]
        let fm = FileManager.default
        for locale in AppLocale.allCases {
            let folder = URL(fileURLWithPath: directory).appendingPathComponent(locale.rawValue)
            var merged: [String: String] = [:]
            let files = try fm.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
            for file in files {
                let data = try Data(contentsOf: folder.appendingPathComponent(file))
                let entries = try JSONDecoder().decode([String: String].self, from: data)
                for (key, value) in entries {
                    if merged[key] != nil { throw TranslationsError.duplicateKey(key, locale.rawValue, file) }
                    merged[key] = value
                }
            }
            table[locale] = merged
        }
        return Translations(table: table)
    }

    /// The text for `key`, with `{0}`, `{1}` … replaced by `arguments`. A missing key shows itself
    /// (and a test makes sure no template uses one), so nothing silently disappears from a page.
    func text(_ key: String, locale: AppLocale, arguments: [String] = []) -> String {
        var text = table[locale]?[key] ?? table[.default]?[key] ?? key
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return text
    }

    func has(_ key: String, locale: AppLocale) -> Bool {
        table[locale]?[key] != nil
    }

    func keys(_ locale: AppLocale) -> Set<String> {
        Set(table[locale]?.keys ?? [:].keys)
    }
}

enum TranslationsError: Error, CustomStringConvertible {
    case duplicateKey(String, String, String)
    var description: String {
        switch self {
        case .duplicateKey(let key, let locale, let file): "translation key \(key) defined twice (\(locale)/\(file))"
        }
    }
}

extension Application {
    private struct TranslationsKey: StorageKey { typealias Value = Translations }

    var translations: Translations {
        get { storage[TranslationsKey.self] ?? Translations(table: [:]) }
        set { storage[TranslationsKey.self] = newValue }
    }
}
