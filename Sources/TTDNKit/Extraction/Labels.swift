import Foundation

/// The label an outline item starts with: a Roman part (`II.`, `II-`), a number (`3.`, `3.1.`, `1)`)
/// or a letter (`a)`, `đ)`).
enum ItemLabel: Equatable, Sendable {
    case roman(String)
    case number([Int])
    case letter(String)

    var text: String {
        switch self {
        case .roman(let r): return r
        case .number(let n): return n.map(String.init).joined(separator: ".")
        case .letter(let l): return l
        }
    }

    /// Reads a label at the start of `text`; returns it with the text after it.
    static func parse(_ text: String) -> (ItemLabel, String)? {
        let chars = Array(text.prefix(24))
        guard let first = chars.first else { return nil }
        if "IVX".contains(first) { return parseRoman(text, chars) }
        if first.isASCII, first.isNumber { return parseNumber(text, chars) }
        if first.isLetter, first.isLowercase { return parseLetter(text, chars) }
        return nil
    }

    private static func rest(_ text: String, after count: Int) -> String {
        String(text.dropFirst(count)).trimmingWhitespace()
    }

    private static func parseRoman(_ text: String, _ chars: [Character]) -> (ItemLabel, String)? {
        var i = 0
        while i < chars.count, "IVX".contains(chars[i]) { i += 1 }
        let numeral = String(chars[0..<i])
        guard i <= 6, romanValue(numeral) != nil else { return nil }
        var j = i
        while j < chars.count, chars[j] == " " { j += 1 }
        guard j < chars.count, ".-–:)".contains(chars[j]) else { return nil }
        j += 1
        let body = rest(text, after: j)
        guard let lead = body.first, lead.isLetter || lead == "“" || lead == "\"" else { return nil }
        return (.roman(numeral), body)
    }

    static func romanValue(_ numeral: String) -> Int? {
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10]
        var total = 0
        var previous = 0
        for ch in numeral.reversed() {
            guard let v = values[ch] else { return nil }
            total += v < previous ? -v : v
            previous = max(previous, v)
        }
        // Round trip: only canonical numerals (`IV`, not `IIII` or `VX`).
        guard total > 0, total < 40, OutlineLabels.roman(total) == numeral else { return nil }
        return total
    }

    private static func parseNumber(_ text: String, _ chars: [Character]) -> (ItemLabel, String)? {
        var parts: [Int] = []
        var i = 0
        var endsWithMark = false
        // `1- Tuyên truyền …` (the Party's style): a hyphen after the number, then a capital.
        var hyphen = false
        while i < chars.count {
            var j = i
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            guard j > i, j - i <= 2, let n = Int(String(chars[i..<j])) else { return nil }
            parts.append(n)
            i = j
            guard i < chars.count else { return nil }
            if chars[i] == "." {
                // `3.1` continues; `3. ` ends the label.
                if i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].isNumber, parts.count < 4 {
                    i += 1
                    continue
                }
                endsWithMark = true
                i += 1
            } else if chars[i] == ")" {
                endsWithMark = true
                i += 1
            } else if chars[i] == "-" || chars[i] == "–", i + 1 < chars.count, chars[i + 1] == " " {
                endsWithMark = true
                hyphen = true
                i += 1
            }
            break
        }
        guard !parts.isEmpty, i < chars.count, chars[i] == " " || (endsWithMark && chars[i].isLetter) else {
            return nil
        }
        let body = rest(text, after: i)
        guard let lead = body.first else { return nil }
        if parts.count == 1 && !endsWithMark { return nil }
        // `1.5 tỷ đồng` is a number in a sentence, not a label.
        if (!endsWithMark || hyphen) && !(lead.isUppercase) { return nil }
        guard lead.isLetter || lead == "“" || lead == "\"" || lead == "(" else { return nil }
        return (.number(parts), body)
    }

    private static func parseLetter(_ text: String, _ chars: [Character]) -> (ItemLabel, String)? {
        guard chars.count >= 3, chars[0].isLetter, chars[0] < "z" || chars[0] == "đ" || chars[0] == "z" else {
            return nil
        }
        let mark = chars[1]
        guard mark == ")" || mark == "." else { return nil }
        let body = rest(text, after: 2)
        guard let lead = body.first, lead.isLetter || lead == "“" || lead == "\"" else { return nil }
        // `a. text` is rarer than a sentence starting `e. …`; demand a capital after a dot.
        if mark == ".", !lead.isUppercase { return nil }
        guard chars[0].isASCII || chars[0] == "đ" else { return nil }
        return (.letter(String(chars[0])), body)
    }
}
