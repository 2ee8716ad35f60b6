import Foundation

/// One plan in the `ttdn.plan/2` interchange format (shared/plan-extraction/SPEC.md).
///
/// Optional fields are encoded as explicit `null`, never omitted, so a reader can tell
/// "the plan leaves this blank" from "an older writer did not know the field". A `ttdn.plan/1` document
/// (no task content, duties, purposes or budget) decodes with those empty.
public struct PlanDocument: Codable, Sendable, Equatable {
    public static let formatName = "ttdn.plan/2"

    public var format: String = PlanDocument.formatName
    public var kind: String?
    public var number: String?
    public var symbol: String?
    public var place: String?
    /// `YYYY-MM-DD`, or `YYYY-MM` when the day is left blank, or `YYYY` when the month is too.
    public var date: String?
    public var title: String = ""
    public var year: Int?
    public var citations: [Citation] = []
    public var tasks: [PlanTask] = []
    public var responsibilities: [Responsibility] = []
    public var reporting: [ReportingDuty] = []
    public var signer: Signer = Signer()
    public var recipients: [String] = []
    /// The paragraphs and bullets of the *Mục đích, yêu cầu* part, as text (`TextBlock`).
    public var purposes: [String] = []
    /// The paragraphs and bullets of the *Kinh phí* part, as text.
    public var budget: [String] = []

    public init() {}

    enum CodingKeys: String, CodingKey {
        case format, kind, number, symbol, place, date, title, year
        case citations, tasks, responsibilities, reporting, signer, recipients, purposes, budget
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decodeIfPresent(String.self, forKey: .format) ?? PlanDocument.formatName
        kind = try c.decodeIfPresent(String.self, forKey: .kind)
        number = try c.decodeIfPresent(String.self, forKey: .number)
        symbol = try c.decodeIfPresent(String.self, forKey: .symbol)
        place = try c.decodeIfPresent(String.self, forKey: .place)
        date = try c.decodeIfPresent(String.self, forKey: .date)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
        year = try c.decodeIfPresent(Int.self, forKey: .year)
        citations = try c.decodeIfPresent([Citation].self, forKey: .citations) ?? []
        tasks = try c.decodeIfPresent([PlanTask].self, forKey: .tasks) ?? []
        responsibilities = try c.decodeIfPresent([Responsibility].self, forKey: .responsibilities) ?? []
        reporting = try c.decodeIfPresent([ReportingDuty].self, forKey: .reporting) ?? []
        signer = try c.decodeIfPresent(Signer.self, forKey: .signer) ?? Signer()
        recipients = try c.decodeIfPresent([String].self, forKey: .recipients) ?? []
        purposes = try c.decodeIfPresent([String].self, forKey: .purposes) ?? []
        budget = try c.decodeIfPresent([String].self, forKey: .budget) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(kind, forKey: .kind)
        try c.encode(number, forKey: .number)
        try c.encode(symbol, forKey: .symbol)
        try c.encode(place, forKey: .place)
        try c.encode(date, forKey: .date)
        try c.encode(title, forKey: .title)
        try c.encode(year, forKey: .year)
        try c.encode(citations, forKey: .citations)
        try c.encode(tasks, forKey: .tasks)
        try c.encode(responsibilities, forKey: .responsibilities)
        try c.encode(reporting, forKey: .reporting)
        try c.encode(signer, forKey: .signer)
        try c.encode(recipients, forKey: .recipients)
        try c.encode(purposes, forKey: .purposes)
        try c.encode(budget, forKey: .budget)
    }
}

/// A numbered document the plan cites (`Nghị định số 72/2015/NĐ-CP ngày 07/9/2015`).
public struct Citation: Codable, Sendable, Equatable {
    public var kind: String?
    /// The number with its symbol and no spaces: `72/2015/NĐ-CP`.
    public var number: String
    public var date: String?

    public init(kind: String?, number: String, date: String?) {
        self.kind = kind
        self.number = number
        self.date = date
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(number, forKey: .number)
        try c.encode(date, forKey: .date)
    }
}

/// A numbered item of the plan's content parts.
public struct PlanTask: Codable, Sendable, Equatable {
    /// The Roman part, then the item's own label: `II.3.1.a`.
    public var ref: String
    public var title: String
    public var lead: [String] = []
    public var support: [String] = []
    public var timeframe: Timeframe?
    /// What the task asks, as written: the rest of its heading after the title, then its body's paragraphs
    /// and bullets up to the next numbered item, without the lines that only carry units or time.
    public var content: [String] = []

    public init(
        ref: String, title: String, lead: [String] = [], support: [String] = [], timeframe: Timeframe? = nil,
        content: [String] = []
    ) {
        self.ref = ref
        self.title = title
        self.lead = lead
        self.support = support
        self.timeframe = timeframe
        self.content = content
    }

