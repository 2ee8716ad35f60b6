import Foundation

/// The parts of a plan that are prose, not tasks: *Mục đích, yêu cầu* (`purposes`) and *Kinh phí*
/// (`budget`), as their paragraphs and bullets. The sub-headings that only name what follows (`1. Mục đích`,
/// `2. Yêu cầu`) are left out; a numbered paragraph keeps its text without its number.
enum PartText {
    static func paragraphs(of kind: Outline.PartKind, _ paragraphs: [Paragraph], outline: Outline) -> [String] {
        var out: [String] = []
        for part in outline.parts where part.kind == kind {
            for index in (part.start + 1)..<part.end {
                let paragraph = paragraphs[index]
                if paragraph.isClosingFormula { continue }
                guard outline.nodeAt[index] != nil else {
                    out.append(paragraph.textWithoutEndMark)
                    continue
                }
                if let rest = afterSubheading(paragraph.body) {
                    if !rest.isEmpty { out.append(rest) }
                } else {
                    out.append(paragraph.body)
                }
            }
        }
        return out.filter { !$0.isEmpty }
    }

    /// Folded words a sub-heading of these parts consists of (`Mục đích`, `Yêu cầu`, `Mục tiêu cụ thể`,
    /// `Nguồn kinh phí`).
    static let headingWords: Set<String> = [
        "muc", "dich", "yeu", "cau", "tieu", "chung", "cu", "the", "quan", "diem", "kinh", "phi", "nguon",
        "thuc", "hien", "va",
    ]

    /// For a numbered sub-heading made only of those words: the text after its colon (empty when none).
    /// Nil for a numbered paragraph that is content.
    static func afterSubheading(_ body: String) -> String? {
        let colon = body.prefix(60).firstIndex(of: ":")
        let head = colon.map { String(body[..<$0]) } ?? body
        let words = FastFold.fold(head.trimming(".:; ")).split(separator: " ")
        guard !words.isEmpty, words.count <= 5, words.allSatisfy({ headingWords.contains(String($0)) }) else {
            return nil
        }
        return colon.map { String(body[body.index(after: $0)...]).trimmingWhitespace() } ?? ""
    }
}
