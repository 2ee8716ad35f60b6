import Foundation

/// The province's report for one period, compiled from every accepted submission (issue 5): I. results per
/// task, II. shortcomings and causes, III. tasks for the next period, IV. proposals, and the agencies late
/// or missing. The app fills it from the database; the coordinator's edits replace the compiled text of a
/// part or a task; `officialDocument()` turns it into the Nghị định 30 layout (type BÁO CÁO, Kính gửi).
public struct ConsolidatedReport: Sendable, Equatable {
    public struct Contribution: Sendable, Equatable {
        public enum Role: String, Sendable { case lead, support }
        public var agency: String
        public var role: Role
        public var done: String
        /// 0…100.
        public var progress: Int?
        public var completed: Bool
        public var difficulties: String
        public var proposals: String

        public init(
            agency: String, role: Role, done: String, progress: Int? = nil, completed: Bool = false,
            difficulties: String = "", proposals: String = ""
        ) {
            self.agency = agency
            self.role = role
            self.done = done
            self.progress = progress
            self.completed = completed
            self.difficulties = difficulties
            self.proposals = proposals
        }
    }

    public struct IndicatorResult: Sendable, Equatable {
        public var name: String
        public var unit: String
        public var value: Double?
        public var target: Double?

        public init(name: String, unit: String, value: Double?, target: Double?) {
            self.name = name
            self.unit = unit
            self.value = value
            self.target = target
        }

        /// `Tin, bài đăng tải: 120/100 tin (120%)`, `… : 12 tin` without a target.
        public var line: String {
            let v = value.map(IndicatorAggregation.format) ?? "0"
            let unitText = unit.isEmpty ? "" : " \(unit)"
            guard let target, target > 0 else { return "\(name): \(v)\(unitText)" }
            let pct = Int(((value ?? 0) / target * 100).rounded())
            return "\(name): \(v)/\(IndicatorAggregation.format(target))\(unitText) (\(pct)%)"
        }
    }

    public struct TaskResult: Sendable, Equatable {
        public var id: UUID
        public var ref: String
        public var title: String
        public var contributions: [Contribution]
        public var indicators: [IndicatorResult]
        /// The coordinator's text for the task, replacing the compiled one.
        public var edited: String?

        public init(
            id: UUID, ref: String, title: String, contributions: [Contribution] = [],
            indicators: [IndicatorResult] = [], edited: String? = nil
        ) {
            self.id = id
            self.ref = ref
            self.title = title
            self.contributions = contributions
            self.indicators = indicators
            self.edited = edited
        }

        /// One line per agency that wrote something: `- Sở Ngoại vụ (chủ trì): … Tiến độ: 60%.`, leads first.
        public var compiledText: String {
            let ordered = contributions.filter { $0.role == .lead } + contributions.filter { $0.role == .support }
            return ordered.compactMap { c -> String? in
                var parts: [String] = []
                let done = c.done.trimmingCharacters(in: .whitespacesAndNewlines)
                if !done.isEmpty { parts.append(Self.sentence(done)) }
                if c.completed {
                    parts.append("Đã hoàn thành.")
                } else if let p = c.progress {
                    parts.append("Tiến độ: \(p)%.")
                }
                guard !parts.isEmpty else { return nil }
                let role = c.role == .lead ? "chủ trì" : "phối hợp"
                return "- \(c.agency) (\(role)): " + parts.joined(separator: " ")
            }.joined(separator: "\n")
        }

        public var text: String { edited ?? compiledText }

        static func sentence(_ text: String) -> String {
            let t = text.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
            guard let last = t.last else { return t }
            return ".!?;:".contains(last) ? t : t + "."
        }
    }

    /// The parts after I, each compiled and optionally replaced by the coordinator.
    public enum Part: String, Sendable, CaseIterable, Codable {
        case intro, shortcomings
        case nextPeriod = "next-period"
        case proposals

        public var heading: String {
            switch self {
            case .intro: return ""
            case .shortcomings: return "Tồn tại, hạn chế và nguyên nhân"
            case .nextPeriod: return "Nhiệm vụ trọng tâm kỳ tới"
            case .proposals: return "Kiến nghị, đề xuất"
            }
        }
    }

