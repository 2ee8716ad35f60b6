import Foundation

/// A plan's tasks as CSV for spreadsheets: RFC 4180 through `CSVTable`, UTF-8 with a byte-order mark
/// (without it Excel reads the file as the system code page and Vietnamese letters come out garbled).
public enum PlanTaskCSV {
    public struct Row: Sendable, Equatable {
        public var ref: String
        public var title: String
        public var lead: [String]
        public var support: [String]
        public var timeframeText: String
        /// `ongoing`, `quarters`, `recurring`, `year`, `external`, `date-range`, or empty.
        public var timeframeKind: String
        public var nextMilestone: LocalDate?
        /// As the app names it (`hoàn thành đúng hạn`, `in-progress`): written as given.
        public var status: String
        /// Percent done, 0–100.
        public var progress: Int?

        public init(
            ref: String, title: String, lead: [String] = [], support: [String] = [], timeframeText: String = "",
            timeframeKind: String = "", nextMilestone: LocalDate? = nil, status: String = "", progress: Int? = nil
        ) {
            self.ref = ref
            self.title = title
            self.lead = lead
            self.support = support
            self.timeframeText = timeframeText
            self.timeframeKind = timeframeKind
            self.nextMilestone = nextMilestone
            self.status = status
            self.progress = progress
        }

        /// A row for a plan task; the timeframe's text and kind are taken from it.
        public init(task: PlanTask, nextMilestone: LocalDate? = nil, status: String = "", progress: Int? = nil) {
            self.init(
                ref: task.ref, title: task.title, lead: task.lead, support: task.support,
                timeframeText: task.timeframe?.text ?? "", timeframeKind: task.timeframe?.kind.rawValue ?? "",
                nextMilestone: nextMilestone, status: status, progress: progress)
        }

        /// A row for an exported task; a date range counts as kind `date-range`.
        public init(task: OfficialPlan.Task, nextMilestone: LocalDate? = nil, status: String = "", progress: Int? = nil)
        {
            let kind = task.timeframe?.kind.rawValue ?? (task.dateRange == nil ? "" : "date-range")
            self.init(
                ref: task.ref, title: task.title, lead: task.lead, support: task.support,
                timeframeText: task.timeframeLine ?? "", timeframeKind: kind,
                nextMilestone: nextMilestone, status: status, progress: progress)
        }

        var fields: [String] {
            [
                ref, title, lead.joined(separator: "; "), support.joined(separator: "; "), timeframeText, timeframeKind,
                nextMilestone?.iso ?? "", status, progress.map(String.init) ?? "",
            ]
        }
    }

    /// Column headings in Vietnamese, for people.
    public static let vietnameseHeader = [
        "Mục", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện", "Loại thời gian",
        "Mốc tiếp theo",
        "Trạng thái", "Tiến độ (%)",
    ]
    /// Column headings as keys, for programs.
    public static let keyHeader = [
        "ref", "title", "lead", "support", "timeframe", "timeframe_kind", "next_milestone", "status", "progress",
    ]

    /// The CSV text, CRLF line ends, without the byte-order mark.
    public static func text(_ rows: [Row], header: [String] = vietnameseHeader) -> String {
        CSVTable.encode([header] + rows.map(\.fields))
    }

    /// The file's bytes: UTF-8 with a byte-order mark.
    public static func data(_ rows: [Row], header: [String] = vietnameseHeader) -> Data {
        Data([0xEF, 0xBB, 0xBF]) + Data(text(rows, header: header).utf8)
    }
}
