import Foundation
import Testing

@testable import TTDNKit

@Suite("Extraction: encodings and input formats")
struct EncodingTests {
    static let sample = """
        KẾ HOẠCH
        Công tác thông tin đối ngoại của tỉnh năm 2024

        II. NỘI DUNG

        1. Tuyên truyền về biên giới và các hoạt động đối ngoại của tỉnh
        - Đơn vị thực hiện: Sở Ngoại vụ.
        """

    func taskLead(_ data: Data) throws -> (PlanExtraction, [String]) {
        let e = try PlanReader.read(data: data, filename: "plan.txt")
        return (e, e.plan.tasks.first?.lead ?? [])
    }

    @Test func utf16WithAndWithoutByteOrderMark() throws {
        for (data, name) in [
            (Self.sample.data(using: .utf16LittleEndian)!, "utf-16le"),
            (Self.sample.data(using: .utf16BigEndian)!, "utf-16be"),
            (Data([0xFF, 0xFE]) + Self.sample.data(using: .utf16LittleEndian)!, "utf-16le"),
        ] {
            let (e, lead) = try taskLead(data)
            #expect(e.source.encoding == name)
            #expect(lead == ["Sở Ngoại vụ"])
        }
    }

    @Test func legacyEightBitEncodingsAreConverted() throws {
        // Lower-case letters only: TCVN3 keeps capitals in a separate font.
        let text = "kế hoạch công tác thông tin đối ngoại của tỉnh năm 2024 và các nội dung tuyên truyền về biên giới"
        for encoding in [LegacyEncoding.windows1258, .tcvn3] {
            let bytes = ExtractionFixture.encode(text, encoding)
            #expect(String(bytes: bytes, encoding: .utf8) == nil)
            let decoded = try TextDecoding.decode(Data(bytes))
            #expect(decoded.text == text.precomposedStringWithCanonicalMapping, "\(encoding)")
            #expect(decoded.encoding == encoding.rawValue)
        }
    }

    @Test func legacyFontTextInsideUnicodeIsRepaired() throws {
        let tcvn = ExtractionFixture.encode(
            String(repeating: "công tác thông tin đối ngoại của tỉnh và các sở, ban, ngành trong năm. ", count: 3),
            .tcvn3)
        // What Word stores for a `.VnTime` run: each byte as the Latin-1 character of the same value.
        let mojibake = String(String.UnicodeScalarView(tcvn.map { Unicode.Scalar($0) }))
        let decoded = try TextDecoding.decode(Data(mojibake.utf8))
        #expect(decoded.encoding == "tcvn3")
        #expect(decoded.text.hasPrefix("công tác thông tin"))
    }

    @Test func unreadableInputIsRefusedWithAReason() throws {
        #expect(throws: PlanReadError.emptyFile) { try PlanReader.read(data: Data(), filename: "e.txt") }
        #expect(throws: PlanReadError.self) {
            try PlanReader.read(data: Data([0xD0, 0xCF, 0x11, 0xE0, 1, 2, 3, 4]), filename: "a.doc")
        }
        var options = PlanReader.Options()
        options.maxInputBytes = 10
        #expect(throws: PlanReadError.tooLarge(limit: 10)) {
            try PlanReader.read(data: Data(count: 11), filename: "big.txt", options: options)
        }
        // VNI writes marks as separate bytes after the letter: refused, not guessed.
        let vni = Data(
            String(repeating: "Ke\u{E1}u hoa\u{EF}ch co\u{E2}ng ta\u{F9}c ", count: 20).unicodeScalars.map {
                UInt8($0.value)
            })
        #expect(throws: PlanReadError.self) { try PlanReader.read(data: vni, filename: "vni.txt") }
        for error in [
            PlanReadError.pdfToolMissing, .legacyEncodingUnconvertible("the VNI encoding"), .docxBomb(limit: 64 << 20),
        ] {
            #expect(!error.message.contains("\n"))
            #expect(!error.code.isEmpty)
        }
        #expect(PlanReadError.pdfToolMissing.message.contains("apt-get install poppler-utils"))
    }

    @Test func pdfThroughPdftotextOrAClearRefusal() throws {
        var options = PlanReader.Options()
        options.pdftotextPath = "/nonexistent/pdftotext"
        #expect(throws: PlanReadError.pdfToolMissing) {
            try PlanReader.read(data: Data("%PDF-1.4\n".utf8), filename: "a.pdf", options: options)
        }
    }

    @Test func layoutColumnsUnfold() {
        let text = PdfText.unfoldColumns(
            """
               ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
               Số: 12/KH-UBND               Sơn La, ngày 2 tháng 5 năm 2024

                                 KẾ HOẠCH
            """)
        let header = HeaderParser.parse(text.split(separator: "\n").map(String.init))
        #expect(header.number == "12")
        #expect(header.place == "Sơn La")
        #expect(header.date == "2024-05-02")
    }

    /// LibreOffice sets list labels apart with a tab stop, which layout text writes as a run of spaces: the
    /// label and its text stay one line, not two columns.
    @Test func aListLabelIsNotAColumn() {
        let text = PdfText.unfoldColumns(
            """
            II.     NỘI DUNG THỰC HIỆN
            1.      Phát hành Bản tin đối ngoại
            -       Đơn vị thực hiện: Sở Ngoại vụ.
            a)      Bản tiếng Anh
            """)
        let lines = text.split(separator: "\n").map {
            $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
        #expect(
            lines == [
                "II. NỘI DUNG THỰC HIỆN", "1. Phát hành Bản tin đối ngoại", "- Đơn vị thực hiện: Sở Ngoại vụ.",
                "a) Bản tiếng Anh",
            ])
        #expect(PdfText.isListLabel("2.1.") && PdfText.isListLabel("+") && !PdfText.isListLabel("Số: 12/KH-UBND"))
    }
}
