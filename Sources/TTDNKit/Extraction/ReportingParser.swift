import Foundation

/// Reporting duties: a sentence about `báo cáo` with a period (`hằng tháng`, `hàng quý`, `6 tháng`,
/// `hằng năm`, `đột xuất`) and a deadline (`trước ngày 20`, `trước ngày 15/11`, `… tháng cuối quý`).
/// Precision before recall: a duty exists only where a sentence states a report and its period; `báo cáo
/// viên` (a speaker) is no report, and `quy định` (a rule) no quarter.
enum ReportingParser {
    private struct Marker {
        var frequency: ReportingDuty.Frequency
        var position: Int
    }

    static func parse(_ texts: [String]) -> [ReportingDuty] {
        var out: [ReportingDuty] = []
        for text in texts {
            guard ByteSearch.containsAny(text, ["báo cáo", "Báo cáo", "BÁO CÁO"]) else { continue }
            for sentence in sentences(text) where statesAReport(sentence) {
                out += duties(in: sentence)
            }
        }
        return out
    }

    /// `báo cáo` as a report, not as `báo cáo viên` (the person who presents at a meeting).
    static func statesAReport(_ sentence: String) -> Bool {
        let lower = sentence.lowercased()
        var from = lower.startIndex
        while let r = lower.range(of: "báo cáo", range: from..<lower.endIndex) {
            from = r.upperBound
            if !lower[r.upperBound...].hasPrefix(" viên") { return true }
        }
        return false
    }

    /// The sentence folded for the period patterns, with `quý` (quarter) kept apart from `quy` (as in `quy
    /// định`, a rule), which folding would make the same: it becomes `quarter`.
    static func folded(_ sentence: String) -> String {
        var s = sentence
        for form in ["quý", "Quý", "QUÝ", "quí", "Quí"] { s = s.replacingOccurrences(of: form, with: "quarter") }
        return FastFold.fold(s)
    }

