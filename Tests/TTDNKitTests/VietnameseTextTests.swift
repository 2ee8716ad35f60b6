import Testing

@testable import TTDNKit

@Suite struct VietnameseTextTests {
    @Test func toneKeyTreatsOldAndNewPlacementAlike() {
        #expect(VietnameseText.toneKey("Tỉnh uỷ") == VietnameseText.toneKey("Tỉnh ủy"))
        #expect(VietnameseText.toneKey("Văn hoá") == VietnameseText.toneKey("văn hóa"))
        #expect(VietnameseText.toneKey("thuỷ") == VietnameseText.toneKey("thủy"))
        #expect(VietnameseText.toneKey("khoẻ") == VietnameseText.toneKey("khỏe"))
    }

    @Test func toneKeyKeepsDistinctWordsApart() {
        #expect(VietnameseText.toneKey("Sở") != VietnameseText.toneKey("Số"))
        #expect(VietnameseText.toneKey("Ban") != VietnameseText.toneKey("Bàn"))
    }

    @Test func foldRemovesDiacriticsAndD() {
        #expect(VietnameseText.fold("Đài Phát thanh  và Truyền hình") == "dai phat thanh va truyen hinh")
        #expect(VietnameseText.fold("ỦY BAN") == "uy ban")
    }

    @Test func searchKeyDropsPunctuation() {
        #expect(VietnameseText.searchKey("Phát thanh - Truyền hình") == "phat thanh truyen hinh")
        #expect(VietnameseText.searchKey("Sở Văn hóa, Thể thao và Du lịch") == "so van hoa the thao va du lich")
    }

    @Test func nfcComposesDecomposedInput() {
        let decomposed = "Ha\u{0300} Nô\u{0323}i"
        #expect(VietnameseText.nfc(decomposed) == "Hà Nội")
        #expect(VietnameseText.nfc(decomposed).unicodeScalars.count == 6)
    }
}
