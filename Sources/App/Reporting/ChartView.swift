import TTDNKit

/// One drawing of a chart for the page: `wide` for screens, `narrow` for phones (the stylesheet shows one).
struct ChartView: Encodable {
    let variant: String
    let chart: TrendChart.Layout
}
