import Foundation

/// The header table's fields: `Số: 142/KH-SNgV` and `Cao Bằng, ngày 03 tháng 02 năm 2023`; and the year
/// the title names.
enum HeaderParser {
    struct Header: Equatable {
        var number: String?
        var symbol: String?
        var place: String?
        var date: String?
        var rawDate: String?
    }

    static func parse(_ lines: [String]) -> Header {
        var header = Header()
        // Cell separators of a flattened header table (`|` lines) carry nothing.
        let lines = lines.filter { $0.trimming(" |") != "" }
        for (index, line) in lines.enumerated() {
            if header.symbol == nil && header.number == nil, let (number, symbol) = numberLine(line) {
                header.number = number
                header.symbol = symbol
            }
            if header.date == nil && header.place == nil {
                // A place-and-date line wrapped in a narrow cell (`Lào Cai, ngày 29` / `tháng 01 năm 2021`).
                let joined = index + 1 < lines.count && line.contains("ngày") ? line + " " + lines[index + 1] : line
                if let (place, date, raw) = placeDate(line) ?? placeDate(joined) {
                    header.place = place
                    header.date = date
                    header.rawDate = raw
                }
            }
        }
        return header
    }

    /// `Số: 142/KH-SNgV` → ("142", "KH-SNgV"); `Số: /KH-UBND` → (nil, "KH-UBND"); `Số 45-KH/TU` → ("45", "KH/TU").
    static func numberLine(_ line: String) -> (String?, String?)? {
        var s = Substring(line)
        // The number may share its line with other header cells (`ỦY BAN … Số: 12/KH-UBND`).
        if let r = s.range(of: "Số:") ?? s.range(of: "Số :") ?? (s.hasPrefix("Số ") ? s.range(of: "Số ") : nil) {
            s = s[r.upperBound...]
        } else {
            return nil
        }
        let compact = String(s.prefix(60).filter { !$0.isWhitespace })
        var token = Substring(compact)
        // Stop at anything that cannot be in a number-and-symbol.
        if let bad = token.firstIndex(where: { !($0.isLetter || $0.isNumber || "/-.&_".contains($0)) }) {
            token = token[..<bad]
        }
        let digits = token.prefix { $0.isASCII && $0.isNumber }
        var rest = token.dropFirst(digits.count)
        guard rest.first == "/" || rest.first == "-" || (rest.isEmpty && !digits.isEmpty) else { return nil }
        if !rest.isEmpty { rest = rest.dropFirst() }
        while let last = rest.last, "-/.".contains(last) { rest = rest.dropLast() }
        let number = digits.isEmpty ? nil : String(digits)
        let symbol = rest.isEmpty || !rest.contains(where: { $0.isLetter }) ? nil : String(rest)
        guard number != nil || symbol != nil else { return nil }
        return (number, symbol)
    }

    /// `Lạng Sơn, ngày    tháng 11 năm 2020` → ("Lạng Sơn", "2020-11").
    static func placeDate(_ line: String) -> (String?, String?, String)? {
        guard let r = line.range(of: "ngày") else { return nil }
        guard let found = DateGrammar.parse(line[r.lowerBound...]) else { return nil }
        var place = String(line[..<r.lowerBound]).trimming(" ,")
        // A place shares its line with the other header column only in layout text: keep the last cell.
        if let cut = place.range(of: "Hạnh phúc", options: .backwards) {
            place = String(place[cut.upperBound...]).trimming(" ,-")
        }
        let raw = String(line[r.lowerBound...].prefix(found.length))
        return (place.isEmpty ? nil : place, found.iso, raw)
    }

    /// The year a title names: `… năm 2023` → 2023; a span (`giai đoạn 2021 - 2025`) names none.
    static func year(inTitle title: String) -> Int? {
        let words = title.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == "(" || $0 == ")" })
        var candidates: [(Int, Bool)] = []
        for (i, word) in words.enumerated() {
            let digits = word.trimming(".:")
            guard digits.count == 4, let y = Int(digits), (1990...2100).contains(y) else { continue }
            let before = i > 0 ? words[i - 1].lowercased() : ""
            let after = i + 1 < words.count ? words[i + 1] : ""
            let inSpan =
                before == "-" || before == "–" || before == "đến" || after == "-" || after == "–" || after == "đến"
                || word.contains("-")
            candidates.append((y, before == "năm" && !inSpan))
            if inSpan { candidates[candidates.count - 1].1 = false }
        }
        if let named = candidates.first(where: { $0.1 }) { return named.0 }
        let free = candidates.filter { c in
            !title.contains("\(c.0) -") && !title.contains("- \(c.0)") && !title.contains("\(c.0)-")
                && !title.contains("-\(c.0)")
        }
        return free.count == 1 ? free[0].0 : nil
    }
}
