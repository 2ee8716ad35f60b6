import Foundation

/// Paragraph styles that carry numbering (`Heading 1` numbered `I.`), from `word/styles.xml`.
struct DocxStyles {
    private var numbering: [String: (numId: String?, ilvl: Int?)] = [:]
    private var basedOn: [String: String] = [:]
    private var bold: Set<String> = []

    init() {}

    init(xml: [UInt8]) throws(XMLTokenizer.XMLError) {
        var tokenizer = XMLTokenizer(xml)
        var style: String?
        var inParagraphProperties = false
        var inRunProperties = false
        while let event = try tokenizer.next() {
            switch event {
            case .start(let name, let attributes, _):
                let val = DocxNumbering.attribute(attributes, "val")
                switch name {
                case "style":
                    style =
                        DocxNumbering.attribute(attributes, "type") == "paragraph"
                        ? DocxNumbering.attribute(attributes, "styleId") : nil
                case "basedOn": if let style, let val { basedOn[style] = val }
                case "pPr": inParagraphProperties = true
                case "rPr": inRunProperties = true
                case "numId": if let style, inParagraphProperties { numbering[style, default: (nil, nil)].numId = val }
                case "ilvl":
                    if let style, inParagraphProperties {
                        numbering[style, default: (nil, nil)].ilvl = val.flatMap { Int($0) }
                    }
                case "b": if let style, inRunProperties, val != "0", val != "false" { bold.insert(style) }
                default: break
                }
            case .end(let name):
                if name == "style" { style = nil }
                if name == "pPr" { inParagraphProperties = false }
                if name == "rPr" { inRunProperties = false }
            case .text: break
            }
        }
    }

    /// The numbering a style gives its paragraphs, following `basedOn`.
    func numbering(of style: String) -> (numId: String, ilvl: Int)? {
        var current: String? = style
        var ilvl: Int?
        for _ in 0..<10 {
            guard let s = current else { break }
            if let n = numbering[s] {
                if ilvl == nil { ilvl = n.ilvl }
                if let id = n.numId { return (id, ilvl ?? 0) }
            }
            current = basedOn[s]
        }
        return nil
    }

    func isBold(_ style: String) -> Bool {
        var current: String? = style
        for _ in 0..<10 {
            guard let s = current else { return false }
            if bold.contains(s) { return true }
            current = basedOn[s]
        }
        return false
    }
}