    static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        let chars = Array(text)
        for (i, ch) in chars.enumerated() {
            current.append(ch)
            let next = i + 1 < chars.count ? chars[i + 1] : " "
            if (ch == "." && next == " ") || ch == ";" {
                out.append(current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    static func duties(in sentence: String) -> [ReportingDuty] {
        let f = folded(sentence)
        let patterns: [(String, ReportingDuty.Frequency)] = [
            ("hang thang", .monthly), ("moi thang", .monthly), ("dinh ky thang", .monthly), ("bao cao thang", .monthly),
            ("hang quarter", .quarterly), ("moi quarter", .quarterly), ("dinh ky quarter", .quarterly),
            ("bao cao quarter", .quarterly), ("theo quarter", .quarterly),
            ("6 thang", .halfYearly), ("06 thang", .halfYearly), ("sau thang", .halfYearly), ("nua nam", .halfYearly),
            ("hang nam", .yearly), ("moi nam", .yearly), ("bao cao nam", .yearly), ("tong ket nam", .yearly),
            ("dinh ky nam", .yearly), ("cuoi nam", .yearly),
            // `báo cáo 6 tháng (trước ngày 10/6) và năm (trước ngày 10/12)`, `báo cáo quý và năm`.
            ("va nam (truoc", .yearly), ("va nam truoc", .yearly), ("thang va nam", .yearly),
            ("quarter va nam", .yearly),
            ("bao cao quarter, nam", .yearly), ("01 nam (truoc", .yearly), ("1 nam (truoc", .yearly),
            ("dot xuat", .adHoc),
        ]
        var markers: [Marker] = []
        for (pattern, frequency) in patterns {
            var from = f.startIndex
            while let r = f.range(of: pattern, range: from..<f.endIndex) {
                let pos = f.distance(from: f.startIndex, to: r.lowerBound)
                from = r.upperBound
                // Whole words only: `tháng năm` must not read as `hàng năm`.
                if r.lowerBound > f.startIndex,
                    f[f.index(before: r.lowerBound)].isLetter || f[f.index(before: r.lowerBound)].isNumber
                {
                    continue
                }
                // `6 tháng đầu năm` inside a yearly report sentence still means a half-year report.
                if !markers.contains(where: { abs($0.position - pos) < 4 && $0.frequency == frequency }) {
                    markers.append(Marker(frequency: frequency, position: pos))
                }
            }
        }
        // `báo cáo 6 tháng và năm`: a bare `năm` after a half-year marker is the yearly report.
        markers.sort { $0.position < $1.position }
        guard !markers.isEmpty else { return [] }
        let deadlines = deadlinesIn(f)
        let to = recipient(sentence)
        var duties: [ReportingDuty] = []
        var used = Set<Int>()
        for marker in markers {
            var duty = ReportingDuty(frequency: marker.frequency, to: to)
            if marker.frequency != .adHoc {
                // The nearest unused deadline on either side, not past another periodic marker.
                let candidates = deadlines.enumerated().filter { !used.contains($0.offset) }
                if let best = candidates.min(by: {
                    abs($0.element.position - marker.position) < abs($1.element.position - marker.position)
                }),
                    abs(best.element.position - marker.position) < 120
                {
                    used.insert(best.offset)
                    duty.beforeDay = best.element.day
                    if marker.frequency == .yearly, let m = best.element.month { duty.month = .number(m) }
                    if marker.frequency == .quarterly, best.element.lastMonth { duty.month = .lastOfQuarter }
                }
            }
            // `hằng năm trước ngày 15/11 hằng năm`: one yearly duty, not two.
            if let same = duties.firstIndex(where: { $0.frequency == duty.frequency }) {
                if duties[same].beforeDay == nil && duty.beforeDay != nil { duties[same] = duty }
                continue
            }
            duties.append(duty)
        }
        return duties
    }

    struct Deadline {
        var position: Int
        var day: Int
        var month: Int?
        var lastMonth: Bool
    }

    /// `trước ngày 20`, `trước ngày 15/11`, `trước ngày 15 tháng 11`, `trước ngày 15 của tháng cuối quý`.
    static func deadlinesIn(_ f: String) -> [Deadline] {
        var out: [Deadline] = []
        var from = f.startIndex
        while let r = [f.range(of: "truoc ngay", range: from..<f.endIndex), shortDeadline(in: f, from: from)]
            .compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound })
        {
            from = r.upperBound
            let rest = f[r.upperBound...].prefix(60)
            // A full stop or semicolon ends the date with the sentence: `trước ngày 15/11.`
            let tokens = rest.split(whereSeparator: { " ,()".contains($0) }).map { $0.trimming(".;:") }
            guard let first = tokens.first else { continue }
            let parts = first.split(separator: "/")
            guard let day = Int(parts[0]), (1...31).contains(day) else { continue }
            var month: Int?
            if parts.count >= 2, let m = Int(parts[1]), (1...12).contains(m) { month = m }
            if month == nil, tokens.count >= 3, tokens[1] == "thang", let m = Int(tokens[2]), (1...12).contains(m) {
                month = m
            }
            let lastMonth = rest.contains("thang cuoi")
            out.append(
                Deadline(
                    position: f.distance(from: f.startIndex, to: r.lowerBound), day: day, month: month,
                    lastMonth: lastMonth))
        }
        return out
    }

    /// `trước 15/6` without `ngày`: the range of `truoc` when a day/month follows it.
    static func shortDeadline(in f: String, from: String.Index) -> Range<String.Index>? {
        var start = from
        while let r = f.range(of: "truoc ", range: start..<f.endIndex) {
            start = r.upperBound
            let next = f[r.upperBound...].prefix(6)
            let digits = next.prefix(while: { $0.isASCII && $0.isNumber })
            if (1...2).contains(digits.count), next.dropFirst(digits.count).first == "/" {
                return r.lowerBound..<f.index(before: r.upperBound)
            }
        }
        return nil
    }

    /// Who receives it: the first recognised name after `gửi`, `về`, `với` or `cho`.
    static func recipient(_ sentence: String) -> String? {
        let words = Words.split(sentence)
        for (i, w) in words.enumerated()
        where w.trail.isEmpty
            && (["gửi", "về", "với", "cho"].contains(w.key) || (w.key == "cáo" && i > 0 && words[i - 1].key == "báo"))
        {
            guard i + 1 < words.count, AgencyLexicon.startsName(words, at: i + 1) else { continue }
            var end = i + 1
            while end < words.count {
                if end > i + 1,
                    AgencyLexicon.predicate(words, at: end) > 0 || words[end].lead.utf8.contains(UInt8(ascii: "("))
                {
                    break
                }
                end += 1
                if words[end - 1].trail.contains(where: { ",;.:(".contains($0) }) { break }
            }
            let name = AgencyListSplitter.trimName(Words.text(sentence, words, from: i + 1, to: end))
            if !name.isEmpty { return name }
        }
        return nil
    }
}
