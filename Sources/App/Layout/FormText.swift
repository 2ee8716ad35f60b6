import TTDNKit

/// How every form reads typed text: NFC, runs of white space folded, blank meaning absent.
enum FormText {
    /// The text, cleaned; nil when nothing but white space was typed.
    static func value(_ text: String?) -> String? {
        let value = VietnameseText.nfc(VietnameseText.collapseWhitespace(text ?? ""))
        return value.isEmpty ? nil : value
    }

    /// One entry per line, cleaned, blank lines and repeats dropped (names, aliases, recipients).
    static func lines(_ text: String?) -> [String] {
        var seen = Set<String>()
        return (text ?? "").split(whereSeparator: \.isNewline).compactMap { value(String($0)) }
            .filter { seen.insert($0).inserted }
    }
}
