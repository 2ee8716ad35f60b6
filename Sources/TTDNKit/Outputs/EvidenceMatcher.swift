import Foundation

/// Proposes the plan tasks an output may count toward, best first, for the editor to confirm when the output
/// comes out: a bulletin issue to "Phát hành Bản tin đối ngoại … 04 số (01 số/quý)", an English article to the
/// task on content in foreign languages. It only proposes: a person links, and can unlink later.
///
/// Evidence is looked for in the task's own words, matched on the text as written (lower-cased, marks kept:
/// folding would make `ảnh` — photo — the language `Anh`):
/// - the output's kind named (`bản tin`, `sổ tay`): in the title it weighs most, in the content less;
/// - a unit the task counts in that fits (`04 số` for a bulletin, `100 tin, bài` for articles);
/// - the output's languages named after `tiếng`/`ngôn ngữ` (`tiếng Việt, tiếng Anh`, `ngôn ngữ Anh, Trung`),
///   or, for an output in a foreign language, foreign languages in general (`ngoại ngữ`, `tiếng nước ngoài`);
/// - the channel (`ấn phẩm`, `xuất bản` for publications; `trang thông tin`, `cổng thông tin`, `đăng tải`
///   for articles);
/// - words the output's title shares with the task's title.
public enum EvidenceMatcher {
    /// What a piece of work is, as far as matching goes.
    public struct Output: Sendable {
        public enum Channel: String, Sendable { case article, publication }
        public var channel: Channel
        /// How the output's kind is named, lower-cased (`bản tin`, `bản tin đối ngoại`); empty for articles.
        public var kindNames: [String]
        /// What a task counts this kind in (`số` for a bulletin's issues, `cuốn` for a book).
        public var units: [String]
        public var title: String
        /// The Vietnamese names of its languages (`Tiếng Việt`, `Tiếng Anh`, `Tiếng Trung (giản thể)`).
        public var languages: [String]

        public init(
            channel: Channel, kindNames: [String] = [], units: [String] = [], title: String,
            languages: [String] = []
        ) {
            self.channel = channel
            self.kindNames = kindNames
            self.units = units
            self.title = title
            self.languages = languages
        }
    }

    /// A task that could be proposed.
    public struct Task: Sendable {
        public var id: String
        public var title: String
        public var content: String
        /// The units of its expected outputs (`số`, `tin, bài`, `lớp tập huấn`).
        public var units: [String]
        public var isOpen: Bool

        public init(id: String, title: String, content: String, units: [String], isOpen: Bool) {
            self.id = id
            self.title = title
            self.content = content
            self.units = units
            self.isOpen = isOpen
        }
    }

    /// Why a task was proposed: codes the interface words.
    public enum Reason: String, Sendable, CaseIterable {
        case kindInTitle = "kind-title"
        case kindInContent = "kind-content"
        case unit
        case language
        case foreignLanguages = "foreign-languages"
        case channel
        case titleWords = "title-words"
    }

    public struct Proposal: Sendable, Equatable {
        public var taskID: String
        public var score: Int
        public var reasons: [Reason]
    }

    /// Proposals score at least this: a word in common alone is not enough.
    public static let threshold = 4

