import Testing

@testable import TTDNKit

/// The byte-level shortcuts of `Words.split` against the `Character` answers they replace.
@Suite("Extraction: words")
struct WordsTests {
    /// Scalars, not Characters: `Character` equality would also take U+037E (canonically `;`).
    @Test func punctuationTestMatchesTheList() {
        let scalars = Set(Words.punctuation.flatMap(\.unicodeScalars))
        for v in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(v) else { continue }
            #expect(Words.isPunctuation(v) == scalars.contains(scalar), "U+\(String(v, radix: 16))")
        }
    }

    @Test func shapeAgreesWithCharacter() {
        let text = "TP. Hồ “Chí” Minh, UBND tỉnh; Sở Ngoại vụ (BĐBP) ĐBQH-tỉnh a\u{0301}b Ǆx ǅy ß 1.5 v.v. “…” Ủy ban"
        for word in Words.split(text) {
            let core = word.core
            #expect(word.isCapitalised == (core.first?.isUppercase ?? false), "\(core)")
            #expect(word.startsLowercase == (core.first?.isLowercase ?? false), "\(core)")
            #expect(word.startsWithLetter == (core.first?.isLetter ?? false), "\(core)")
            #expect(word.letterCount == core.filter(\.isLetter).count, "\(core)")
            #expect(word.count == core.count, "\(core)")
            let letters = core.filter(\.isLetter)
            #expect(word.isAllCaps == (!letters.isEmpty && !letters.contains(where: \.isLowercase)), "\(core)")
        }
        // A combining mark leaves the table's answers aside.
        #expect(Words.split("a\u{0301}b").first?.shape == nil)
    }

    @Test func fastKeysMatchTheGeneralPath() {
        for word in [
            "Sở", "UBND", "Hòa", "Hoà", "thủy", "thuỷ", "ĐBQH", "Ơn", "Ưu", "ÀÁẢ", "quý", "Quý", "a\u{0301}", "Ωmega",
        ] {
            #expect(Words.key(word) == Words.generalKey(word), "\(word)")
        }
    }
}
