import Ink

/// The Ink modifiers `ArticleBody` renders with. Ink hands each one the HTML it wrote for a fragment and the
/// fragment's Markdown; where Ink's HTML cannot be trusted (a link's or image's target, an image's
/// alternative text, a code block's language are all written as typed) the modifier rebuilds it and returns
/// a token (`BodyPieces`) instead.
struct BodyModifiers {
    let pieces: BodyPieces
    /// `MarkdownLinkSource.definitions` of the body.
    let definitions: [String: [String]]

    var all: [Modifier] {
        let inline: [Modifier.Target] = [.paragraphs, .lists, .blockquotes, .tables]
        return [
            Modifier(target: .links, closure: link),
            Modifier(target: .images, closure: image),
            Modifier(target: .codeBlocks, closure: codeBlock),
            Modifier(target: .headings, closure: heading),
            Modifier(target: .html, closure: rawHTML),
        ]
            + inline.map { target in
                Modifier(target: target) { [pieces] input in
                    pieces.markInline(in: input.html)
                    return input.html
                }
            }
    }

    /// Ink writes `<a href="TARGET">TEXT</a>`; the text is kept, the target read from the source and checked.
    func link(_ input: Modifier.Input) -> String {
        guard let (written, text) = inner(of: input, opening: { "<a href=\"\($0)\">" }, closing: "</a>") else {
            return pieces.token(.markup(XMLText.text(pieces.restoring(input.markdown))))
        }
        let (raw, title) = MarkdownLinkSource.targetAndTitle(pieces.restoring(written))
        guard let target = LinkTarget.allowed(raw) else {
            return pieces.token(.problem(.linkRefused)) + text
        }
        var open = "<a href=\"\(XMLText.attribute(target))\""
        if let title, !title.isEmpty { open += " title=\"\(XMLText.attribute(title))\"" }
        // Another site may not reach back into this page through `window.opener`.
        let scheme = target.prefix { $0 != ":" }.lowercased()
        if scheme == "http" || scheme == "https" { open += " rel=\"noopener\"" }
        return pieces.token(.markup(open + ">")) + text + pieces.token(.markup("</a>"))
    }

    /// Ink writes `<img src="TARGET" alt="TEXT"/>` (no `alt` when the text is empty), the text unescaped.
    func image(_ input: Modifier.Input) -> String {
        let found =
            inner(of: input, opening: { "<img src=\"\($0)\" alt=\"" }, closing: "\"/>")
            ?? inner(of: input, opening: { "<img src=\"\($0)\"" }, closing: "/>").flatMap {
                $0.inner.isEmpty ? $0 : nil
            }
        guard let (written, altHTML) = found else {
            return pieces.token(.markup(XMLText.text(pieces.restoring(input.markdown))))
        }
        let (raw, title) = MarkdownLinkSource.targetAndTitle(pieces.restoring(written))
        var output = BodyOutput(pieces: pieces, recording: false)
        let alt = HTMLPlainText.text(of: output.write(altHTML) { _ in nil })
        let image = BodyImage(
            target: LinkTarget.allowed(raw), alt: VietnameseText.collapseWhitespace(alt), title: title)
        return pieces.token(.image(image))
    }

    /// Ink writes `<pre><code class="language-LANGUAGE">` with the language as typed; the code itself is
    /// escaped. The language is kept only in the characters a class name needs.
    func codeBlock(_ input: Modifier.Input) -> String {
        let firstLine = input.markdown.drop { $0 == "`" }.drop { MarkdownLinkSource.isSpace($0) }
            .prefix { !$0.isNewline }
        var language = Substring(firstLine)
        while language.last?.isWhitespace == true { language = language.dropLast() }
        let opening = language.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(language)\">"
        guard let code = Self.between(input.html, opening, "</code></pre>") else {
            return pieces.token(.markup(XMLText.text(pieces.restoring(input.markdown))))
        }
        let name = String(String.UnicodeScalarView(language.unicodeScalars.filter(Self.isClassName).prefix(32)))
        let open = name.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(name)\">"
        return pieces.token(.markup(open)) + code + pieces.token(.markup("</code></pre>"))
    }

    /// What a language's class name keeps: ASCII letters and digits, `+`, `-`, `_`, `.` and `#` (`c++`, `c#`).
    static func isClassName(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "+-_.#".unicodeScalars.contains(scalar))
    }

    /// The page's title is its `<h1>`: a body's headings start at `<h2>`.
    func heading(_ input: Modifier.Input) -> String {
        pieces.markInline(in: input.html)
        for level in 1...6 {
            if let text = Self.between(input.html, "<h\(level)>", "</h\(level)>") {
                let moved = min(level + 1, 6)
                return "<h\(moved)>\(text)</h\(moved)>"
            }
        }
        return pieces.token(.markup(XMLText.text(pieces.restoring(input.markdown))))
    }

    /// Raw HTML is shown as text. (`InkInput` hides every `<`, so Ink finds none; this is the second lock.)
    func rawHTML(_ input: Modifier.Input) -> String {
        pieces.token(.markup(XMLText.text(pieces.restoring(input.markdown))))
    }

    /// The target Ink wrote (one of the candidates the source allows) and what stands between `opening` and
    /// `closing` with it.
    func inner(
        of input: Modifier.Input, opening: (String) -> String, closing: String
    ) -> (written: String, inner: String)? {
        guard let reference = MarkdownLinkSource.reference(in: input.markdown) else { return nil }
        for written in MarkdownLinkSource.candidates(for: reference, definitions: definitions) {
            if let inner = Self.between(input.html, opening(written), closing) { return (written, inner) }
        }
        return nil
    }

    /// `html` without `prefix` and `suffix`, compared byte for byte: a combining mark after `>` would make
    /// one Character of the two and defeat a comparison of Characters.
    static func between(_ html: String, _ prefix: String, _ suffix: String) -> String? {
        let bytes = html.utf8
        guard bytes.count >= prefix.utf8.count + suffix.utf8.count, bytes.starts(with: prefix.utf8),
            bytes.reversed().starts(with: suffix.utf8.reversed())
        else { return nil }
        return String(decoding: bytes.dropFirst(prefix.utf8.count).dropLast(suffix.utf8.count), as: UTF8.self)
    }
}
