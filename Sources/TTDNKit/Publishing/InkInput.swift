/// What Ink is given of a body. Ink 0.6.0 writes raw HTML through; writes `&…;` through whatever stands
/// between; takes exponential time on brackets that do not close (each unclosed `[` is tried as a link inside
/// the one before: 16 `![` in a row take 50 seconds) and quadratic time on `&` or `[x](` without an end (each
/// reads to the end of the line). So before Ink reads a body:
/// - every `<` becomes `pieces.lessThan`: Ink finds no HTML;
/// - every `&` that does not start a character reference (`&amp;`, `&#233;`) becomes `pieces.ampersand`;
/// - every `[` Ink could not read as a link in one go becomes `pieces.bracket`: what is left is `[text]`
///   with nothing in the text that could hide its `]`, then perhaps `(target)` closed on the same line, or
///   `[text]` holding just such an image (a linked image).
/// The final pass (`BodyOutput`) writes the three back as typed; Markdown that was not a link stays text.
enum InkInput {
    static func prepare(_ text: String, pieces: BodyPieces) -> String {
        var chars = Array(text)
        for index in chars.indices {
            if chars[index] == "<" {
                chars[index] = Character(pieces.lessThan)
            } else if chars[index] == "&", !startsReference(chars[(index + 1)...]) {
                chars[index] = Character(pieces.ampersand)
            }
        }
        for index in hiddenBrackets(chars) { chars[index] = Character(pieces.bracket) }
        return String(chars)
    }

    /// `#233;`, `amp;`, `x1F;`: a name or number of at most 32 letters and digits, then `;`.
    static func startsReference(_ rest: ArraySlice<Character>) -> Bool {
        var name = rest.prefix(34)
        if name.first == "#" { name = name.dropFirst() }
        guard let semi = name.firstIndex(of: ";"), semi > name.startIndex else { return false }
        return name[..<semi].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    /// The `[` that do not open a link Ink reads in one go. Linear: Ink's own cost is what this bounds.
    static func hiddenBrackets(_ chars: [Character]) -> [Int] {
        let count = chars.count
        // The next `[` or `]` after each position; running counts of what may hide a `]` from Ink (a
        // backslash, a line end) or pair up around one (backticks of inline code).
        var next = [Int](repeating: count, count: count + 1)
        for index in stride(from: count - 1, through: 0, by: -1) {
            next[index] = chars[index] == "[" || chars[index] == "]" ? index : next[index + 1]
        }
        var backslashes = [0]
        var breaks = [0]
        var backticks = [0]
        for ch in chars {
            backslashes.append(backslashes.last! + (ch == "\\" ? 1 : 0))
            breaks.append(breaks.last! + (ch.isNewline ? 1 : 0))
            backticks.append(backticks.last! + (ch == "`" ? 1 : 0))
        }
        let closing = closingParentheses(chars)

        /// The `]` that surely ends the text of a link opened at `open`.
        func end(of open: Int) -> Int? {
            guard open + 1 < count else { return nil }
            let close = next[open + 1]
            guard close < count, chars[close] == "]", breaks[close] == breaks[open],
                backslashes[close] == backslashes[open], (backticks[close] - backticks[open]) % 2 == 0
            else { return nil }
            return close
        }
        /// Where a link whose text ends at `close` ends: after `(…)` when one follows (it must close).
        func after(_ close: Int) -> Int? {
            guard close + 1 < count, chars[close + 1] == "(" else { return close }
            return closing[close + 1]
        }

        var hidden: [Int] = []
        for open in chars.indices where chars[open] == "[" {
            if let close = end(of: open) {
                if after(close) == nil { hidden.append(open) }
            } else if open + 2 < count, chars[open + 1] == "!", chars[open + 2] == "[",
                let inner = end(of: open + 2), let image = after(inner), image != inner, image + 1 < count,
                chars[image + 1] == "]", after(image + 1) != nil
            {
                continue  // `[![alt](image)](target)`
            } else {
                hidden.append(open)
            }
        }
        return hidden
    }

    /// For each `(`, the `)` that closes it on the same line, as Ink reads a link's target.
    static func closingParentheses(_ chars: [Character]) -> [Int: Int] {
        var closing: [Int: Int] = [:]
        var open: [Int] = []
        for (index, ch) in chars.enumerated() {
            if ch == "(" {
                open.append(index)
            } else if ch == ")", let start = open.popLast() {
                closing[start] = index
            } else if ch.isNewline {
                open.removeAll()
            }
        }
        return closing
    }
}
