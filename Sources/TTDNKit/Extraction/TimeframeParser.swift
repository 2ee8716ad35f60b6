import Foundation

/// Reads a task's timeframe (`Thường xuyên`, `Quý II, III năm 2023`, `phát hành 04 số (01 số/quý)`,
/// `trong năm`, `Theo kế hoạch …`) into its structured kind.
enum TimeframeParser {
    static func parse(_ raw: String) -> Timeframe? {
        let text = raw.trimming(" .;,")
        guard !text.isEmpty, text.count < 400 else { return nil }
        let f = FastFold.fold(text)
        let year = yearIn(f)
        let periodWords = ["quy", "thang", "nam", "tuan"]
        if f.hasPrefix("theo ") || f.hasPrefix("can cu") || f.hasPrefix("khi ") || f.hasPrefix("tuy ")
            || f.hasPrefix("tu theo")
        {
            let next = f.dropFirst(f.hasPrefix("theo ") ? 5 : 0).split(separator: " ").first.map(String.init) ?? ""
            if !(f.hasPrefix("theo ") && periodWords.contains(next)) {
                return Timeframe(text: text, kind: .external)
            }
        }
        if f.hasPrefix("thuong xuyen") || f.hasPrefix("lien tuc") || f.hasPrefix("hang ngay") {
            return Timeframe(text: text, kind: .ongoing)
        }
        if let every = recurringPeriod(f) {
            return Timeframe(text: text, kind: .recurring, every: every, count: totalCount(f))
        }
        if let quarters = quarters(in: f), !quarters.isEmpty {
            return Timeframe(text: text, kind: .quarters, quarters: quarters, year: year)
        }
        if f.foldedContains("thuong xuyen") || f.foldedContains("lien tuc") || f.foldedContains("hang ngay") {
            return Timeframe(text: text, kind: .ongoing)
        }
        if f.foldedContains("trong nam") || f.foldedContains("ca nam") || f.foldedContains("suot nam")
            || f.hasPrefix("nam ")
        {
            return Timeframe(text: text, kind: .year, year: year)
        }
        if let months = monthQuarters(in: f), !months.isEmpty {
            return Timeframe(text: text, kind: .quarters, quarters: months, year: year)
        }
        // `Cuối năm`, `dịp cuối năm 2025`: the last quarter.
        if f.foldedContains("cuoi nam") { return Timeframe(text: text, kind: .quarters, quarters: [4], year: year) }
        if year != nil { return Timeframe(text: text, kind: .year, year: year) }
        return Timeframe(text: text, kind: .external)
    }

    /// A 4-digit year 1990–2100 in folded text.
    static func yearIn(_ f: String) -> Int? {
        var digits = ""
        for ch in f + " " {
            if ch.isASCII && ch.isNumber {
                digits.append(ch)
            } else {
                if digits.count == 4, let y = Int(digits), (1990...2100).contains(y) { return y }
                digits = ""
            }
        }
        return nil
    }

    /// `01 số/quý`, `hằng quý`, `mỗi tháng`, `định kỳ hàng năm`, `theo quý`.
    static func recurringPeriod(_ f: String) -> Timeframe.Period? {
        let units: [(String, Timeframe.Period)] = [
            ("quy", .quarter), ("thang", .month), ("nam", .year), ("tuan", .week),
        ]
        for (word, period) in units {
            for marker in ["/\(word)", "/ \(word)", "hang \(word)", "moi \(word)", "theo \(word)", "dinh ky \(word)"] {
                guard let r = f.foldedRange(of: marker) else { continue }
                // Whole words: `tháng năm` is not `hàng năm`.
                if !marker.hasPrefix("/"), r.lowerBound > f.startIndex, f[f.index(before: r.lowerBound)].isLetter {
                    continue
                }
                // `/quý` must follow a count (`01 số/quý`), not a date (`quý II/2021` has the slash first).
                if marker.hasPrefix("/") {
                    let before = f[..<r.lowerBound]
                    guard
                        before.hasSuffix("so") || before.hasSuffix("lan") || before.hasSuffix("ky")
                            || before.hasSuffix("ban")
                            || before.hasSuffix("dot") || before.hasSuffix("bai") || before.hasSuffix("tin")
                    else { continue }
                }
                // `6 tháng đầu năm` is a half, not "every year".
                let after = f[r.upperBound...]
                if word == "thang", after.hasPrefix(" dau") || after.hasPrefix(" cuoi") { continue }
                return period
            }
        }
        return nil
    }

