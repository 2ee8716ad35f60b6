import Foundation
import ZIPFoundation

/// The parts of the exported DOCX around `word/document.xml`: content types, relationships, styles
/// (Times New Roman 14 in black as the default, Vietnamese as the language), settings, the page-number
/// header and the empty first-page header, and the core properties. Zipped in memory.
enum DocxPackage {
    static let headerID = "rIdHeader1"
    static let firstHeaderID = "rIdHeader2"

    static func zip(documentXML: String, plan: OfficialPlan, created: Date) throws -> Data {
        let archive = try Archive(accessMode: .create)
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", rootRels),
            ("docProps/core.xml", coreXML(plan, created: created)),
            ("docProps/app.xml", appXML),
            ("word/_rels/document.xml.rels", documentRels),
            ("word/document.xml", documentXML),
            ("word/styles.xml", stylesXML),
            ("word/settings.xml", settingsXML),
            ("word/header1.xml", pageNumberHeader),
            ("word/header2.xml", emptyHeader),
        ]
        for (path, xml) in parts {
            let data = Data(xml.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    static let xmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let wordML = "application/vnd.openxmlformats-officedocument.wordprocessingml"

    static let contentTypes =
        xmlHead + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/word/document.xml" ContentType="\(wordML).document.main+xml"/>\
            <Override PartName="/word/styles.xml" ContentType="\(wordML).styles+xml"/>\
            <Override PartName="/word/settings.xml" ContentType="\(wordML).settings+xml"/>\
            <Override PartName="/word/header1.xml" ContentType="\(wordML).header+xml"/>\
            <Override PartName="/word/header2.xml" ContentType="\(wordML).header+xml"/>\
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
            </Types>
            """

    static let rootRels =
        xmlHead + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
            </Relationships>
            """

    static let documentRels =
        xmlHead + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            <Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>\
            <Relationship Id="\(headerID)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>\
            <Relationship Id="\(firstHeaderID)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>\
            </Relationships>
            """

    /// Times New Roman for every script (Vietnamese letters are Latin, but Word picks the complex-script
    /// and East Asian fonts for some marks), 14 pt, black; the body paragraph format as `Normal`.
    static let runDefaults = """
        <w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>\
        <w:color w:val="000000"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/>
        """

    static let stylesXML =
        xmlHead + """
            <w:styles xmlns:w="\(WordML.namespace)">\
            <w:docDefaults><w:rPrDefault><w:rPr>\(runDefaults)</w:rPr></w:rPrDefault>\
            <w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>\
            <w:pPr><w:spacing w:before="120" w:after="0" w:line="276" w:lineRule="auto"/><w:ind w:firstLine="720"/><w:jc w:val="both"/></w:pPr>\
            <w:rPr>\(runDefaults)</w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="center"/></w:pPr></w:style>\
            <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>\
            <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>\
            <w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
            </w:styles>
            """

    static let settingsXML =
        xmlHead + """
            <w:settings xmlns:w="\(WordML.namespace)">\
            <w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>\
            <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>\
            <w:themeFontLang w:val="vi-VN"/></w:settings>
            """

    /// ND 30: page numbers in Arabic numerals, 14 pt, centred in the top margin; `titlePg` in the
    /// section keeps them off page 1, which uses the empty first-page header.
    static let pageNumberHeader =
        xmlHead + """
            <w:hdr xmlns:w="\(WordML.namespace)"><w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr>\
            <w:r><w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>\
            <w:r><w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
            <w:r><w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>\
            <w:r><w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:t>2</w:t></w:r>\
            <w:r><w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>
            """

    static let emptyHeader =
        xmlHead + """
            <w:hdr xmlns:w="\(WordML.namespace)"><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr></w:p></w:hdr>
            """

    static let appXML =
        xmlHead + """
            <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>ttdn</Application></Properties>
            """

    static func coreXML(_ plan: OfficialPlan, created: Date) -> String {
        let stamp = InternetTime.string(created)
        let title = WordML.escape("\(plan.kind.uppercased()) \(plan.title)")
        return xmlHead + """
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            <dc:title>\(title)</dc:title><dc:creator>\(WordML.escape(plan.issuingBody))</dc:creator><dc:language>vi-VN</dc:language>\
            <dcterms:created xsi:type="dcterms:W3CDTF">\(stamp)</dcterms:created>\
            <dcterms:modified xsi:type="dcterms:W3CDTF">\(stamp)</dcterms:modified>\
            </cp:coreProperties>
            """
    }
}
