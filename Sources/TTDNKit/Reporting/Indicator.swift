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

/// The indicators foreign-information plans count most often (Thông tư 22/2016 channels; the list),
/// offered when a province starts with none.
public enum IndicatorCatalog {
    public struct Entry: Sendable, Equatable {
        public var code: String
        public var name: String
        public var unit: String
        public var aggregation: IndicatorAggregation

        public init(code: String, name: String, unit: String, aggregation: IndicatorAggregation) {
            self.code = code
            self.name = name
            self.unit = unit
            self.aggregation = aggregation
        }
    }

    public static let defaults: [Entry] = [
        .init(code: "tin-bai", name: "Tin, bài đăng tải", unit: "tin, bài", aggregation: .sum),
        .init(code: "an-pham", name: "Ấn phẩm xuất bản", unit: "ấn phẩm", aggregation: .sum),
        .init(code: "ban-in", name: "Số bản in, phát hành", unit: "bản", aggregation: .sum),
        .init(code: "phong-vien-nn", name: "Phóng viên nước ngoài được đón tiếp", unit: "lượt", aggregation: .sum),
        .init(code: "doan-ra", name: "Đoàn ra", unit: "đoàn", aggregation: .sum),
        .init(code: "doan-vao", name: "Đoàn vào", unit: "đoàn", aggregation: .sum),
        .init(code: "lop-tap-huan", name: "Lớp tập huấn, bồi dưỡng", unit: "lớp", aggregation: .sum),
        .init(code: "hoc-vien", name: "Lượt người được tập huấn", unit: "người", aggregation: .sum),
        .init(
            code: "dia-phuong-ket-nghia", name: "Địa phương nước ngoài có quan hệ hợp tác", unit: "địa phương",
            aggregation: .latest),
    ]
}
