import Foundation
import ZIPFoundation

/// Writes plan text (the Markdown-like form `ttdn extract` reads) as a small DOCX the way Word lays a
/// plan out: header and footer as two-column tables, outline labels as Word automatic numbering,
/// bold runs, runs split in mid-word, soft line breaks in the signature. For fixtures, the benchmark
/// and fuzz seeds; not a general exporter.
public enum SimpleDocxWriter {
    public struct Options: Sendable {
        /// Replace typed labels (`II.`, `3.1.`, `a)`, `-`) with Word numbering from numbering.xml.
        public var automaticNumbering = true
        /// Split every run in the middle of a word, as Word does after edits.
        public var splitRuns = true
        public init() {}
    }

    public static func docx(fromText text: String, options: Options = .init()) throws -> Data {
        let document = documentXML(text, options)
        // File-backed, like the reader: in-memory archives leak on Linux.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ttdn-write-\(UUID().uuidString).docx")
        defer { try? FileManager.default.removeItem(at: file) }
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", rootRels),
            ("word/_rels/document.xml.rels", documentRels),
            ("word/document.xml", document),
            ("word/numbering.xml", numberingXML),
        ]
        try write(parts, to: file)
        return try Data(contentsOf: file)
    }

    /// Writes and closes the archive (the archive is released, and its file flushed, on return).
    static func write(_ parts: [(String, String)], to file: URL) throws {
        let archive = try Archive(url: file, accessMode: .create)
        for (path, xml) in parts {
            let data = Data(xml.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    // MARK: Body

    static func documentXML(_ text: String, _ options: Options) -> String {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map {
            String($0).trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        let kindIndex =
            lines.prefix(30).firstIndex { line in
                let plain = line.replacingOccurrences(of: "*", with: "").trimmingCharacters(in: .whitespaces)
                return DocumentLayout.kinds.contains(plain)
            } ?? 0
        let footerIndex =
            lines.lastIndex { DocumentLayout.isRecipientsHeading($0.replacingOccurrences(of: "*", with: "")) }
            ?? lines.count
        var body = ""
        // Header table: the issuing body and number on the left, the motto and the date on the right.
        let header = Array(lines[..<kindIndex])
        if !header.isEmpty {
            let right = header.filter {
                $0.uppercased().hasPrefix("CỘNG HÒA") || $0.hasPrefix("Độc lập") || $0.contains(", ngày")
            }
            let left = header.filter { !right.contains($0) }
            body += table([left, right], options)
        }
        for line in lines[kindIndex..<footerIndex] { body += paragraph(line, options) }
        if footerIndex < lines.count {
            let footer = Array(lines[footerIndex...])
            var split = 1
            while split < footer.count, footer[split].hasPrefix("-") || footer[split].first?.isLowercase == true {
                split += 1
            }
            let signature = Array(footer[split...])
            // The authority and the title share one paragraph, broken by a soft line break.
            var right: [String] = []
            var i = 0
            while i < signature.count {
                if i + 1 < signature.count,
                    SignatureLines.isAuthority(signature[i].replacingOccurrences(of: "*", with: ""))
                {
                    right.append(signature[i] + "\n" + signature[i + 1])
                    i += 2
                } else {
                    right.append(signature[i])
                    i += 1
                }
            }
            body += table([Array(footer[..<split]), right], options)
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)<w:sectPr/></w:body></w:document>
            """
    }

    static func table(_ cells: [[String]], _ options: Options) -> String {
        var xml = "<w:tbl><w:tr>"
        for cell in cells {
            xml += "<w:tc>"
            for line in cell { xml += paragraph(line, options, numbering: false) }
            if cell.isEmpty { xml += "<w:p/>" }
            xml += "</w:tc>"
        }
        return xml + "</w:tr></w:tbl>"
    }

    static func paragraph(_ raw: String, _ options: Options, numbering: Bool = true) -> String {
        var line = raw
        while line.hasPrefix("#") { line.removeFirst() }
        line = line.trimmingCharacters(in: .whitespaces)
        var numPr = ""
        if numbering && options.automaticNumbering {
            if line.hasPrefix("- ") || line.hasPrefix("+ ") {
                numPr = numberingProperties(numId: 2, ilvl: 0)
                line = String(line.dropFirst(2))
            } else {
                let plain = line.replacingOccurrences(of: "*", with: "")
                if let (label, rest) = ItemLabel.parse(plain) {
                    let ilvl: Int
                    switch label {
                    case .roman: ilvl = 0
                    case .number(let n): ilvl = min(n.count, 2)
                    case .letter: ilvl = 3
                    }
                    numPr = numberingProperties(numId: 1, ilvl: ilvl)
                    line = line.hasPrefix("**") && line.hasSuffix("**") ? "**\(rest)" : rest
                }
            }
        }
        var runs = ""
        // `**…**` spans are bold; everything else plain.
        var bold = false
        for (k, piece) in line.components(separatedBy: "**").enumerated() {
            if k > 0 { bold.toggle() }
            guard !piece.isEmpty else { continue }
            for (j, visual) in piece.components(separatedBy: "\n").enumerated() {
                if j > 0 { runs += "<w:r><w:br/></w:r>" }
                for chunk in options.splitRuns ? splitMidWord(visual) : [visual] {
                    runs += run(chunk, bold: bold)
                }
            }
        }
        return "<w:p><w:pPr>\(numPr)</w:pPr>\(runs)</w:p>"
    }

    static func numberingProperties(numId: Int, ilvl: Int) -> String {
        "<w:numPr><w:ilvl w:val=\"\(ilvl)\"/><w:numId w:val=\"\(numId)\"/></w:numPr>"
    }

    static func run(_ text: String, bold: Bool) -> String {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        return "<w:r>\(bold ? "<w:rPr><w:b/></w:rPr>" : "")<w:t xml:space=\"preserve\">\(escaped)</w:t></w:r>"
    }

    /// Two pieces cut inside the middle word (`Thông tin đố` + `i ngoại`).
    static func splitMidWord(_ text: String) -> [String] {
        guard text.count > 6 else { return [text] }
        var cut = text.index(text.startIndex, offsetBy: text.count / 2)
        while cut < text.endIndex, text[cut] == " " { cut = text.index(after: cut) }
        guard cut < text.endIndex else { return [text] }
        return [String(text[..<cut]), String(text[cut...])]
    }

    // MARK: Fixed parts

    static let numberingXML = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:abstractNum w:abstractNumId="0">\
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>\
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>\
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>\
        <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%4)"/></w:lvl>\
        </w:abstractNum>\
        <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum>\
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>\
        <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>\
        </w:numbering>
        """

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>\
        </Types>
        """

    static let rootRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        </Relationships>
        """

    static let documentRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>\
        </Relationships>
        """
}
