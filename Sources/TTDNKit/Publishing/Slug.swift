/// The last part of an article's address, made from its title in its own language: Vietnamese loses its
/// diacritics (`Lễ hội Kỳ Lừa` → `le-hoi-ky-lua`), other scripts keep their letters (an address may hold
/// Chinese or Lao; browsers show it as written), everything else becomes a single hyphen.
public enum Slug {
    public static let maxLength = 80

    /// nil when the title has no letter or digit to make one from.
    public static func make(_ title: String) -> String? {
        var slug = ""
        var pendingHyphen = false
        for ch in VietnameseText.fold(title) {
            if ch.isLetter || ch.isNumber {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.append(ch)
            } else {
                pendingHyphen = true
            }
        }
        guard !slug.isEmpty else { return nil }
        guard slug.count > maxLength else { return slug }
        // Cut at a hyphen so that no word is cut in half.
        let cut = slug.prefix(maxLength)
        if let hyphen = cut.lastIndex(of: "-") { return String(cut[..<hyphen]) }
        return String(cut)
    }

    /// `slug` made unique among `taken`: `slug`, then `slug-2`, `slug-3` …
    public static func unique(_ slug: String, among taken: Set<String>) -> String {
        guard taken.contains(slug) else { return slug }
        var n = 2
        while taken.contains("\(slug)-\(n)") { n += 1 }
        return "\(slug)-\(n)"
    }
}
