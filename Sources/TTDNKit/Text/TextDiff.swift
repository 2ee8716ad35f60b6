/// What changed between two texts, word by word: the longest common run of words kept, the rest marked
/// removed or added. For a report's versions (what an agency changed when it sent it again) and, later,
/// an article's source revisions. Words keep their following spaces and line breaks, so joining the
/// segments of either side gives that side back exactly.
public enum TextDiff {
    public enum Kind: String, Sendable, Equatable { case same, removed, added }

    public struct Segment: Sendable, Equatable {
        public var kind: Kind
        public var text: String

        public init(_ kind: Kind, _ text: String) {
            self.kind = kind
            self.text = text
        }
    }

    /// Above this many word pairs the texts are shown as one removal and one addition: a table of
    /// `old × new` cells must stay small whatever an agency pastes.
    static let maxCells = 4_000_000

    public static func words(_ old: String, _ new: String) -> [Segment] {
        let a = tokens(old)
        let b = tokens(new)
        // Common head and tail first: most edits touch a few words in the middle.
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        let midA = Array(a[head..<(a.count - tail)])
        let midB = Array(b[head..<(b.count - tail)])
        var out: [Segment] = []
        func emit(_ kind: Kind, _ text: Substring) {
            guard !text.isEmpty else { return }
            if let last = out.last, last.kind == kind {
                out[out.count - 1].text += text
            } else {
                out.append(Segment(kind, String(text)))
            }
        }
        for word in a[0..<head] { emit(.same, word) }
        if midA.count * midB.count > maxCells {
            for word in midA { emit(.removed, word) }
            for word in midB { emit(.added, word) }
        } else {
            for (kind, word) in lcs(midA, midB) { emit(kind, word) }
        }
        for word in a[(a.count - tail)...] { emit(.same, word) }
        return out
    }

    /// Words with the spaces after them (`"Phát "`, `"hành\n"`).
    static func tokens(_ text: String) -> [Substring] {
        var out: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        var inSpace = false
        while index < text.endIndex {
            let isSpace = text[index].isWhitespace
            if inSpace && !isSpace {
                out.append(text[start..<index])
                start = index
            }
            inSpace = isSpace
            index = text.index(after: index)
        }
        if start < text.endIndex { out.append(text[start...]) }
        return out
    }

    static func lcs(_ a: [Substring], _ b: [Substring]) -> [(Kind, Substring)] {
        let n = a.count
        let m = b.count
        // lengths[i][j]: the longest common run of a[i...] and b[j...], in one flat array.
        var lengths = [Int](repeating: 0, count: (n + 1) * (m + 1))
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lengths[i * (m + 1) + j] =
                        a[i] == b[j]
                        ? lengths[(i + 1) * (m + 1) + j + 1] + 1
                        : max(lengths[(i + 1) * (m + 1) + j], lengths[i * (m + 1) + j + 1])
                }
            }
        }
        var out: [(Kind, Substring)] = []
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                out.append((.same, a[i]))
                i += 1
                j += 1
            } else if i < n, j == m || lengths[(i + 1) * (m + 1) + j] >= lengths[i * (m + 1) + j + 1] {
                // What went comes before what came in its place.
                out.append((.removed, a[i]))
                i += 1
            } else {
                out.append((.added, b[j]))
                j += 1
            }
        }
        return out
    }
}
