import Foundation

/// The document's outline: which Roman part and which numbered item every paragraph falls under.
struct Outline {
    enum PartKind: Equatable {
        case purpose, content, funding, implementation, other
    }

    struct Part {
        var label: String
        var title: String
        var kind: PartKind
        /// Paragraph indices `start..<end` (the heading included).
        var start: Int
        var end: Int
    }

    var nodes: [OutlineNode] = []
    /// For each paragraph, the index in `nodes` of the item it heads, if any.
    var nodeAt: [Int?] = []
    var parts: [Part] = []

    init(_ paragraphs: [Paragraph]) {
        nodeAt = Array(repeating: nil, count: paragraphs.count)
        var roman: String?
        var numbers: [Int] = []
        var numberDepth = 0
        for (index, paragraph) in paragraphs.enumerated() {
            guard let label = paragraph.label, !paragraph.bullet else { continue }
            let node: OutlineNode
            switch label {
            case .roman(let r):
                roman = r
                numbers = []
                numberDepth = 0
                if var last = parts.last {
                    last.end = index
                    parts[parts.count - 1] = last
                }
                parts.append(
                    Part(
                        label: r, title: paragraph.body, kind: Self.kind(of: paragraph.body), start: index,
                        end: paragraphs.count))
                node = OutlineNode(kind: .part, label: r, ref: r, text: paragraph.body, depth: 0, line: paragraph.line)
            case .number(let n):
                numbers = n
                numberDepth = n.count
                let ref = ([roman].compactMap { $0 } + n.map(String.init)).joined(separator: ".")
                node = OutlineNode(
                    kind: .item, label: label.text, ref: ref, text: paragraph.body, depth: n.count, line: paragraph.line
                )
            case .letter(let l):
                let ref = ([roman].compactMap { $0 } + numbers.map(String.init) + [l]).joined(separator: ".")
                node = OutlineNode(
                    kind: .letter, label: l, ref: ref, text: paragraph.body, depth: numberDepth + 1,
                    line: paragraph.line)
            }
            nodeAt[index] = nodes.count
            nodes.append(node)
        }
    }

    static func kind(of title: String) -> PartKind {
        let f = FastFold.fold(title)
        if f.contains("to chuc thuc hien") || f.hasPrefix("trach nhiem") || f.hasPrefix("phan cong") {
            return .implementation
        }
        if f.hasPrefix("kinh phi") || f.hasPrefix("nguon kinh phi") { return .funding }
        if f.hasPrefix("muc dich") || f.hasPrefix("muc tieu") || f.hasPrefix("yeu cau") || f.hasPrefix("quan diem") {
            return .purpose
        }
        if f.contains("noi dung") || f.contains("nhiem vu") || f.contains("hoat dong") || f.contains("giai phap") {
            return .content
        }
        return .other
    }
}
