import Foundation

/// Reads a link or an image back from its Markdown source, because Ink writes the target into its HTML as
/// typed (quotes, a title and all) and cannot be asked what it resolved a reference to.
enum MarkdownLinkSource {
    /// The part of `[text](…)` or `[text][name]` after the text.
    enum Reference: Equatable {
        /// What stands between the parentheses: a target, then perhaps a title.
        case inline(String)
        case named(String)
    }

    /// Every `[name]: target` line Ink might have read as a reference definition, by lower-cased name, in
    /// order. Ink reads them only where a block starts; this looks everywhere, so Ink's choice is always among
    /// them (see `candidates`).
    static func definitions(in text: String) -> [String: [String]] {
        let chars = Array(text)
        var found: [String: [String]] = [:]
        for start in chars.indices where chars[start] == "[" {
            var end = start + 1
            // Stopping at `[` keeps this linear: `InkInput` leaves no `[` before another's `]` but in a
            // linked image, which is no definition.
            while end < chars.count, chars[end] != "]", chars[end] != "[", !chars[end].isNewline { end += 1 }
            guard end + 2 < chars.count, chars[end] == "]", chars[end + 1] == ":", isSpace(chars[end + 2])
            else { continue }
            var from = end + 2
            while from < chars.count, isSpace(chars[from]) { from += 1 }
            var to = from
            while to < chars.count, !chars[to].isNewline { to += 1 }
            found[String(chars[(start + 1)..<end]).lowercased(), default: []].append(String(chars[from..<to]))
        }
        return found
    }

    /// The reference at the end of a link's (or, after `!`, an image's) source.
    static func reference(in source: Substring) -> Reference? {
        let body = source.first == "!" ? source.dropFirst() : source
        guard body.first == "[", let last = body.last else { return nil }
        if last == ")" {
            // Ink reads the target up to the first `)` that closes no `(` of its own: a balanced run, so
            // walking back from the end finds the `(` that opened it.
            let close = body.index(before: body.endIndex)
            var depth = 0
            var index = close
            while index > body.startIndex {
                index = body.index(before: index)
                if body[index] == ")" {
                    depth += 1
                } else if body[index] == "(" {
                    if depth == 0 { return .inline(String(body[body.index(after: index)..<close])) }
                    depth -= 1
                }
            }
            return nil
        }
        // `[text][name]`: a name holds no `]`, so the last `][` starts it.
        guard last == "]" else { return nil }
        let close = body.index(before: body.endIndex)
        var index = close
        while index > body.startIndex {
            let previous = body.index(before: index)
            if body[previous] == "]", body[index] == "[" {
                return .named(String(body[body.index(after: index)..<close]))
            }
            index = previous
        }
        return nil
    }

    /// What Ink may have written as the target, its likeliest choice first: the last definition of the name,
    /// the others (the last 16: a link whose target is not among them is shown as its source), then the name
    /// itself (Ink's fallback).
    static func candidates(for reference: Reference, definitions: [String: [String]]) -> [String] {
        switch reference {
        case .inline(let target): return [target]
        case .named(let name): return (definitions[name.lowercased()] ?? []).suffix(16).reversed() + [name]
        }
    }

    /// The target and the title of `[text](target "title")`: Ink takes both for the target. A title is in
    /// double or single quotes or parentheses; a target in `<…>` may hold spaces (which `LinkTarget`
    /// refuses). Anything else after a space makes the whole a target, refused for its spaces.
    static func targetAndTitle(_ written: String) -> (target: String, title: String?) {
        let text = written.trimmingCharacters(in: .whitespacesAndNewlines)
        let target: Substring
        let rest: Substring
        if text.first == "<", let close = text.firstIndex(of: ">") {
            target = text[text.index(after: text.startIndex)..<close]
            rest = text[text.index(after: close)...]
        } else if let space = text.firstIndex(where: \.isWhitespace) {
            target = text[..<space]
            rest = text[space...]
        } else {
            return (text, nil)
        }
        let title = rest.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { return (String(target), nil) }
        guard title.count >= 2, let first = title.first, let last = title.last,
            (first == "\"" && last == "\"") || (first == "'" && last == "'") || (first == "(" && last == ")")
        else { return (text, nil) }
        return (String(target), unescaped(title.dropFirst().dropLast()))
    }

    /// Markdown's backslash escapes of punctuation (`\"` in a title).
    static func unescaped(_ text: Substring) -> String {
        var out = ""
        var escaping = false
        for ch in text {
            if escaping {
                if !(ch.isASCII && (ch.isPunctuation || ch.isSymbol)) { out.append("\\") }
                out.append(ch)
                escaping = false
            } else if ch == "\\" {
                escaping = true
            } else {
                out.append(ch)
            }
        }
        if escaping { out.append("\\") }
        return out
    }

    static func isSpace(_ ch: Character) -> Bool { ch.isWhitespace && !ch.isNewline }
}
