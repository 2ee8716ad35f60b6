import Foundation

/// Walks `word/document.xml` and writes its paragraphs out as lines.
struct DocxBody {
    private var numbering: DocxNumbering
    private let styles: DocxStyles

    private struct ParagraphState {
        var segments: [(text: String, bold: Bool)] = []
        var numId: String?
        var ilvl: Int?
        var style: String?
    }

    private var stack: [ParagraphState] = []
    private var out = ""
    private var runBold = false
    private var inRunProperties = false
    private var inText = false
    /// Inside `mc:Fallback`, `w:instrText` and the like: text that is not shown, or shown twice.
    private var skipDepth = 0

    init(numbering: DocxNumbering, styles: DocxStyles) {
        self.numbering = numbering
        self.styles = styles
    }

    mutating func read(_ xml: [UInt8]) throws(XMLTokenizer.XMLError) -> String {
        var tokenizer = XMLTokenizer(xml)
        out.reserveCapacity(xml.count / 4)
        while let event = try tokenizer.next() {
            switch event {
            case .start(let name, let attributes, let selfClosing):
                if skipDepth > 0 {
                    if !selfClosing { skipDepth += 1 }
                    continue
                }
                start(name, attributes, selfClosing: selfClosing)
            case .end(let name):
                if skipDepth > 0 {
                    skipDepth -= 1
                    continue
                }
                end(name)
            case .text(let text):
                if inText, skipDepth == 0, !stack.isEmpty { append(text) }
            }
        }
        while !stack.isEmpty { end("p") }
        return out
    }

    private mutating func append(_ text: String) {
        guard !stack.isEmpty else { return }
        let bold = runBold || (stack[stack.count - 1].style.map(styles.isBold) ?? false)
        if let last = stack[stack.count - 1].segments.last, last.bold == bold {
            stack[stack.count - 1].segments[stack[stack.count - 1].segments.count - 1].text += text
        } else {
            stack[stack.count - 1].segments.append((text, bold))
        }
    }

    private mutating func start(_ name: Substring, _ attributes: [(Substring, String)], selfClosing: Bool) {
        let val = DocxNumbering.attribute(attributes, "val")
        switch name {
        case "Fallback", "instrText", "delText", "del", "moveFrom", "footnoteReference", "endnoteReference",
            "commentReference":
            if !selfClosing { skipDepth = 1 }
        case "p":
            if selfClosing { out += "\n" } else { stack.append(ParagraphState()) }
        case "pStyle": if !stack.isEmpty { stack[stack.count - 1].style = val }
        case "numId": if !stack.isEmpty { stack[stack.count - 1].numId = val }
        case "ilvl": if !stack.isEmpty { stack[stack.count - 1].ilvl = val.flatMap { Int($0) } }
        case "r": runBold = false
        case "rPr": inRunProperties = true
        case "b": if inRunProperties { runBold = val != "0" && val != "false" }
        case "t": inText = !selfClosing
        case "tab": if inText || !stack.isEmpty { append(" ") }
        case "br", "cr": append("\n")
        case "noBreakHyphen": append("-")
        default: break
        }
    }

    private mutating func end(_ name: Substring) {
        switch name {
        case "p": flushParagraph()
        case "rPr": inRunProperties = false
        case "t": inText = false
        case "r": runBold = false
        case "tc", "tr": out += "\n"
        default: break
        }
    }

    private mutating func flushParagraph() {
        guard let paragraph = stack.popLast() else { return }
        var segments = paragraph.segments
        let plain = segments.map(\.text).joined()
        var label: String?
        if let numId = paragraph.numId {
            label = numbering.nextLabel(numId: numId, ilvl: paragraph.ilvl ?? 0)
        } else if let style = paragraph.style, let n = styles.numbering(of: style) {
            label = numbering.nextLabel(numId: n.numId, ilvl: n.ilvl)
        }
        // Word's number is only written out when the text does not already carry one.
        let trimmed = plain.trimmingWhitespace()
        if let l = label, !trimmed.isEmpty, ItemLabel.parse(trimmed) == nil, !(l == "-" && trimmed.hasPrefix("-")) {
            if let first = segments.first {
                if l == "-" || !first.bold {
                    // A bullet stays outside the bold marks (`- **Tỉnh đoàn:** …`), as Markdown writes it.
                    segments.insert((l + " ", false), at: 0)
                } else {
                    segments[0].text = l + " " + first.text.drop(while: { $0 == " " })
                }
            }
        }
        var line = ""
        for segment in segments {
            if segment.bold && segment.text.contains(where: { !$0.isWhitespace }) {
                // One `**…**` per visual line, spaces outside the marks.
                let pieces = segment.text.split(separator: "\n", omittingEmptySubsequences: false)
                for (k, piece) in pieces.enumerated() {
                    if k > 0 { line += "\n" }
                    let lead = piece.prefix { $0 == " " }
                    let core = piece.trimmingWhitespace()
                    let tail = piece.count > lead.count + core.count ? " " : ""
                    line += core.isEmpty ? String(piece) : "\(lead)**\(core)**\(tail)"
                }
            } else {
                line += segment.text
            }
        }
        if !stack.isEmpty {
            // A text box inside a paragraph: its own line, before the paragraph that holds it.
            out += line + "\n\n"
            return
        }
        out += line + "\n\n"
    }

    /// The text of each footnote (ids below 1 are Word's separators).
    static func footnotes(_ xml: [UInt8]) throws(XMLTokenizer.XMLError) -> [String] {
        var tokenizer = XMLTokenizer(xml)
        var notes: [String] = []
        var current: String?
        var inText = false
        while let event = try tokenizer.next() {
            switch event {
            case .start(let name, let attributes, let selfClosing):
                if name == "footnote", !selfClosing {
                    let id = Int(DocxNumbering.attribute(attributes, "id") ?? "") ?? 0
                    current = id >= 1 ? "" : nil
                } else if name == "t" {
                    inText = !selfClosing
                } else if name == "p", current != nil, current?.isEmpty == false {
                    current! += " "
                }
            case .end(let name):
                if name == "footnote", let c = current {
                    let text = c.trimmingWhitespace()
                    if !text.isEmpty { notes.append(text) }
                    current = nil
                } else if name == "t" {
                    inText = false
                }
            case .text(let t):
                if inText, current != nil, current!.count < 100_000 { current! += t }
            }
        }
        return notes
    }
}