    public var issuingBody: String
    public var parentBody: String?
    public var place: String?
    public var date: DocumentDate?
    public var number: String?
    public var symbol: String?
    /// The summary line: `Kết quả thực hiện công tác thông tin đối ngoại quý II năm 2026`.
    public var title: String
    public var addressees: [String] = []
    public var tasks: [TaskResult] = []
    /// Agencies that submitted after the due date, and those that have not submitted (or were not accepted).
    public var late: [String] = []
    public var missing: [String] = []
    /// Tasks not yet completed, for the compiled next-period part: `ref title (lead)`.
    public var openTasks: [String] = []
    public var edits: [Part: String] = [:]
    public var signer = OfficialPlan.Signature()
    public var recipients: [String] = []

    public init(issuingBody: String, title: String) {
        self.issuingBody = issuingBody
        self.title = title
    }

    /// The compiled text of a part, before the coordinator's edits.
    public func compiled(_ part: Part) -> String {
        switch part {
        case .intro:
            var lines: [String] = []
            if !late.isEmpty { lines.append("Các cơ quan gửi báo cáo muộn: \(late.joined(separator: ", ")).") }
            if !missing.isEmpty { lines.append("Các cơ quan chưa gửi báo cáo: \(missing.joined(separator: ", ")).") }
            return lines.joined(separator: "\n")
        case .shortcomings:
            return agencyLines(\.difficulties)
        case .proposals:
            return agencyLines(\.proposals)
        case .nextPeriod:
            return openTasks.map { "- Tiếp tục thực hiện: \($0)." }.joined(separator: "\n")
        }
    }

    public func text(_ part: Part) -> String { edits[part] ?? compiled(part) }

    private func agencyLines(_ field: KeyPath<Contribution, String>) -> String {
        var seen = Set<String>()
        var lines: [String] = []
        for task in tasks {
            for c in task.contributions {
                let text = c[keyPath: field].trimmingCharacters(in: .whitespacesAndNewlines)
                guard !text.isEmpty, seen.insert("\(c.agency)|\(text)").inserted else { continue }
                lines.append("- \(c.agency): \(TaskResult.sentence(text))")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The report in the layout of an official document (ND 30, BÁO CÁO with a Kính gửi block).
    public func officialDocument() -> OfficialPlan {
        var doc = OfficialPlan(issuingBody: issuingBody, title: title)
        doc.kind = "BÁO CÁO"
        doc.parentBody = parentBody
        doc.place = place
        doc.date = date
        doc.number = number
        doc.symbol = symbol
        doc.addressees = addressees
        doc.intro = Self.paragraphs(text(.intro))
        let results = tasks.map { task -> OfficialPlan.Item in
            var paragraphs = Self.paragraphs(task.text)
            if !task.indicators.isEmpty {
                paragraphs.append(
                    OfficialPlan.Paragraph(task.indicators.map(\.line).joined(separator: "; "), boldLead: "Chỉ tiêu:"))
            }
            if paragraphs.isEmpty { paragraphs = ["Chưa có báo cáo kết quả."] }
            // The plan's own numbering (II.3.1 stays II.3.1): the reader finds each task by the number the plan
            // gave it, whatever part of the report it sits in.
            return OfficialPlan.Item(
                heading: task.title, paragraphs: paragraphs, label: task.ref.isEmpty ? nil : "\(task.ref).")
        }
        doc.sections = [OfficialPlan.Section(kind: .other, title: "Kết quả thực hiện", items: results)]
        for part in [Part.shortcomings, .nextPeriod, .proposals] {
            var paragraphs = Self.paragraphs(text(part))
            if paragraphs.isEmpty { paragraphs = ["Không có."] }
            doc.sections.append(OfficialPlan.Section(kind: .other, title: part.heading, paragraphs: paragraphs))
        }
        doc.signer = signer
        doc.recipients = recipients
        return doc
    }

    /// Non-empty lines as paragraphs.
    static func paragraphs(_ text: String) -> [OfficialPlan.Paragraph] {
        text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .map { OfficialPlan.Paragraph($0) }
    }
}
