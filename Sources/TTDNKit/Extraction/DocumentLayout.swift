import Foundation

/// A paragraph of the body: page-broken lines joined, its outline label read.
struct Paragraph: Sendable {
    var text: String
    /// The text after the label (equal to `text` when there is none).
    var body: String
    var label: ItemLabel?
    var line: Int
    var bullet: Bool
    var bold: Bool
    var boldLead: String?

    /// The document's closing formula (`Trên đây là Kế hoạch …`, `UBND tỉnh yêu cầu các cơ quan, đơn vị
    /// nghiêm túc thực hiện./.`): the end of the text, not a duty, a task's content or a purpose. A duty that
    /// merely carries the end mark (`… bảo đảm hiệu quả./.`, as an exported plan's last paragraph does) is not.
    var isClosingFormula: Bool {
        let trimmed = text.trimming(" ")
        if trimmed.hasPrefix("Trên đây là ") { return true }
        guard trimmed.hasSuffix("/."), trimmed.count < 200 else { return false }
        let lower = trimmed.lowercased()
        return ["nghiêm túc", "yêu cầu các", "đề nghị các", "trong quá trình thực hiện"].contains { lower.contains($0) }
    }

    /// The text without the document's end mark (`./.` → `.`).
    var textWithoutEndMark: String {
        text.hasSuffix("./.") ? String(text.dropLast(2)) : text
    }
}

/// The document cut into header (above the type line), title, body and trailer (recipients, signature).
struct DocumentLayout: Sendable {
    var header: [SourceLine] = []
    var kind: String?
    var title: String = ""
    var body: [Paragraph] = []
    var trailer: [SourceLine] = []
    var footnotes: [String] = []

    /// Document types as printed above the title (Nghị định 30/2020/NĐ-CP).
    static let kinds: [String] = [
        "KẾ HOẠCH", "BÁO CÁO", "QUYẾT ĐỊNH", "CHƯƠNG TRÌNH", "HƯỚNG DẪN", "THÔNG BÁO", "TỜ TRÌNH",
        "ĐỀ ÁN", "CHỈ THỊ", "NGHỊ QUYẾT", "CÔNG VĂN", "QUY CHẾ", "QUY ĐỊNH", "KẾT LUẬN", "PHƯƠNG ÁN",
        "THÔNG TRI", "DỰ ÁN",
    ]

    /// How far into the document the type line may sit (past the header table, never in the body).
    static let headerWindow = 40

    init(_ document: DocumentLines, joinBrokenLines: Bool) {
        let lines = document.lines
        footnotes = document.footnotes
        var bodyStart = 0
        if let (index, kind, rest) = Self.findKind(lines) {
            header = Array(lines[..<index])
            self.kind = kind
            let (title, next) = Self.readTitle(lines, after: index, inline: rest)
            self.title = title
            bodyStart = next
        }
        let trailerStart = Self.findTrailer(lines, from: bodyStart)
        trailer = Array(lines[trailerStart...])
        body = Self.paragraphs(Array(lines[bodyStart..<trailerStart]), joinBrokenLines: joinBrokenLines)
    }

    // MARK: Type line and title

    static func findKind(_ lines: [SourceLine]) -> (Int, String, String?)? {
        for (index, line) in lines.prefix(headerWindow).enumerated() {
            if ItemLabel.parse(line.text).map({ if case .roman = $0.0 { return true } else { return false } }) == true {
                return nil
            }
            let upper = line.text.uppercased()
            guard let kind = kinds.first(where: { upper.hasPrefix($0) }) else { continue }
            let rest = line.text.dropFirst(kind.count).trimmingWhitespace()
            if rest.isEmpty { return (index, kind, nil) }
            // `Kế hoạch 94/KH-UBND về …`: a website's title naming the document by its number, above its own
            // block of metadata; the document's type line comes further down.
            if Self.startsWithDocumentNumber(rest) { continue }
            // `KẾ HOẠCH Triển khai …` on one line: the rest is the title. A line in capitals that merely
            // starts with the word (`BÁO CÁO VIÊN`) is not a type line unless it stands alone.
            if let first = rest.first, first.isUppercase || first.isNumber, !line.bullet, line.text.count < 300,
                !rest.hasPrefix(":"), ItemLabel.parse(line.text) == nil
            {
                if rest.uppercased() == rest, rest.count < 12 { continue }
                return (index, kind, rest)
            }
        }
        return nil
    }

    /// `94/KH-UBND …`, `45-KH/TU …`: digits, then the slash or dash of a number-and-symbol.
    static func startsWithDocumentNumber(_ text: String) -> Bool {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let next = text.dropFirst(digits.count).first else { return false }
        return next == "/" || next == "-"
    }

