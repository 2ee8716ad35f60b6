/// How an indicator's values (chỉ tiêu) add up: over the periods of a year, and over the agencies of a
/// period. Articles published add up (`sum`); a standing count such as partner localities is the latest
/// figure reported (`latest`); a peak such as the largest delegation is the `maximum`.
public enum IndicatorAggregation: String, Codable, Sendable, CaseIterable {
    case sum, latest, maximum

    /// Combines one agency's values in period order (oldest first).
    public func overPeriods(_ values: [Double]) -> Double? {
        guard let last = values.last else { return nil }
        switch self {
        case .sum: return values.reduce(0, +)
        case .latest: return last
        case .maximum: return values.max()
        }
    }

    /// Combines the agencies' figures for one period: each agency reports its own share, so they add up,
    /// except for a maximum.
    public func overAgencies(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        switch self {
        case .sum, .latest: return values.reduce(0, +)
        case .maximum: return values.max()
        }
    }

    /// Per agency over periods, then over agencies: `values[agency]` in period order.
    public func total(_ values: [[Double]]) -> Double? {
        overAgencies(values.compactMap { overPeriods($0) })
    }

    public var vietnameseName: String {
        switch self {
        case .sum: return "Cộng dồn"
        case .latest: return "Số mới nhất"
        case .maximum: return "Lớn nhất"
        }
    }

    /// A figure without a needless ".0": 12, 12.5.
    public static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