    enum CodingKeys: String, CodingKey { case ref, title, lead, support, timeframe, content }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        ref = try c.decode(String.self, forKey: .ref)
        title = try c.decode(String.self, forKey: .title)
        lead = try c.decodeIfPresent([String].self, forKey: .lead) ?? []
        support = try c.decodeIfPresent([String].self, forKey: .support) ?? []
        timeframe = try c.decodeIfPresent(Timeframe.self, forKey: .timeframe)
        content = try c.decodeIfPresent([String].self, forKey: .content) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ref, forKey: .ref)
        try c.encode(title, forKey: .title)
        try c.encode(lead, forKey: .lead)
        try c.encode(support, forKey: .support)
        try c.encode(timeframe, forKey: .timeframe)
        try c.encode(content, forKey: .content)
    }
}

/// When a task is due, as printed and as structure.
public struct Timeframe: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case ongoing, quarters, recurring, year, external
    }
    public enum Period: String, Codable, Sendable {
        case week, month, quarter, year
    }

    public var text: String
    public var kind: Kind
    public var quarters: [Int]?
    public var year: Int?
    /// Only for `recurring`.
    public var every: Period?
    /// Only for `recurring`: how many in all (`04 số` → 4), nil when not stated.
    public var count: Int?

    public init(
        text: String, kind: Kind, quarters: [Int]? = nil, year: Int? = nil, every: Period? = nil, count: Int? = nil
    ) {
        self.text = text
        self.kind = kind
        self.quarters = quarters
        self.year = year
        self.every = every
        self.count = count
    }

    enum CodingKeys: String, CodingKey { case text, kind, quarters, year, every, count }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(kind, forKey: .kind)
        try c.encode(quarters, forKey: .quarters)
        try c.encode(year, forKey: .year)
        if kind == .recurring {
            try c.encode(every, forKey: .every)
            try c.encode(count, forKey: .count)
        }
    }
}

/// Who the implementation part charges (`IV.3`: Sở Thông tin và Truyền thông).
public struct Responsibility: Codable, Sendable, Equatable {
    public var ref: String
    public var agencies: [String]
    /// What those agencies must do, as written: the text after their label and the paragraphs under it.
    public var duties: [String] = []

    public init(ref: String, agencies: [String], duties: [String] = []) {
        self.ref = ref
        self.agencies = agencies
        self.duties = duties
    }

    enum CodingKeys: String, CodingKey { case ref, agencies, duties }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        ref = try c.decode(String.self, forKey: .ref)
        agencies = try c.decodeIfPresent([String].self, forKey: .agencies) ?? []
        duties = try c.decodeIfPresent([String].self, forKey: .duties) ?? []
    }
}

/// A periodic (or ad-hoc) report the plan requires.
public struct ReportingDuty: Codable, Sendable, Equatable {
    public enum Frequency: String, Codable, Sendable {
        case monthly, quarterly
        case halfYearly = "half-yearly"
        case yearly
        case adHoc = "ad-hoc"
    }
    /// The month a report is due in: a number for yearly ones, `last` for "the quarter's last month".
    public enum DueMonth: Codable, Sendable, Equatable {
        case number(Int)
        case lastOfQuarter

        public init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Int.self) {
                self = .number(n)
            } else {
                _ = try c.decode(String.self)
                self = .lastOfQuarter
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .number(let n): try c.encode(n)
            case .lastOfQuarter: try c.encode("last")
            }
        }
    }

    public var frequency: Frequency
    public var beforeDay: Int?
    public var month: DueMonth?
    public var to: String?

    public init(frequency: Frequency, beforeDay: Int? = nil, month: DueMonth? = nil, to: String? = nil) {
        self.frequency = frequency
        self.beforeDay = beforeDay
        self.month = month
        self.to = to
    }

    enum CodingKeys: String, CodingKey {
        case frequency
        case beforeDay = "before_day"
        case month, to
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(frequency, forKey: .frequency)
        try c.encode(beforeDay, forKey: .beforeDay)
        try c.encode(month, forKey: .month)
        try c.encode(to, forKey: .to)
    }
}

/// The signature block.
public struct Signer: Codable, Sendable, Equatable {
    public var name: String?
    public var position: String?
    /// `TM.`/`KT.`/`T/M` lines joined with a space.
    public var authority: String?

    public init(name: String? = nil, position: String? = nil, authority: String? = nil) {
        self.name = name
        self.position = position
        self.authority = authority
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(position, forKey: .position)
        try c.encode(authority, forKey: .authority)
    }
}