    /// The total in `phát hành 04 số (01 số/quý)`: the first count not followed by `/`.
    static func totalCount(_ f: String) -> Int? {
        let words = f.split(separator: " ")
        let units: Set<String> = ["so", "lan", "ky", "dot", "ban", "bai", "chuong", "tin", "cuoc", "lop", "hoi"]
        for (i, w) in words.enumerated() where i + 1 < words.count {
            let digits = w.trimming("(")
            guard let n = Int(digits), n > 0, n < 10_000 else { continue }
            let next = words[i + 1]
            let unit = next.split(separator: "/").first.map(String.init) ?? ""
            guard units.contains(unit.trimming(",;.)")) else { continue }
            // `01 số/quý` is per period, not the total; `02 lần/năm` is both, in a one-year plan.
            if next.contains("/"), next.split(separator: "/").last.map({ $0.trimming(",;.)") }) != "nam" { continue }
            return n
        }
        return nil
    }

    /// `quý II, III`, `Quý I và Quý II`, `quý II/2021`, `quý 3`, `quý II - IV`, `6 tháng đầu năm`.
    static func quarters(in f: String) -> [Int]? {
        var result: [Int] = []
        if f.foldedContains("6 thang dau") || f.foldedContains("sau thang dau") || f.foldedContains("06 thang dau") {
            result += [1, 2]
        }
        if f.foldedContains("6 thang cuoi") || f.foldedContains("sau thang cuoi") || f.foldedContains("06 thang cuoi") {
            result += [3, 4]
        }
        let words = f.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == "(" || $0 == ")" })
        var i = 0
        while i < words.count {
            guard words[i] == "quy" else {
                i += 1
                continue
            }
            i += 1
            var previous: Int?
            var range = false
            while i < words.count {
                var token = String(words[i])
                if let slash = token.firstIndex(of: "/") { token = String(token[..<slash]) }
                if token == "quy" {
                    i += 1
                    continue
                }
                if token == "va" {
                    i += 1
                    continue
                }
                if token == "-" || token == "den" || token == "–" {
                    range = previous != nil
                    i += 1
                    continue
                }
                let parts = token.split(separator: "-", omittingEmptySubsequences: true)
                var consumed = false
                for (k, part) in parts.enumerated() {
                    guard let q = quarterNumber(String(part)) else { break }
                    consumed = true
                    if range || k > 0, let p = previous, q > p {
                        result += Array((p + 1)...q)
                    } else {
                        result.append(q)
                    }
                    previous = q
                    range = false
                }
                guard consumed else { break }
                if words[i].contains("/") {
                    i += 1
                    break
                }
                i += 1
            }
        }
        var seen = Set<Int>()
        return result.filter { seen.insert($0).inserted }.sorted()
    }

    static func quarterNumber(_ token: String) -> Int? {
        switch token {
        case "i", "1", "01": return 1
        case "ii", "2", "02": return 2
        case "iii", "3", "03": return 3
        case "iv", "4", "04": return 4
        default: return nil
        }
    }

    /// `tháng 3/2023`, `tháng 3 - 4`, `từ tháng 3 đến tháng 9/2024`: the quarters those months fall in. A
    /// month followed by `-` or `đến` opens a range that the next month closes; `và` lists.
    static func monthQuarters(in f: String) -> [Int]? {
        let words = f.split(whereSeparator: { $0 == " " || $0 == "," })
        var months: [Int] = []
        var rangeFrom: Int?
        var i = 0
        while i < words.count {
            if words[i] == "thang" {
                var j = i + 1
                while j < words.count, j < i + 5 {
                    let token = words[j].split(separator: "/").first.map(String.init) ?? ""
                    if token == "-" || token == "den" {
                        rangeFrom = months.last
                        j += 1
                        continue
                    }
                    if token == "va" {
                        rangeFrom = nil
                        j += 1
                        continue
                    }
                    guard let m = Int(token), (1...12).contains(m) else { break }
                    if let from = rangeFrom, from < m { months += Array(from...m) } else { months.append(m) }
                    rangeFrom = nil
                    if words[j].contains("/") { break }
                    j += 1
                }
                i = j
            } else {
                i += 1
            }
        }
        guard !months.isEmpty else { return nil }
        return Array(Set(months.map { ($0 - 1) / 3 + 1 })).sorted()
    }
}
