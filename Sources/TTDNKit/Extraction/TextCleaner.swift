import Foundation

/// Turns the text a converter produced into `SourceLine`s: strips Markdown emphasis, headings,
/// escapes, HTML tags and `<sup>` footnote marks; drops page numbers and separator lines.
enum TextCleaner {
    /// Lines longer than this are cut: no real plan has them, and every later rule stays linear.
    static let maxLineLength = 20_000

    static func clean(_ text: String) -> DocumentLines {
        var lines: [SourceLine] = []
        var footnotes: [String] = []
        var blank = false
        var number = 0
        // One NFC pass over the whole text: per line it dominated the run time.
        let text = UTF8Text.isCertainlyNFC(text) ? text : VietnameseText.nfc(text)
        for rawLine in splitLines(text) {
            number += 1
            var raw = rawLine
            // A line has no more Characters than bytes: count Characters only for long ones.
            if raw.utf8.count > maxLineLength, raw.count > maxLineLength { raw = raw.prefix(maxLineLength) }
            guard var line = cleanLine(raw, number: number) else {
                blank = true
                continue
            }
            if line.isFootnote {
                footnotes.append(line.source.text)
                continue
            }
            line.source.blankBefore = blank || lines.isEmpty
            blank = false
            lines.append(line.source)
        }
        return DocumentLines(lines: lines, footnotes: footnotes)
    }

