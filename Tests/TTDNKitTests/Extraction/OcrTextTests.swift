import Testing

@testable import TTDNKit

@Suite("Extraction: what OCR gets wrong, put right")
struct OcrTextTests {
    @Test func partHeadingsWithMangledNumeralsAreNumberedInOrder() {
        let lines = [
            "l. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "lÏ. NỘI DUNG", "HI. TỔ CHỨC THỰC HIỆN", "|V. KINH PHÍ",
        ]
        #expect(
            OcrText.repair(lines) == [
                "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "II. NỘI DUNG", "III. TỔ CHỨC THỰC HIỆN", "IV. KINH PHÍ",
            ])
        // A line that merely starts with a capital word is not a part heading.
        #expect(OcrText.partHeading("Hà Giang, ngày 5 tháng 3") == nil)
        #expect(OcrText.partHeading("1 số bản tin đối ngoại") == nil)
    }

    @Test func foreignLettersAndSymbolBulletsBecomeVietnamese() {
        #expect(OcrText.normaliseMarks("CÔNG TÁC TTĐÐN") == "CÔNG TÁC TTĐN")
        #expect(OcrText.normaliseMarks("Ðẩy mạnh") == "Đẩy mạnh")
        #expect(OcrText.normaliseMarks("  ¬ Sở Ngoại vụ") == "  - Sở Ngoại vụ")
        #expect(OcrText.normaliseMarks("— Như trên;") == "- Như trên;")
        // A dash inside a line is the document's own.
        #expect(OcrText.normaliseMarks("kinh tế — xã hội") == "kinh tế — xã hội")
    }

    @Test func aListNumberReadWithACommaIsAListNumber() {
        #expect(OcrText.fixListLabel("5, Tập trung tuyên truyền") == "5. Tập trung tuyên truyền")
        #expect(OcrText.fixListLabel("2.1, Thông tin") == "2.1. Thông tin")
        #expect(OcrText.fixListLabel("5, 6 và 7 tháng") == "5, 6 và 7 tháng")
    }

    @Test func specksAfterASentenceGoButWordsStay() {
        #expect(OcrText.stripSpeck("cụ thể như sau: -") == "cụ thể như sau:")
        #expect(OcrText.stripSpeck("theo yêu cầu. P2") == "theo yêu cầu.")
        #expect(OcrText.stripSpeck("phát triển kinh tế -") == "phát triển kinh tế -")
        #expect(OcrText.stripSpeck("theo quy định. Sở") == "theo quy định. Sở")
        #expect(OcrText.stripSpeck("- Lưu: VT.") == "- Lưu: VT.")
    }

    @Test func keyPhrasesArePutRightOnlyWhereTheirLettersAreThePhrases() {
        #expect(OcrText.fixKeyPhrases("IV. TỎ CHỨC THỤC HIỆN") == "IV. TỔ CHỨC THỰC HIỆN")
        #expect(OcrText.fixKeyPhrases("Sở Ngoại vụ chú trì, phồi hợp với") == "Sở Ngoại vụ chủ trì, phối hợp với")
        #expect(OcrText.fixKeyPhrases("PHÓ GIAM ĐÓC") == "PHÓ GIÁM ĐỐC")
        // "báo cáo" is not a key phrase: "Báo Cao Bằng" is a newspaper.
        #expect(OcrText.fixKeyPhrases("Báo Cao Bằng đưa tin") == "Báo Cao Bằng đưa tin")
        #expect(OcrText.fixKeyPhrases("thực hiện") == "thực hiện")
    }
}
