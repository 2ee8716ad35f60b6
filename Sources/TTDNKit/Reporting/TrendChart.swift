import Foundation

/// The dashboard's trend chart: submitted and on-time rates per period as an SVG line chart, drawn on the
/// server (no script, prints, scales with the page). `layout` computes the geometry; the dashboard's template
/// draws it, so every text passes through Leaf's escaping.
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

    public struct Layout: Sendable, Equatable, Encodable {
        public struct Label: Sendable, Equatable, Encodable {
            public var x: String
            public var y: String
            public var text: String
        }

        public struct Line: Sendable, Equatable, Encodable {
            public var x1: String
            public var y1: String
            public var x2: String
            public var y2: String
        }

        public struct Point: Sendable, Equatable, Encodable {
            public var x: String
            public var y: String
        }

        public struct Drawn: Sendable, Equatable, Encodable {
            public var name: String
            public var cssClass: String
            /// `x,y x,y …` for each unbroken run of two points or more.
            public var polylines: [String]
            public var points: [Point]
            public var legendLine: Line
            public var legendText: Label
        }

        public var title: String
        public var width: Int
        public var height: Int
        public var grid: [Line]
        public var yLabels: [Label]
        public var xLabels: [Label]
        public var series: [Drawn]
    }

    /// `maxLabels`: at most this many period labels under the axis, every k-th period's (a phone's narrow chart
    /// cannot print twelve month labels side by side); every period keeps its point.
    public static func layout(
        title: String, periods: [String], series: [Series], width: Int = 640, height: Int = 240,
        maxLabels: Int = .max
    ) -> Layout {
        let left = 44.0
        let right = 12.0
        let top = 16.0
        let bottom = 52.0
        let plotW = Double(width) - left - right
        let plotH = Double(height) - top - bottom
        let step = periods.count > 1 ? plotW / Double(periods.count - 1) : 0
        func x(_ i: Int) -> Double { periods.count > 1 ? left + Double(i) * step : left + plotW / 2 }
        func y(_ v: Double) -> Double { top + (1 - min(max(v, 0), 1)) * plotH }
        var grid: [Layout.Line] = []
        var yLabels: [Layout.Label] = []
        for pct in [0, 25, 50, 75, 100] {
            let yy = fmt(y(Double(pct) / 100))
            grid.append(.init(x1: fmt(left), y1: yy, x2: fmt(left + plotW), y2: yy))
            yLabels.append(.init(x: fmt(left - 6), y: yy, text: "\(pct)%"))
        }
        let most = max(1, maxLabels)
        let every = periods.count <= most ? 1 : (periods.count + most - 1) / most
        let xLabels = periods.enumerated().filter { $0.offset % every == 0 }.map { i, label in
            Layout.Label(x: fmt(x(i)), y: fmt(top + plotH + 16), text: label)
        }
        let drawn = series.enumerated().map { k, s -> Layout.Drawn in
            // A line breaks where a period has nothing expected, rather than joining across the gap.
            var runs: [[(Double, Double)]] = [[]]
            for (i, v) in s.values.enumerated() {
                if let v {
                    runs[runs.count - 1].append((x(i), y(v)))
                } else if !runs[runs.count - 1].isEmpty {
                    runs.append([])
                }
            }
            let lx = left + Double(k) * 180
            let ly = Double(height) - 14
            return Layout.Drawn(
                name: s.name, cssClass: s.cssClass,
                polylines: runs.filter { $0.count > 1 }.map {
                    $0.map { "\(fmt($0.0)),\(fmt($0.1))" }.joined(separator: " ")
                },
                points: runs.flatMap { $0 }.map { Layout.Point(x: fmt($0.0), y: fmt($0.1)) },
                legendLine: .init(x1: fmt(lx), y1: fmt(ly), x2: fmt(lx + 20), y2: fmt(ly)),
                legendText: .init(x: fmt(lx + 26), y: fmt(ly), text: s.name))
        }
        return Layout(
            title: title, width: width, height: height, grid: grid, yLabels: yLabels, xLabels: xLabels, series: drawn)
    }

    static func fmt(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
