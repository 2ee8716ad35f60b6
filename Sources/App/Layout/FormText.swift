import TTDNKit

/// How every form reads typed text: NFC, runs of white space folded, blank meaning absent.
enum FormText {
    /// The text, cleaned; nil when nothing but white space was typed.
    static func value(_ text: String?) -> String? {
        let value = VietnameseText.nfc(VietnameseText.collapseWhitespace(text ?? ""))
        return value.isEmpty ? nil : value
    }

    /// Free text that keeps its line breaks (a report's narrative): NFC, CRLF as LF, each line's spaces
    /// collapsed, runs of blank lines as one, trimmed; "" when blank.
    static func prose(_ text: String?) -> String {
        let lines = (text ?? "").replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { VietnameseText.nfc(VietnameseText.collapseWhitespace(String($0))) }
        var out: [String] = []
        for line in lines where !(line.isEmpty && (out.last?.isEmpty ?? true)) { out.append(line) }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n")
    }

    /// One entry per line, cleaned, blank lines and repeats dropped (names, aliases, recipients).
    static func lines(_ text: String?) -> [String] {
        var seen = Set<String>()
        return (text ?? "").split(whereSeparator: \.isNewline).compactMap { value(String($0)) }
            .filter { seen.insert($0).inserted }
    }
}
