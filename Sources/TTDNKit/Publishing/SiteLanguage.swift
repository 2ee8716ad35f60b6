import Foundation

/// A language the foreign-information site publishes in: its BCP 47 tag (the address prefix `/zh-Hans/…`
/// and every `lang` attribute), its name in its own script (the language switcher) and in Vietnamese (the
/// editors' screens). Languages are data an admin manages; these are the defaults a province starts with:
/// Vietnamese and the languages of its partners, and the minority languages of the northern border
/// provinces by their ISO 639-3 tags.
public struct SiteLanguage: Sendable, Equatable, Codable, Hashable {
    public var tag: String
    public var nativeName: String
    public var vietnameseName: String

    public init(tag: String, nativeName: String, vietnameseName: String) {
        self.tag = tag
        self.nativeName = nativeName
        self.vietnameseName = vietnameseName
    }

    /// The source language: every article is written in Vietnamese first.
    public static let source = SiteLanguage(tag: "vi", nativeName: "Tiếng Việt", vietnameseName: "Tiếng Việt")

    public static let defaults: [SiteLanguage] = [
        source,
        SiteLanguage(tag: "en", nativeName: "English", vietnameseName: "Tiếng Anh"),
        SiteLanguage(tag: "zh-Hans", nativeName: "简体中文", vietnameseName: "Tiếng Trung (giản thể)"),
        SiteLanguage(tag: "lo", nativeName: "ພາສາລາວ", vietnameseName: "Tiếng Lào"),
        SiteLanguage(tag: "km", nativeName: "ភាសាខ្មែរ", vietnameseName: "Tiếng Khmer"),
        SiteLanguage(tag: "ko", nativeName: "한국어", vietnameseName: "Tiếng Hàn"),
        SiteLanguage(tag: "ja", nativeName: "日本語", vietnameseName: "Tiếng Nhật"),
        SiteLanguage(tag: "fr", nativeName: "Français", vietnameseName: "Tiếng Pháp"),
        SiteLanguage(tag: "ru", nativeName: "Русский", vietnameseName: "Tiếng Nga"),
        SiteLanguage(tag: "tyz", nativeName: "Tày", vietnameseName: "Tiếng Tày"),
        SiteLanguage(tag: "nut", nativeName: "Nùng", vietnameseName: "Tiếng Nùng"),
        SiteLanguage(tag: "hnj", nativeName: "Hmoob", vietnameseName: "Tiếng H'Mông"),
        SiteLanguage(tag: "ium", nativeName: "Kim Mun", vietnameseName: "Tiếng Dao"),
    ]

    /// Whether `tag` is a well-formed BCP 47 tag of the shapes a site uses: a 2–3 letter language, then
    /// optionally a 4-letter script and a 2-letter or 3-digit region (`vi`, `zh-Hans`, `zh-Hant-TW`, `tyz`).
    /// The address of every page starts with it, so nothing else may pass.
    public static func isValidTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count),
            language.allSatisfy({ $0.isASCII && $0.isLowercase })
        else { return false }
        var rest = parts.dropFirst()
        if let script = rest.first, script.count == 4, script.first?.isUppercase == true,
            script.allSatisfy({ $0.isASCII && $0.isLetter })
        {
            rest = rest.dropFirst()
        }
        if let region = rest.first,
            (region.count == 2 && region.allSatisfy { $0.isASCII && $0.isUppercase })
                || (region.count == 3 && region.allSatisfy { $0.isASCII && $0.isNumber })
        {
            rest = rest.dropFirst()
        }
        return rest.isEmpty
    }

    /// The language of the site that best answers an `Accept-Language` header (`/` sends a visitor there):
    /// the highest-weighted range that one of `languages` matches exactly or by its primary subtag
    /// (`zh-CN` → `zh-Hans`, `en-US` → `en`), else the source language.
    public static func negotiate(_ header: String?, among languages: [SiteLanguage]) -> SiteLanguage {
        guard let header, !languages.isEmpty else { return languages.first ?? source }
        var ranges: [(tag: String, weight: Double, order: Int)] = []
        for (order, item) in header.split(separator: ",").enumerated() {
            let fields = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = fields.first, !tag.isEmpty else { continue }
            var weight = 1.0
            for field in fields.dropFirst() where field.hasPrefix("q=") {
                weight = Double(field.dropFirst(2)) ?? 0
            }
            if weight > 0 { ranges.append((tag.lowercased(), weight, order)) }
        }
        ranges.sort { ($0.weight, -$0.order) > ($1.weight, -$1.order) }
        for range in ranges {
            if let exact = languages.first(where: { $0.tag.lowercased() == range.tag }) { return exact }
            let primary = range.tag.split(separator: "-").first.map(String.init) ?? range.tag
            if let near = languages.first(where: {
                $0.tag.lowercased().split(separator: "-").first.map(String.init) == primary
            }) {
                return near
            }
        }
        return languages.first { $0.tag == source.tag } ?? languages[0]
    }
}
