import Foundation
import Testing
import ZIPFoundation

@testable import TTDNKit

@Suite("Extraction: DOCX")
struct DocxReaderTests {
    static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    static func zip(_ parts: [(String, Data)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { pos, size in
                data.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
        return archive.data!
    }

    static func docx(body: String, numbering: String? = nil) throws -> Data {
        var parts = [
            (
                "word/document.xml",
                Data("<?xml version=\"1.0\"?><w:document \(w)><w:body>\(body)</w:body></w:document>".utf8)
            )
        ]
        if let numbering {
            parts.append(("word/numbering.xml", Data("<w:numbering \(w)>\(numbering)</w:numbering>".utf8)))
        }
        return try zip(parts)
    }

    @Test func runsSplitMidWordBoldSoftBreaksAndTables() throws {
        let body = """
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Số: 9/KH-UBND</w:t></w:r></w:p></w:tc>\
            <w:tc><w:p><w:r><w:t>Cà Mau, ngày 1 tháng 4 năm 2024</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\
            <w:p><w:r><w:rPr><w:b/></w:rPr><w:t>KẾ HO</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>ẠCH</w:t></w:r></w:p>\
            <w:p><w:r><w:t xml:space="preserve">Thông tin đố</w:t></w:r><w:r><w:t>i ngoại &amp; biển đảo</w:t></w:r></w:p>\
            <w:tbl><w:tr><w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Nơi nhận:</w:t></w:r><w:r><w:br/><w:t>- Lưu: VT.</w:t></w:r></w:p></w:tc>\
            <w:tc><w:p><w:r><w:t>KT. CHỦ TỊCH</w:t></w:r><w:r><w:br/><w:t>PHÓ CHỦ TỊCH</w:t></w:r></w:p><w:p><w:r><w:t>Lâm Văn Bi</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            """
        let plan = try PlanReader.read(data: Self.docx(body: body), filename: "x.docx").plan
        #expect(plan.kind == "KẾ HOẠCH")
        #expect(plan.title == "Thông tin đối ngoại & biển đảo")
        #expect(plan.number == "9")
        #expect(plan.date == "2024-04-01")
        #expect(plan.recipients == ["Lưu: VT"])
        #expect(plan.signer == Signer(name: "Lâm Văn Bi", position: "PHÓ CHỦ TỊCH", authority: "KT. CHỦ TỊCH"))
    }

    @Test func automaticNumberingIsRebuilt() throws {
        let numbering = """
            <w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="2"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>\
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>\
            <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl></w:abstractNum>\
            <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
            """
        func p(_ text: String, _ ilvl: Int) -> String {
            "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"\(ilvl)\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
        }
        let body =
            "<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p><w:p><w:r><w:t>Thử</w:t></w:r></w:p>"
            + p("NỘI DUNG", 0) + p("Việc một", 1) + p("Việc một a", 2) + p("Việc một b", 2) + p("Việc hai", 1)
            + p("3. Đã có số", 1)
        let extraction = try PlanReader.read(data: Self.docx(body: body, numbering: numbering), filename: "n.docx")
        #expect(extraction.outline.map(\.ref) == ["II", "II.1", "II.1.a", "II.1.b", "II.2", "II.3"])
        #expect(extraction.plan.tasks.map(\.title) == ["Việc một", "Việc một a", "Việc một b", "Việc hai", "Đã có số"])
    }

    @Test func refusals() throws {
        let notDocx = try Self.zip([("hello.txt", Data("xin chào".utf8))])
        #expect(throws: PlanReadError.notADocx("no word/document.xml inside")) {
            try PlanReader.read(data: notDocx, filename: "a.docx")
        }
        #expect(throws: PlanReadError.notADocx("not a readable ZIP archive")) {
            try PlanReader.read(data: Data("PK\u{3}\u{4}garbage".utf8), filename: "a.docx")
        }
        // 3 MB of spaces inflate from a few kilobytes: refused above the stated limit.
        let bomb = try Self.docx(
            body: "<w:p><w:r><w:t>" + String(repeating: " ", count: 3 << 20) + "</w:t></w:r></w:p>")
        #expect(bomb.count < 100_000)
        var options = PlanReader.Options()
        options.maxExpandedDocxBytes = 1 << 20
        #expect(throws: PlanReadError.docxBomb(limit: 1 << 20)) {
            try PlanReader.read(data: bomb, filename: "bomb.docx", options: options)
        }
        let doctype = try Self.zip([
            ("word/document.xml", Data("<!DOCTYPE x [<!ENTITY a \"aaaa\">]><w:document/>".utf8))
        ])
        #expect(throws: PlanReadError.self) { try PlanReader.read(data: doctype, filename: "d.docx") }
    }

    /// Found by the fuzzer: a flipped bit in a deflate stream made ZIPFoundation's extraction loop for
    /// ever. Our own inflate stops at the end of its input.
    @Test func corruptDeflateStreamEndsInsteadOfHanging() throws {
        let data = try ExtractionFixture.data("fuzz-hang-corrupt-deflate.docx")
        #expect(throws: PlanReadError.self) { try PlanReader.read(data: data, filename: "hang.docx") }
    }

    @Test func deepOrBrokenXMLEndsCleanly() throws {
        let deep = String(repeating: "<w:sdt>", count: 100_000) + "<w:p><w:r><w:t>x</w:t></w:r></w:p>"
        #expect(throws: PlanReadError.self) { try PlanReader.read(data: Self.docx(body: deep), filename: "deep.docx") }
        for broken in ["<w:p><w:r><w:t>a &bogus; b</w:t></w:r></w:p>", "<w:p><w:r", "<w:p a=b></w:p>", "</w:p></w:p>"] {
            #expect(throws: PlanReadError.self) {
                try PlanReader.read(data: Self.docx(body: broken), filename: "b.docx")
            }
        }
        // Nesting under the limit is fine: depth costs a counter, not the stack.
        let nested =
            String(repeating: "<w:sdt>", count: 1_500) + "<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>"
            + String(repeating: "</w:sdt>", count: 1_500)
        #expect(try PlanReader.read(data: Self.docx(body: nested), filename: "n.docx").plan.kind == "KẾ HOẠCH")
    }
}
