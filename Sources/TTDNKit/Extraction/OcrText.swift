import Foundation

/// What Tesseract reliably gets wrong in these documents, put right before the reader sees the text.
///
/// The reader finds a plan's parts by their Roman numerals and its fields by a few key phrases; OCR
/// misreads exactly those often enough to lose whole parts (`I.` read as `l`, `|.` or `lÏ.`; `III.` as
/// `HI.` or `II.`; `Thực hiện` as `Thục hiện`; `Đ` as the Icelandic `Ð`). The repairs are narrow: a part
/// heading is a short run of numeral-like marks before a heading in capitals, numbered in the order the
/// headings come; a key phrase is put right only where its letters, without diacritics, are the phrase's.
enum OcrText {
    static func repair(_ lines: [String]) -> [String] {
        var part = 0
        return lines.map { raw -> String in
            var line = normaliseMarks(raw)
            if let heading = partHeading(line) {
                part += 1
                line = OutlineLabels.roman(part) + ". " + heading
            }
            line = fixListLabel(line)
            line = stripSpeck(line)
            return fixKeyPhrases(line)
        }
    }

    /// Letters from other alphabets that OCR puts for Vietnamese ones, and bullets it reads as symbols.
    static func normaliseMarks(_ line: String) -> String {
        var out = String(
            line.unicodeScalars.map { scalar -> Character in
                switch scalar {
                case "\u{D0}": return "Đ"  // Ð, Icelandic eth
                case "\u{F0}": return "đ"
                default: return Character(scalar)
                }
            })
        // OCR doubles the crossed D it is unsure of (`TTĐÐN`); no Vietnamese word has two.
        out = out.replacingOccurrences(of: "ĐĐ", with: "Đ")
        let indent = out.prefix(while: { $0 == " " })
        let rest = out.dropFirst(indent.count)
        for bullet in ["¬", "—", "–", "~"] where rest.hasPrefix(bullet) {
            let after = rest.dropFirst(bullet.count)
            if after.isEmpty || after.first == " " { return indent + "-" + after }
        }
        return out
    }

    /// The heading of a part whose numeral OCR mangled: up to four marks that look like `I`, `V` or `X`
    /// (`l`, `|`, `1`, `Ï`, `H` for `II` …), an optional `.` or `,`, then words in capitals.
    static func partHeading(_ line: String) -> String? {
        let trimmed = line.drop(while: { $0 == " " })
        guard let space = trimmed.firstIndex(of: " ") else { return nil }
        var token = trimmed[..<space]
        if let last = token.last, ".,:".contains(last) { token = token.dropLast() }
        let numeralLike: Set<Character> = ["I", "V", "X", "l", "|", "1", "!", "Ï", "Ì", "Í", "Î", "H", "i"]
        guard (1...4).contains(token.count), token.allSatisfy(numeralLike.contains) else { return nil }
        let heading = trimmed[space...].trimmingCharacters(in: .whitespaces)
        let words = heading.split(separator: " ")
        guard let first = words.first, first.count >= 2, first.allSatisfy({ $0.isLetter && $0.isUppercase }),
            DocumentLayout.isAllCaps(heading), heading.count <= 120
        else { return nil }
        return heading
    }

    /// `5, Tập trung …` is item 5: OCR reads the full stop after a number as a comma.
    static func fixListLabel(_ line: String) -> String {
        guard let regex = try? NSRegularExpression(pattern: #"^(\s*\d{1,2}(?:\.\d{1,2}){0,3}),(\s+\p{Lu})"#) else {
            return line
        }
        let range = NSRange(line.startIndex..., in: line)
        return regex.stringByReplacingMatches(in: line, range: range, withTemplate: "$1.$2")
    }

    /// A speck OCR reads after the end of a sentence (`… như sau: -`, `… theo yêu cầu. P2`): a lone dash,
    /// or up to three marks that are not a word. A dash after a word is kept (`kinh tế -` continues on the
    /// next line), and so is a short word (`… theo quy định. Sở` goes on).
    static func stripSpeck(_ line: String) -> String {
        let speck = #"(?:[-–—~|¬]|(?=\S{0,2}[^\p{L}\s.,;:])\S{1,3})"#
        guard let regex = try? NSRegularExpression(pattern: #"([.:;”"])\s+"# + speck + #"\s*$"#) else { return line }
        let range = NSRange(line.startIndex..., in: line)
        return regex.stringByReplacingMatches(in: line, range: range, withTemplate: "$1")
    }

    /// Phrases the reader keys on, in their right spelling; OCR's version is put right when it has the
    /// same letters without diacritics. Each is two words or more, so that no other word is taken for it.
    static let keyPhrases: [[Substring]] = [
        "tổ chức thực hiện", "thời gian thực hiện", "đơn vị thực hiện", "đơn vị chủ trì", "đơn vị phối hợp",
        "cơ quan chủ trì", "cơ quan phối hợp", "thực hiện", "chủ trì", "phối hợp", "mục đích", "yêu cầu",
        "nội dung", "kinh phí", "căn cứ", "kế hoạch", "nơi nhận", "thời gian", "trên đây", "ủy ban nhân dân",
        "ủy viên", "thông tin đối ngoại", "ngoại vụ", "thông tin và truyền thông", "phó giám đốc", "giám đốc",
        "phó chủ tịch", "chủ tịch", "trưởng ban", "chỉ đạo",
    ].map { $0.split(separator: " ") }
    private static let foldedPhrases: [(words: [Substring], folded: [String])] = keyPhrases.map {
        ($0, $0.map { VietnameseText.fold(String($0)) })
    }.sorted { $0.words.count > $1.words.count }

    static func fixKeyPhrases(_ line: String) -> String {
        var words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let cores = words.map { word -> (lead: Substring, core: Substring, tail: Substring) in
            let start = word.firstIndex(where: { $0.isLetter }) ?? word.endIndex
            let end = word.lastIndex(where: { $0.isLetter }).map { word.index(after: $0) } ?? start
            return (word[..<start], word[start..<end], word[end...])
        }
        let folded = cores.map { VietnameseText.fold(String($0.core)) }
        var i = 0
        while i < words.count {
            var step = 1
            for phrase in foldedPhrases where i + phrase.folded.count <= words.count {
                let n = phrase.folded.count
                guard Array(folded[i..<(i + n)]) == phrase.folded else { continue }
                for k in 0..<n {
                    let (lead, core, tail) = cores[i + k]
                    guard core != phrase.words[k] else { continue }
                    words[i + k] = String(lead) + matchCase(String(phrase.words[k]), like: core) + String(tail)
                }
                step = n
                break
            }
            i += step
        }
        return words.joined(separator: " ")
    }

    /// `right` in the letter case of `ocr`: all capitals, a capital first, or as written.
    static func matchCase(_ right: String, like ocr: Substring) -> String {
        if ocr.count > 1, ocr.allSatisfy({ !$0.isLowercase }) { return right.uppercased() }
        if let first = ocr.first, first.isUppercase { return right.prefix(1).uppercased() + right.dropFirst() }
        return right
    }
}