    /// The tasks worth proposing for `output`, best first (open tasks before closed ones on a tie, then in
    /// the order given).
    public static func propose(_ output: Output, among tasks: [Task]) -> [Proposal] {
        let titleWords = significantWords(output.title)
        let languages = output.languages.map(coreName).filter { !$0.isEmpty }
        let foreign = languages.contains { $0 != "việt" }
        var scored: [(proposal: Proposal, open: Bool, index: Int)] = []
        for (index, task) in tasks.enumerated() {
            let title = " " + words(task.title).joined(separator: " ") + " "
            let content = " " + words(task.content).joined(separator: " ") + " "
            var score = 0
            var reasons: [Reason] = []
            func add(_ reason: Reason, _ points: Int) {
                score += points
                reasons.append(reason)
            }
            let kinds = output.kindNames.map { " " + words($0).joined(separator: " ") + " " }.filter { $0 != "  " }
            if kinds.contains(where: { title.contains($0) }) {
                add(.kindInTitle, 6)
            } else if kinds.contains(where: { content.contains($0) }) {
                add(.kindInContent, 3)
            }
            let units = (output.units + (output.channel == .article ? articleUnits : publicationUnits)).map {
                words($0).joined(separator: " ")
            }
            if task.units.contains(where: { units.contains(words($0).joined(separator: " ")) }) { add(.unit, 3) }
            let named = languagesNamed(in: title + " " + content)
            if !languages.isEmpty {
                if languages.contains(where: { named.contains($0) }) {
                    add(.language, 4)
                } else if foreign, foreignMarkers.contains(where: { (title + content).contains(" " + $0 + " ") }) {
                    add(.foreignLanguages, 2)
                }
            }
            let channelWords = output.channel == .article ? articleChannel : publicationChannel
            if channelWords.contains(where: { (title + content).contains(" " + $0 + " ") }) { add(.channel, 2) }
            let shared = titleWords.intersection(significantWords(task.title)).count
            if shared > 0 { add(.titleWords, min(3, shared)) }
            guard score >= threshold else { continue }
            scored.append((Proposal(taskID: task.id, score: score, reasons: reasons), task.isOpen, index))
        }
        return scored.sorted {
            ($0.proposal.score, $0.open ? 1 : 0, -$0.index) > ($1.proposal.score, $1.open ? 1 : 0, -$1.index)
        }
        .map(\.proposal)
    }

    static let articleUnits = ["tin", "bài", "tin, bài", "tin bài", "bài viết", "tin, ảnh", "tin ảnh"]
    static let publicationUnits = ["ấn phẩm", "cuốn", "bản", "số"]
    static let articleChannel = [
        "trang thông tin", "cổng thông tin", "đăng tải", "tin, bài", "tin bài", "bài viết", "website", "trang web",
    ]
    static let publicationChannel = ["ấn phẩm", "xuất bản", "phát hành", "tài liệu"]
    static let foreignMarkers = ["ngoại ngữ", "tiếng nước ngoài", "nhiều thứ tiếng", "đa ngôn ngữ", "song ngữ"]

    /// Lower-cased words with their marks, without punctuation (`Tin, bài` → `tin`, `bài`).
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "'") }.map(String.init)
    }

    /// `Tiếng Trung (giản thể)` → `trung`; `Tiếng H'Mông` → `h'mông`.
    static func coreName(_ vietnamese: String) -> String {
        let head = vietnamese.split(separator: "(").first.map(String.init) ?? vietnamese
        var parts = words(head)
        if parts.first == "tiếng" { parts.removeFirst() }
        return parts.joined(separator: " ")
    }

    /// The language names that follow `tiếng` or `ngôn ngữ` in a padded word string, with the names listed
    /// after them (`ngôn ngữ anh trung` → `anh`, `trung`): up to four words after each marker.
    static func languagesNamed(in padded: String) -> Set<String> {
        let list = padded.split(separator: " ").map(String.init)
        var out: Set<String> = []
        var i = 0
        while i < list.count {
            var start: Int?
            if list[i] == "tiếng" { start = i + 1 }
            if list[i] == "ngôn", i + 1 < list.count, list[i + 1] == "ngữ" { start = i + 2 }
            if let start {
                for j in start..<min(list.count, start + 4) {
                    out.insert(list[j])
                    if j + 1 < list.count { out.insert(list[j] + " " + list[j + 1]) }
                }
            }
            i += 1
        }
        return out
    }

    /// Words of a title worth comparing: folded, three letters or more, not the words every plan uses.
    static func significantWords(_ text: String) -> Set<String> {
        Set(
            VietnameseText.searchKey(text).split(separator: " ").map(String.init).filter {
                $0.count >= 3 && !commonWords.contains($0)
            })
    }

    static let commonWords: Set<String> = [
        "cac", "cua", "cho", "voi", "trong", "tinh", "nam", "thong", "tin", "doi", "ngoai", "cong", "tac", "thuc",
        "hien", "nhung", "tren", "theo", "nhan", "dan", "phat", "hanh", "xuat", "ban", "quy", "thang", "ngay",
        "the", "and", "for", "with",
    ]
}