    static let preambleStarts = ["căn cứ", "thực hiện", "kính gửi", "thi hành", "trên cơ sở", "nhằm", "để "]

    static func readTitle(_ lines: [SourceLine], after index: Int, inline: String?) -> (String, Int) {
        var parts: [String] = inline.map { [$0] } ?? []
        let kindBold = lines[index].bold
        var i = index + 1
        while i < lines.count, i < index + 8 {
            let line = lines[i]
            let lower = line.text.lowercased()
            if ItemLabel.parse(line.text) != nil || line.bullet { break }
            if isRecipientsHeading(line.text) || SignatureLines.isAuthority(line.text) { break }
            if preambleStarts.contains(where: { lower.hasPrefix($0) }) && !parts.isEmpty { break }
            if line.text.hasPrefix("(") && !parts.isEmpty { break }
            if lower.hasPrefix("kính gửi") { break }
            let continues =
                parts.isEmpty
                || line.text.first.map { $0.isLowercase } == true
                || (!line.blankBefore && parts.last.map { !$0.hasSuffix(".") } == true)
                || (kindBold && line.bold && line.text.count < 200)
            guard continues else { break }
            parts.append(line.text)
            i += 1
            if line.text.hasSuffix(".") && line.text.count > 150 { break }
        }
        // A subtitle in brackets (`(Kèm theo Quyết định …)`) belongs to the body, for its citations.
        return (parts.joined(separator: " "), i)
    }

    // MARK: Trailer

    static func findTrailer(_ lines: [SourceLine], from start: Int) -> Int {
        var lastPart = start
        for i in start..<lines.count {
            if let (label, _) = ItemLabel.parse(lines[i].text), case .roman = label { lastPart = i }
        }
        for i in start..<lines.count {
            let line = lines[i]
            if isRecipientsHeading(line.text) { return i }
            if i > lastPart, SignatureLines.isAuthority(line.text) { return i }
        }
        // No recipients and no `KT.`: the signature is the capitals and name at the very end.
        var i = lines.count
        var sawName = false
        while i > max(start, lastPart + 1) {
            let line = lines[i - 1]
            if !sawName, SignatureLines.isPersonName(line.text) {
                sawName = true
                i -= 1
                continue
            }
            if sawName, SignatureLines.isPosition(line.text) {
                i -= 1
                continue
            }
            break
        }
        return sawName && i < lines.count - 1 ? i : lines.count
    }

    static func isRecipientsHeading(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "N" || first == "n" else { return false }
        let folded = FastFold.fold(String(text.prefix(12)))
        return folded.hasPrefix("noi nhan") || folded.hasPrefix("noi gui")
    }

    // MARK: Paragraphs

    static func paragraphs(_ lines: [SourceLine], joinBrokenLines: Bool) -> [Paragraph] {
        var out: [Paragraph] = []
        for line in lines {
            if let last = out.last, shouldJoin(last, line, pageBreaks: joinBrokenLines),
                last.text.count < TextCleaner.maxLineLength
            {
                out[out.count - 1].text += " " + line.text
                out[out.count - 1].body += " " + line.text
                continue
            }
            let parsed = ItemLabel.parse(line.text)
            out.append(
                Paragraph(
                    text: line.text, body: parsed?.1 ?? line.text, label: parsed?.0, line: line.number,
                    bullet: line.bullet, bold: line.bold, boldLead: line.boldLead))
        }
        return out
    }

    /// Whether `next` continues `previous` across a line or page break.
    static func shouldJoin(_ previous: Paragraph, _ next: SourceLine, pageBreaks: Bool) -> Bool {
        guard let end = previous.text.last, !".;:!?".contains(end) else { return false }
        if previous.text.hasSuffix("./.") { return false }
        if next.bullet || ItemLabel.parse(next.text) != nil { return false }
        if TaskFields.label(in: next.text) != nil { return false }
        guard let first = next.text.first else { return false }
        if first.isLowercase { return true }
        guard pageBreaks else { return false }
        // A heading ends without a full stop; the paragraph under it starts with a capital.
        if previous.label != nil || previous.bold || next.bold { return false }
        if isAllCaps(previous.text) || isAllCaps(next.text) { return false }
        // A sentence cut by a page break: the line before ends inside a phrase.
        return end.isLetter || end == ","
    }

    static func isAllCaps(_ text: String) -> Bool {
        var letters = 0
        for ch in text where ch.isLetter {
            if ch.isLowercase { return false }
            letters += 1
        }
        return letters >= 2
    }
}
