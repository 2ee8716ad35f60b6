import Foundation

/// Numbered documents cited in the text: a kind (`Nghị định`, `Kết luận`, …), optionally `số`, then a
/// number-and-symbol (`72/2015/NĐ-CP`, `57-KL/TW`, `729/QĐ- TTg`), then optionally `ngày …`.
enum CitationParser {
    static let kinds: [String] = [
        "Nghị quyết liên tịch", "Thông tư liên tịch", "Nghị quyết", "Nghị định", "Quyết định", "Chỉ thị",
        "Kết luận", "Thông tư", "Hướng dẫn", "Kế hoạch", "Công văn", "Văn bản", "Thông báo", "Chương trình",
        "Đề án", "Quy định", "Quy chế", "Thông tri", "Báo cáo", "Tờ trình", "Luật", "Pháp lệnh", "Công điện",
        "Hiệp định", "Công ước",
    ]
    static let kindWords: [[String]] = kinds.map { $0.lowercased().split(separator: " ").map(String.init) }

    /// Every citation in `texts`, once each by number, in order of first appearance.
    static func citations(in texts: [String], excluding own: String?) -> [Citation] {
        var out: [Citation] = []
        var seen = Set<String>()
        if let own { seen.insert(key(own)) }
        for text in texts {
            guard mayCite(text) else { continue }
            for citation in scan(text) {
                let k = key(citation.number)
                if seen.insert(k).inserted {
                    out.append(citation)
                } else if let index = out.firstIndex(where: { key($0.number) == k }), out[index].date == nil {
                    out[index].date = citation.date
                }
            }
        }
        return out
    }

    /// A cheap test before splitting into words: a digit directly followed by `/` or `-`.
    static func mayCite(_ text: String) -> Bool {
        var previousDigit = false
        for byte in text.utf8 {
            if previousDigit && (byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-")) { return true }
            previousDigit = byte >= 0x30 && byte <= 0x39
        }
        return false
    }

    static func key(_ number: String) -> String {
        String(number.filter { !$0.isWhitespace }).lowercased()
    }

    static func scan(_ text: String) -> [Citation] {
        let words = Words.split(text)
        var out: [Citation] = []
        var i = 0
        while i < words.count {
            guard let (kindIndex, length) = matchKind(words, at: i) else {
                i += 1
                continue
            }
            var j = i + length
            // A qualified kind (`Chương trình hành động số …`, `Kế hoạch liên tịch số …`): up to three plain
            // lower-case words, then `số`.
            if j < words.count, words[j].key != "số",
                let so = (j..<min(j + 4, words.count)).first(where: { words[$0].key == "số" }),
                words[j..<so].allSatisfy({ $0.trail.isEmpty && $0.lead.isEmpty && $0.core == $0.core.lowercased() })
            {
                j = so
            }
            if j < words.count, words[j].key == "số", words[j].trail.isEmpty || words[j].trail == ":" { j += 1 }
            guard j < words.count, let (number, end) = readNumber(text, words, at: j) else {
                i += length
                continue
            }
            let date = readDate(text, after: words[end - 1].range.upperBound)
            out.append(
                Citation(kind: kinds[kindIndex].replacingOccurrences(of: " số", with: ""), number: number, date: date))
            i = end
        }
        return out
    }

    /// Kind phrases by first word: `(index in kinds, words)`, longest first.
    static let kindIndex: [String: [(Int, [String])]] = {
        var out: [String: [(Int, [String])]] = [:]
        for (k, phrase) in kindWords.enumerated() { out[phrase[0], default: []].append((k, phrase)) }
        return out.mapValues { $0.sorted { $0.1.count > $1.1.count } }
    }()

    static func matchKind(_ words: [Word], at index: Int) -> (Int, Int)? {
        for (k, phrase) in kindIndex[words[index].key] ?? [] where Words.matches(words, at: index, phrase) {
            return (k, phrase.count)
        }
        return nil
    }

    /// A document number starting at word `index`: digits first, then `/` or `-` and symbol parts,
    /// possibly with spaces around a `-` (`729/QĐ- TTg`). Returns it without spaces.
    static func readNumber(_ text: String, _ words: [Word], at index: Int) -> (String, Int)? {
        let first = words[index]
        guard first.lead.isEmpty, let c = first.core.first, c.isASCII, c.isNumber else { return nil }
        var number = String(first.core)
        var end = index + 1
        // Join `729/QĐ-` + `TTg` and `729/QĐ` + `-TTg` when the converter split them.
        while end < words.count, words[end - 1].trail.isEmpty, number.count < 40 {
            let next = words[end]
            if number.hasSuffix("-") || number.hasSuffix("/") || next.core.hasPrefix("-") || next.core.hasPrefix("/")
                || next.lead.hasPrefix("-")
            {
                number += next.lead + next.core
                end += 1
            } else {
                break
            }
        }
        while let last = number.last, "-/.".contains(last) { number.removeLast() }
        guard isDocumentNumber(number) else { return nil }
        return (number, end)
    }

    /// `72/2015/NĐ-CP`, `57-KL/TW`, `07/CT-TTg`: digits, then a separator, then a symbol with a letter.
    static func isDocumentNumber(_ s: String) -> Bool {
        guard let sep = s.firstIndex(where: { $0 == "/" || $0 == "-" }) else { return false }
        let digits = s[..<sep]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.count <= 6 else { return false }
        let symbol = s[s.index(after: sep)...]
        return symbol.contains(where: { $0.isLetter })
            && symbol.allSatisfy { $0.isLetter || $0.isNumber || "-/.&".contains($0) }
    }

    /// `ngày 07/9/2015` or `, ngày 03 tháng 02 năm 2023` right after the number.
    static func readDate(_ text: String, after index: String.Index) -> String? {
        var rest = text[index...].prefix(64)
        rest = rest.drop { $0 == " " || $0 == "," }
        guard rest.lowercased().hasPrefix("ngày") else { return nil }
        return DateGrammar.parse(rest)?.iso
    }
}
