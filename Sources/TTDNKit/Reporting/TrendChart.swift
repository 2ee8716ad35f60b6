import Foundation

/// The dashboard's trend chart: submitted and on-time rates per period as an SVG line chart, drawn on the
/// server (no script, prints, scales with the page). Labels are escaped here; the page embeds the result.
public enum TrendChart {
    public struct Series: Sendable, Equatable {
        public var name: String
        /// CSS class of the line (`submitted`, `on-time`), styled by the app's stylesheet.
        public var cssClass: String
        /// One value per period, 0…1; nil where nothing was expected.
        public var values: [Double?]

        public init(name: String, cssClass: String, values: [Double?]) {
            self.name = name
            self.cssClass = cssClass
            self.values = values
        }
    }

    public static func svg(title: String, periods: [String], series: [Series], width: Int = 640, height: Int = 240) -> String {
        let left = 44.0, right = 12.0, top = 16.0, bottom = 52.0
        let plotW = Double(width) - left - right, plotH = Double(height) - top - bottom
        let step = periods.count > 1 ? plotW / Double(periods.count - 1) : 0
        func x(_ i: Int) -> Double { periods.count > 1 ? left + Double(i) * step : left + plotW / 2 }
        func y(_ v: Double) -> Double { top + (1 - min(max(v, 0), 1)) * plotH }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend-chart\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"trend-title\">"
        out += "<title id=\"trend-title\">\(escape(title))</title>"
        for pct in [0, 25, 50, 75, 100] {
            let yy = fmt(y(Double(pct) / 100))
            out += "<line class=\"grid\" x1=\"\(fmt(left))\" y1=\"\(yy)\" x2=\"\(fmt(left + plotW))\" y2=\"\(yy)\"/>"
            out += "<text class=\"axis\" x=\"\(fmt(left - 6))\" y=\"\(yy)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(pct)%</text>"
        }
        for (i, label) in periods.enumerated() {
            out += "<text class=\"axis\" x=\"\(fmt(x(i)))\" y=\"\(fmt(top + plotH + 16))\" text-anchor=\"middle\">\(escape(label))</text>"
        }
        for s in series {
            // A line breaks where a period has nothing expected, rather than joining across the gap.
            var runs: [[(Double, Double)]] = [[]]
            for (i, v) in s.values.enumerated() {
                if let v { runs[runs.count - 1].append((x(i), y(v))) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
            }
            out += "<g class=\"series \(escape(s.cssClass))\">"
            for run in runs where !run.isEmpty {
                if run.count > 1 {
                    out += "<polyline fill=\"none\" points=\"\(run.map { "\(fmt($0.0)),\(fmt($0.1))" }.joined(separator: " "))\"/>"
                }
                for (px, py) in run { out += "<circle cx=\"\(fmt(px))\" cy=\"\(fmt(py))\" r=\"3\"/>" }
            }
            out += "</g>"
        }
        for (k, s) in series.enumerated() {
            let lx = left + Double(k) * 180
            let ly = Double(height) - 14
            out += "<g class=\"legend series \(escape(s.cssClass))\"><line x1=\"\(fmt(lx))\" y1=\"\(fmt(ly))\" x2=\"\(fmt(lx + 20))\" y2=\"\(fmt(ly))\"/>"
            out += "<text x=\"\(fmt(lx + 26))\" y=\"\(fmt(ly))\" dominant-baseline=\"middle\">\(escape(s.name))</text></g>"
        }
        return out + "</svg>"
    }

    static func fmt(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    public static func escape(_ text: String) -> String {
        var s = ""
        for ch in text {
            switch ch {
            case "&": s += "&amp;"
            case "<": s += "&lt;"
            case ">": s += "&gt;"
            case "\"": s += "&quot;"
            case "'": s += "&#39;"
            default: s.append(ch)
            }
        }
        return s
    }
}
