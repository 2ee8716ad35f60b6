/// The province's list of sensitive subjects (biên giới, chủ quyền, nhân quyền, tôn giáo, …): a version whose
/// text holds one is flagged, and approving it needs a sign-off with a reason (`EditorialGate`). Matching
/// ignores diacritics, case and punctuation (`bien gioi` and `BIÊN GIỚI,` both hold `Biên giới`) and takes
/// whole words in a row (`an ninh` is not found in `bản ninh`, nor in `an toàn, ninh`).
public struct SensitiveTerms: Sendable, Equatable {
    /// The terms as the province wrote them.
    public let terms: [String]
    private let keys: [(term: String, words: [Substring])]

    /// The defaults a new installation starts with; admins edit the list.
    public static let defaults = [
        "biên giới", "chủ quyền", "lãnh thổ", "biển đảo", "Biển Đông", "nhân quyền", "tôn giáo", "dân tộc",
        "quốc phòng", "an ninh", "quân sự", "đường biên", "cột mốc", "tranh chấp", "người di cư", "xuất cảnh trái phép",
    ]

    public init(_ terms: [String]) {
        var seen = Set<String>()
        var kept: [String] = []
        var keys: [(String, [Substring])] = []
        for term in terms {
            let key = VietnameseText.searchKey(term)
            guard !key.isEmpty, seen.insert(key).inserted else { continue }
            kept.append(term)
            keys.append((term, key.split(separator: " ")))
        }
        self.terms = kept
        self.keys = keys
    }

    public static func == (a: SensitiveTerms, b: SensitiveTerms) -> Bool { a.terms == b.terms }

    /// The terms `text` holds, in the list's order, each once.
    public func found(in text: String) -> [String] {
        let words = VietnameseText.searchKey(text).split(separator: " ")
        guard !words.isEmpty else { return [] }
        return keys.filter { key in
            guard key.words.count <= words.count else { return false }
            for start in 0...(words.count - key.words.count)
            where words[start] == key.words[0] && Array(words[start..<start + key.words.count]) == key.words {
                return true
            }
            return false
        }.map(\.term)
    }
}
