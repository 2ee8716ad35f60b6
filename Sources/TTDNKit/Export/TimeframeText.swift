import Foundation

/// The text printed for a timeframe, chosen so that reading the exported plan gives the same timeframe
/// back: the plan's own words when the reader understands them the same way, otherwise a standard
/// wording built from the structure (a timeframe edited on screen may no longer match its old text).
public enum TimeframeText {
    /// The timeframe as it will be printed (and read back).
    public static func printable(_ timeframe: Timeframe) -> Timeframe {
        let text = timeframe.text.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty, let parsed = TimeframeParser.parse(text), sameStructure(parsed, timeframe) {
            return parsed
        }
        let canonical = Timeframe(
            text: canonicalText(timeframe, original: text), kind: timeframe.kind, quarters: timeframe.quarters,
            year: timeframe.year, every: timeframe.every, count: timeframe.count)
        return TimeframeParser.parse(canonical.text) ?? canonical
    }

    /// Kind, quarters, year and (for recurring ones) period and count agree.
    public static func sameStructure(_ a: Timeframe, _ b: Timeframe) -> Bool {
        guard a.kind == b.kind, a.year == b.year, (a.quarters ?? []) == (b.quarters ?? []) else { return false }
        if a.kind == .recurring { return a.every == b.every && a.count == b.count }
        return true
    }

    /// Standard wording for each kind: `Thường xuyên`, `Quý II, III năm 2024`, `04 lần (01 lần/quý)`,
    /// `Hằng tháng`, `Trong năm 2024`, `Theo kế hoạch riêng`.
    public static func canonicalText(_ t: Timeframe, original: String = "") -> String {
        let yearSuffix = t.year.map { " năm \($0)" } ?? ""
        switch t.kind {
        case .ongoing:
            return "Thường xuyên"
        case .quarters:
            let qs = (t.quarters ?? []).sorted().map { OutlineLabels.roman($0) }.joined(separator: ", ")
            return qs.isEmpty ? "Trong năm" + yearSuffix : "Quý \(qs)" + yearSuffix
        case .recurring:
            let unit: String
            switch t.every ?? .quarter {
            case .week: unit = "tuần"
            case .month: unit = "tháng"
            case .quarter: unit = "quý"
            case .year: unit = "năm"
            }
            guard let count = t.count else { return "Hằng \(unit)" }
            return "\(String(format: "%02d", count)) lần (01 lần/\(unit))"
        case .year:
            return "Trong năm" + yearSuffix
        case .external:
            // Keep the user's words where they can follow `Theo kế hoạch riêng` without changing the kind.
            return original.isEmpty ? "Theo kế hoạch riêng" : "Theo kế hoạch riêng (\(original))"
        }
    }
}