    /// Lines split at `\n`, `\r\n` or `\r`, as a split on those Characters gives (a line break is
    /// always a Character of its own), but on bytes instead of grapheme clusters.
    static func splitLines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        while i < utf8.endIndex {
            let byte = utf8[i]
            if byte == 0x0A || byte == 0x0D {
                lines.append(text[start..<i])
                var next = utf8.index(after: i)
                if byte == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                start = next
                i = next
                continue
            }
            i = utf8.index(after: i)
        }
        lines.append(text[start..<utf8.endIndex])
        return lines
    }

    struct Cleaned {
        var source: SourceLine
        var isFootnote: Bool
    }

    static func cleanLine(_ raw: Substring, number: Int) -> Cleaned? {
        var s = String(raw)
        var isFootnote = false
        // Footnote bodies: `<sup>(1)</sup> text` at the start of a line, or Markdown `[^1]: text`.
        let trimmedStart = s.drop { $0 == " " || $0 == "\t" }
        if trimmedStart.hasPrefix("<sup>") || trimmedStart.hasPrefix("[^") { isFootnote = true }
        s = removeMarkup(s)
        var heading = false
        var body = Substring(s).drop { $0.isWhitespace }
        while body.first == "#" {
            heading = true
            body = body.dropFirst()
        }
        body = body.drop { $0.isWhitespace }
        // Bullets: `- `, `+ `, `• `, and Markdown's `* ` (a `*` followed by a space is never emphasis).
        var bullet = false
        if let first = body.first, "-+•–—·*".contains(first) {
            let rest = body.dropFirst()
            let isMarker = first != "*" || rest.first == " "
            if isMarker, !(first == "-" && rest.first == "-") {
                bullet = true
                body = rest.drop { $0.isWhitespace }
            }
        }
        // Emphasis: note what was bold, then drop every `*`.
        var boldLead: String?
        var bold = heading
        if body.hasPrefix("**") || body.hasPrefix("__") {
            let marker = body.prefix(2)
            let inner = body.dropFirst(2)
            if let close = inner.range(of: marker) {
                let lead = inner[inner.startIndex..<close.lowerBound]
                boldLead = tidy(String(lead))
                let after = inner[close.upperBound...]
                if !after.contains(where: { $0.isLetter || $0.isNumber }) { bold = true }
            } else {
                bold = true  // `**KT. GIÁM ĐỐC` whose closing marks are on a later line
            }
        } else if body.hasSuffix("**") {
            bold = true
        }
        var text = tidy(String(body))
        if let lead = boldLead, lead.isEmpty { boldLead = nil }
        guard !text.isEmpty else { return nil }
        if isSeparator(text) || isPageArtefact(text) { return nil }
        text = dropTrailingPageMark(text)
        var line = SourceLine(text: text, number: number)
        line.bullet = bullet
        line.bold = bold
        line.boldLead = boldLead
        return Cleaned(source: line, isFootnote: isFootnote)
    }

    /// `<sup>…</sup>` with its content, other tags, Markdown escapes and `[^1]` references.
    /// HTML elements that converted documents leave in their text. Only these are markup: `<bản thử>` or
    /// `<Tên đơn vị>` is the document's own text (a DOCX writes it escaped, and Word shows it).
    static let htmlTags: Set<Substring> = [
        "a", "b", "big", "blockquote", "br", "code", "del", "div", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6",
        "hr", "i", "img", "ins", "li", "mark", "ol", "p", "pre", "s", "small", "span", "strike", "strong", "sub",
        "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
    ]

    /// `inside` is what stands between `<` and `>`: an element name from `htmlTags` (any case), optionally
    /// closing (`/`), followed by attributes or a self-closing `/`.
    static func isHTMLTag(_ inside: Substring) -> Bool {
        var name = inside.hasPrefix("/") ? inside.dropFirst() : inside
        if let end = name.firstIndex(where: { $0 == " " || $0 == "/" }) { name = name[..<end] }
        return htmlTags.contains(Substring(name.lowercased()))
    }

    static func removeMarkup(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "[") })
        else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var i = s.startIndex
        while i < s.endIndex {
            let ch = s[i]
            if ch == "<" {
                let rest = s[i...]
                if rest.hasPrefix("<sup>"), let close = rest.range(of: "</sup>") {
                    i = close.upperBound
                    continue
                }
                if let close = rest.prefix(40).firstIndex(of: ">"), rest.count > 2 {
                    let inside = rest[rest.index(after: rest.startIndex)..<close]
                    if Self.isHTMLTag(inside),
                        inside.allSatisfy({ $0.isLetter || $0.isNumber || " =\"'/-:;.#".contains($0) })
                    {
                        i = s.index(after: close)
                        out.append(" ")
                        continue
                    }
                }
            } else if ch == "\\" {
                let next = s.index(after: i)
                if next < s.endIndex, s[next].isPunctuation || s[next].isSymbol {
                    out.append(s[next])
                    i = s.index(after: next)
                    continue
                }
            } else if ch == "[" {
                let rest = s[i...]
                if rest.hasPrefix("[^"), let close = rest.prefix(12).firstIndex(of: "]") {
                    var after = s.index(after: close)
                    if after < s.endIndex, s[after] == ":" { after = s.index(after: after) }
                    i = after
                    continue
                }
            }
            out.append(ch)
            i = s.index(after: i)
        }
        return out
    }

    /// Drops emphasis marks, collapses white space, composes to NFC. Works on scalars: every mark it
    /// looks at is one scalar, and Character iteration was the cleaner's main cost.
    static func tidy(_ s: String, compose: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        let scalars = s.unicodeScalars
        var pendingSpace = false
        var previous: Unicode.Scalar = " "
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let ch = scalars[i]
            let nextIndex = scalars.index(after: i)
            defer {
                previous = ch
                i = nextIndex
            }
            if ch == "*" { continue }
            if ch == "_" {
                // `_` as emphasis sits at a word's edge; inside a word (`KH_UBND`) it is text.
                let after: Unicode.Scalar = nextIndex < scalars.endIndex ? scalars[nextIndex] : " "
                if !isWordScalar(previous) || !isWordScalar(after) { continue }
            }
            if Words.isSpace(ch) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20) }
            pendingSpace = false
            out.appendUTF8(ch)
        }
        let result = String(decoding: out, as: UTF8.self)
        return compose ? VietnameseText.nfc(result) : result
    }

    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// `-----`, `___`, `* * *`, `===`: drawn rules, not text.
    static func isSeparator(_ text: String) -> Bool {
        text.allSatisfy { "-_=~*. –—".contains($0) } && text.count >= 1
    }

    /// Page numbers and converter debris on a line of their own: `117`, `- 3 -`, `P2`, `Trang 4`, `3/12`.
    static func isPageArtefact(_ text: String) -> Bool {
        guard text.utf8.count <= 16 else { return false }
        let t = text.trimming("-–— ")
        if !t.isEmpty, t.count <= 4, t.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        if t.count >= 2, t.count <= 4, t.first == "P" || t.first == "p",
            t.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber })
        {
            return true
        }
        if t.hasPrefix("Trang "), t.dropFirst(6).allSatisfy({ $0.isNumber || $0 == "/" || $0 == " " }) { return true }
        let parts = t.split(separator: "/")
        if parts.count == 2,
            parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        {
            return true
        }
        return false
    }

    /// A page mark glued to the end of a sentence by the converter: `… theo yêu cầu. P2`.
    static func dropTrailingPageMark(_ text: String) -> String {
        guard let space = text.lastIndex(of: " ") else { return text }
        let tail = text[text.index(after: space)...]
        let head = text[..<space]
        guard let last = head.last, ".;:!?".contains(last) else { return text }
        let isMark =
            (tail.first == "P" && tail.count >= 2 && tail.count <= 4
                && tail.dropFirst().allSatisfy { $0.isASCII && $0.isNumber })
            || (tail.count <= 3 && tail.allSatisfy { $0.isASCII && $0.isNumber })
        return isMark ? String(head) : text
    }
}
