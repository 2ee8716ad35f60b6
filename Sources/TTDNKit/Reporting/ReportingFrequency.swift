/// How often a report is due (Nghị định 09/2019, Art. 4: periodic, special-topic, ad-hoc).
public enum ReportingFrequency: String, Codable, Sendable, CaseIterable {
    case monthly
    case quarterly
    case halfYearly = "half-yearly"
    case nineMonth = "nine-month"
    case yearly
    /// Đột xuất: one report when asked, deadline set by the requester.
    case adHoc = "ad-hoc"
    /// Chuyên đề: on a topic, once or a few times within a set time, as the issuer asks.
    case specialTopic = "special-topic"

    /// Periodic frequencies have periods the engine can list; the other two are dated by their request.
    public var isPeriodic: Bool {
        switch self {
        case .adHoc, .specialTopic: return false
        default: return true
        }
    }

    /// The periods of one year as (index, first calendar month, last calendar month). Half-year 2 is
    /// July–December; nine months is January–September (a provincial example: Khánh Hòa QĐ 01/2023).
    var periodsOfYear: [(index: Int, firstMonth: Int, lastMonth: Int)] {
        switch self {
        case .monthly: return (1...12).map { ($0, $0, $0) }
        case .quarterly: return (1...4).map { ($0, 3 * $0 - 2, 3 * $0) }
        case .halfYearly: return [(1, 1, 6), (2, 7, 12)]
        case .nineMonth: return [(1, 1, 9)]
        case .yearly: return [(1, 1, 12)]
        case .adHoc, .specialTopic: return []
        }
    }

    /// Vietnamese name of the frequency ("hằng tháng", "hằng quý" …), for labels and summaries.
    public var vietnameseName: String {
        switch self {
        case .monthly: return "hằng tháng"
        case .quarterly: return "hằng quý"
        case .halfYearly: return "6 tháng"
        case .nineMonth: return "9 tháng"
        case .yearly: return "hằng năm"
        case .adHoc: return "đột xuất"
        case .specialTopic: return "chuyên đề"
        }
    }
}

extension ReportingFrequency {
    /// Maps a plan's extracted frequency (`ReportingDuty.Frequency`).
    public init(_ duty: ReportingDuty.Frequency) {
        switch duty {
        case .monthly: self = .monthly
        case .quarterly: self = .quarterly
        case .halfYearly: self = .halfYearly
        case .yearly: self = .yearly
        case .adHoc: self = .adHoc
        }
    }
}
