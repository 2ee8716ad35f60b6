/// The text of the HTML `ArticleBody` writes, for feeds' summaries and the search index: blocks (paragraphs,
/// headings, list items, quotes, code, table rows, captions) separated by a blank line, white space collapsed
/// within a line, entities decoded. Only for that HTML: tags end at the first `>`, which holds because every
/// attribute value there is escaped.
enum HTMLPlainText {
    static let blocks: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre", "table", "tr", "hr",
        "figure", "figcaption",
    ]

    static func text(of html: String) -> String {
        var paragraphs: [String] = []
        var current = ""
        func endBlock() {
            let lines = decodingEntities(current).split(separator: "\n").map {
                VietnameseText.collapseWhitespace(String($0))
            }
            let block = lines.filter { !$0.isEmpty }.joined(separator: "\n")
            if !block.isEmpty { paragraphs.append(block) }
            current = ""
        }
        let scalars = Array(html.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "<", let close = scalars[index...].firstIndex(of: ">") else {
                current.unicodeScalars.append(scalars[index])
                index += 1
                continue
            }
            let name = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
                .drop { $0 == "/" }.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }.lowercased()
            if blocks.contains(name) {
                endBlock()
            } else if name == "br" {
                current += "\n"
            } else if name == "td" || name == "th" {
                current += " "
            }
            index = close + 1
        }
        endBlock()
        return paragraphs.joined(separator: "\n\n")
    }

    static let named: [String: Character] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "copy": "©", "reg": "®",
        "hellip": "…", "ndash": "–", "mdash": "—", "laquo": "«", "raquo": "»", "lsquo": "‘", "rsquo": "’",
        "ldquo": "“", "rdquo": "”", "middot": "·", "deg": "°",
    ]

    /// Character references decoded: numeric ones and the common named ones; others stay as written.
    static func decodingEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semi = after.prefix(33).firstIndex(of: ";"), let ch = character(for: after[..<semi])
            else {
                out += "&"
                rest = after
                continue
            }
            out.append(ch)
            rest = after[after.index(after: semi)...]
        }
        return out + rest
    }

    static func character(for reference: Substring) -> Character? {
        guard reference.first == "#" else { return named[String(reference)] }
        let digits = reference.dropFirst()
        let value =
            digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        guard let value else { return nil }
        // What a browser shows for NUL, surrogates and numbers beyond Unicode.
        return Character(Unicode.Scalar(value).flatMap { $0.value == 0 ? nil : $0 } ?? "\u{FFFD}")
    }
}
