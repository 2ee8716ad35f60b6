import Testing

@testable import TTDNKit

@Suite("Extraction: syllables a PDF split")
struct SplitSyllablesTests {
    @Test func onsetsCutFromTheirVowelsAreJoined() {
        #expect(SplitSyllables.repair("S ở Ngoại vụ t ỉnh Cao Bằng") == "Sở Ngoại vụ tỉnh Cao Bằng")
        #expect(SplitSyllables.repair("phát triển kinh t ế - xã h ội") == "phát triển kinh tế - xã hội")
        #expect(SplitSyllables.repair("TR ƯỜNG ĐẠI H ỌC") == "TRƯỜNG ĐẠI HỌC")
        #expect(SplitSyllables.repair("ngh ị quyết") == "nghị quyết")
    }

    @Test func wordsAndAbbreviationsStay() {
        let lines = [
            "UBND tỉnh ban hành", "TP Hồ Chí Minh", "HĐND ẤN ĐỊNH", "Sở Ngoại vụ tỉnh", "điểm a khoản 2",
            "Quý I năm 2024", "v.v. ở các huyện",
        ]
        for line in lines {
            #expect(SplitSyllables.repair(line) == line, "\(line)")
        }
    }
}
