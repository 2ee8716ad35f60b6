import Foundation

/// What changed between two revisions of an article's source, paragraph by paragraph (as wagtail-localize
/// splits a page into segments): a translator retranslates the paragraphs that changed, and sees inside each
/// which words did.
extension TextDiff {
    public struct ParagraphChange: Sendable, Equatable {
        public enum Kind: String, Sendable, Equatable { case same, removed, added, changed }

        public var kind: Kind
        /// The paragraph before (nil when added) and after (nil when removed).
        public var old: String?
        public var new: String?
        /// For `changed`: the words that changed inside it.
        public var words: [Segment]

        public init(kind: Kind, old: String?, new: String?, words: [Segment] = []) {
            self.kind = kind
            self.old = old
            self.new = new
            self.words = words
        }
    }

    /// Paragraphs are separated by blank lines (Markdown's rule); spaces around them do not count. A paragraph
    /// removed where another was added is one paragraph changed, with its words compared.
    public static func paragraphs(_ old: String, _ new: String) -> [ParagraphChange] {
        let a = splitParagraphs(old)
        let b = splitParagraphs(new)
        let steps: [(Kind, Substring)] =
            a.count * b.count > maxCells
            ? a.map { (.removed, $0) } + b.map { (.added, $0) } : lcs(a, b)
        var out: [ParagraphChange] = []
        var removed: [Substring] = []
        var added: [Substring] = []
        func flush() {
            let paired = min(removed.count, added.count)
            for k in 0..<paired {
                out.append(
                    ParagraphChange(
                        kind: .changed, old: String(removed[k]), new: String(added[k]),
                        words: words(String(removed[k]), String(added[k]))))
            }
            for paragraph in removed.dropFirst(paired) {
                out.append(ParagraphChange(kind: .removed, old: String(paragraph), new: nil))
            }
            for paragraph in added.dropFirst(paired) {
                out.append(ParagraphChange(kind: .added, old: nil, new: String(paragraph)))
            }
            removed = []
            added = []
        }
        for (kind, paragraph) in steps {
            switch kind {
            case .same:
                flush()
                out.append(ParagraphChange(kind: .same, old: String(paragraph), new: String(paragraph)))
            case .removed: removed.append(paragraph)
            case .added: added.append(paragraph)
            }
        }
        flush()
        return out
    }

    static func splitParagraphs(_ text: String) -> [Substring] {
        var paragraphs: [Substring] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append(Substring(current.joined(separator: "\n"))) }
                current = []
            } else {
                current.append(Substring(trimmed))
            }
        }
        if !current.isEmpty { paragraphs.append(Substring(current.joined(separator: "\n"))) }
        return paragraphs
    }
}
