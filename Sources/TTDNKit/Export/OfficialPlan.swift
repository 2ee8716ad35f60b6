import Foundation

/// A plan as it is printed: everything `PlanDocument` holds, plus what the Nghị định 30/2020 layout needs
/// and extraction does not give (the bodies in the header, the text of the sections, the content of each
/// task, expected outputs). `PlanDocxWriter` prints it; `init(from:extras:)` makes one from an imported plan.
///
/// Sections are numbered by their place (`I.`, `II.`, …), so a task's Roman part always matches the
/// section it sits in; only the rest of its `ref` (`3.1.a`) is printed as its label.
public struct OfficialPlan: Sendable, Equatable {
    /// The parent body, first line of the header's left column: `UBND TỈNH LẠNG SƠN`. Printed in capitals.
    public var parentBody: String?
    /// The issuing body: `SỞ NGOẠI VỤ`. Printed in capitals, bold.
    public var issuingBody: String
    /// `KẾ HOẠCH`, `BÁO CÁO`, …
    public var kind: String = "KẾ HOẠCH"
    /// The number as assigned (`5`, `142`); nil leaves it blank for the clerk (`Số:      /KH-SNgV`).
    public var number: String?
    /// `KH-SNgV`.
    public var symbol: String?
    /// `Lạng Sơn`.
    public var place: String?
    public var date: DocumentDate?
    /// The summary line under the type (trích yếu).
    public var title: String
    /// The year the plan covers (milestones of quarters without a year fall in it).
    public var year: Int?
    /// The numbered documents the plan cites; the intro paragraphs are what prints.
    public var citations: [Citation] = []
    /// Legal bases and the opening sentence, before the first section.
    public var intro: [Paragraph] = []
    public var sections: [Section] = []
    /// After the last section (`Trên đây là Kế hoạch …`). The body's last paragraph gets `./.`.
    public var closing: [Paragraph] = []
    public var signer: Signature = Signature()
    /// Lines of `Nơi nhận:` without bullets or trailing `;`; the writer adds `Lưu: VT` when it is missing.
    public var recipients: [String] = []
    /// `Kính gửi:` addressees of a report sent upward (ND 30, mẫu 1.5), printed under the summary; empty for
    /// a plan.
    public var addressees: [String] = []

    public init(issuingBody: String, title: String) {
        self.issuingBody = issuingBody
        self.title = title
    }

    /// A paragraph of running text. A paragraph with a `boldLead` prints as a bullet whose label is bold
    /// (`- **Văn phòng Sở:** …`, as the implementation part charges units); `italic` is for legal bases.
    public struct Paragraph: Sendable, Equatable, ExpressibleByStringLiteral {
        public var text: String
        public var boldLead: String?
        public var italic: Bool

        public init(_ text: String, boldLead: String? = nil, italic: Bool = false) {
            self.text = text
            self.boldLead = boldLead
            self.italic = italic
        }

        public init(stringLiteral value: String) { self.init(value) }
    }

    /// A Roman-numbered part: `I. MỤC ĐÍCH, YÊU CẦU`, `II. NỘI DUNG THỰC HIỆN`, …
    public struct Section: Sendable, Equatable {
        public enum Kind: String, Sendable, Codable {
            case purpose, content, funding, implementation, other
        }

        public var kind: Kind
        /// Printed in capitals after the numeral.
        public var title: String
        /// Unnumbered text under the heading, before any item.
        public var paragraphs: [Paragraph] = []
        /// Numbered clauses (`1. Mục đích`) of a part that is not content.
        public var items: [Item] = []
        /// The tasks of a content part, in document order; their refs give the labels.
        public var tasks: [Task] = []
        /// Reporting duties, each written as one sentence at the end of the part.
        public var reporting: [ReportingDuty] = []
        /// Text after the reporting sentences.
        public var trailing: [Paragraph] = []

        public init(
            kind: Kind, title: String, paragraphs: [Paragraph] = [], items: [Item] = [], tasks: [Task] = [],
            reporting: [ReportingDuty] = [], trailing: [Paragraph] = []
        ) {
            self.kind = kind
            self.title = title
            self.paragraphs = paragraphs
            self.items = items
            self.tasks = tasks
            self.reporting = reporting
            self.trailing = trailing
        }
    }

    /// A numbered clause of a part that is not content: `1. Mục đích` with its paragraphs, or
    /// `2. Sở Văn hóa, Thể thao và Du lịch` in the implementation part.
    public struct Item: Sendable, Equatable {
        public var heading: String
        public var paragraphs: [Paragraph] = []
        /// `a)`, `b)`, … under the clause.
        public var points: [Item] = []
        /// The clause's own label (`II.3.1.`) instead of its number in the part: a report on a plan's tasks
        /// keeps the plan's numbering, so a reader finds each task by the number the plan gave it.
        public var label: String?

        public init(heading: String, paragraphs: [Paragraph] = [], points: [Item] = [], label: String? = nil) {
            self.heading = heading
            self.paragraphs = paragraphs
            self.points = points
            self.label = label
        }
    }

    /// A task of a content part.
    public struct Task: Sendable, Equatable {
        /// The place in the outline, `II.3.1.a`. The Roman part is replaced by the section's own numeral;
        /// the rest is printed as the label (`3.1.`, `a)`).
        public var ref: String
        public var title: String
        /// Paragraphs under the heading, before the lead/support/time lines.
        public var content: [Paragraph] = []
        public var lead: [String] = []
        public var support: [String] = []
        public var timeframe: Timeframe?
        /// A date range the app lets users enter (`từ 01/3 đến 30/6`); printed when there is no timeframe.
        public var dateRange: DateRange?
        /// Expected outputs as written (`04 số`, `02 lớp tập huấn`).
        public var outputs: [String] = []

        public init(
            ref: String, title: String, content: [Paragraph] = [], lead: [String] = [], support: [String] = [],
            timeframe: Timeframe? = nil, dateRange: DateRange? = nil, outputs: [String] = []
        ) {
            self.ref = ref
            self.title = title
            self.content = content
            self.lead = lead
            self.support = support
            self.timeframe = timeframe
            self.dateRange = dateRange
            self.outputs = outputs
        }
    }

    /// The signature block, one printed line per element.
    public struct Signature: Sendable, Equatable {
        /// `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`: one line each.
        public var authority: [String] = []
        /// `PHÓ CHỦ TỊCH`; a joined title prints as `PHÓ BÍ THƯ`, `kiêm`, `TRƯỞNG BAN`.
        public var position: [String] = []
        public var name: String?

        public init(authority: [String] = [], position: [String] = [], name: String? = nil) {
            self.authority = authority
            self.position = position
            self.name = name
        }
    }
}
