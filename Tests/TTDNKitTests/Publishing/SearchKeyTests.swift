import PropertyBased
import Testing

@testable import TTDNKit

@Suite("Search keys")
struct SearchKeyTests {
    @Test("Vietnamese is folded: no marks, đ → d, lower case, punctuation → space")
    func vietnamese() {
        #expect(SearchKey.index("Hà Nội") == "ha noi")
        #expect(SearchKey.index("Đồng Đăng") == "dong dang")
        #expect(SearchKey.index("Đài Phát thanh - Truyền hình LẠNG SƠN") == "dai phat thanh truyen hinh lang son")
        #expect(SearchKey.index("UBND tỉnh, năm 2025: “Hội nhập”!") == "ubnd tinh nam 2025 hoi nhap")
        #expect(SearchKey.index("Thủy/thuỷ, hoà/hòa") == "thuy thuy hoa hoa")
        #expect(SearchKey.index("H'Mông  Tày\tNùng\n") == "h mong tay nung")
    }

    @Test("Chinese runs become overlapping bigrams; a lone character stays a unigram")
    func chinese() {
        #expect(SearchKey.index("中越边境") == "中越 越边 边境")
        #expect(SearchKey.index("中越边境，友谊关。") == "中越 越边 边境 友谊 谊关")
        #expect(SearchKey.index("越") == "越")
        #expect(SearchKey.index("越 南") == "越 南")
        #expect(SearchKey.index("简体中文") == "简体 体中 中文")
    }

    @Test("Lao, Thai, Khmer and Myanmar are bigrams of grapheme clusters: a vowel sign stays with its consonant")
    func southeastAsian() {
        #expect(SearchKey.index("ສະບາຍດີ") == "ສະ ະບ ບາ າຍ ຍດີ")
        #expect(SearchKey.index("ພາສາລາວ") == "ພາ າສ ສາ າລ ລາ າວ")
        #expect(SearchKey.index("สวัสดี") == "สวั วัส สดี")
        #expect(SearchKey.index("ភាសាខ្មែរ").split(separator: " ").allSatisfy { $0.count == 2 })
        #expect(SearchKey.index("မြန်မာ").split(separator: " ").allSatisfy { $0.count == 2 })
        #expect(SearchKey.index("ສະບາຍດີ ສະບາຍດີ") == "ສະ ະບ ບາ າຍ ຍດີ ສະ ະບ ບາ າຍ ຍດີ")
    }

    @Test("Japanese: kanji and kana form one run; half-width kana and full-width letters are normalised")
    func japanese() {
        #expect(SearchKey.index("日本語のテスト") == "日本 本語 語の のテ テス スト")
        #expect(SearchKey.index("ﾃｽﾄ") == "テス スト")
        #expect(SearchKey.index("ガイド") == "ガイ イド")
        #expect(SearchKey.index("ＡＢＣ１２３") == "abc123")
    }

    @Test("Korean keeps its words whole: Hangul is written with spaces")
    func korean() {
        #expect(SearchKey.index("한국어 학습") == "한국어 학습")
        #expect(SearchKey.index("한국어") == "한국어")
    }

    @Test("Mixed text: a word is split where the script changes; emoji and symbols are dropped")
    func mixed() {
        #expect(SearchKey.index("Hội chợ iPhone手机 2025 ở 河口") == "hoi cho iphone 手机 2025 o 河口")
        #expect(SearchKey.index("ไทย2024") == "ไท ทย 2024")
        #expect(SearchKey.index("Tết 🎉🇻🇳👍🏽 vui❤️ 1️⃣") == "tet vui 1")
        #expect(SearchKey.index("a\u{200D}b c\u{FE0F}d") == "ab cd")
        #expect(SearchKey.index("x² ﬁn ™") == "x2 fin tm")
        #expect(SearchKey.index("") == "")
        #expect(SearchKey.index(" !?… 😀 — ") == "")
        #expect(SearchKey.index(#"" OR 1=1; DROP TABLE x; -- NEAR(a*) ^b:c"#) == "or 1 1 drop table x near a b c")
    }

    @Test("Long input: at most 20,000 tokens and 500,000 bytes, each token at most 64 characters")
    func caps() {
        let words = SearchKey.index(String(repeating: "Lạng Sơn ", count: 15_000))
        #expect(words.split(separator: " ").count == SearchKey.maxTokens)
        #expect(words.hasPrefix("lang son lang son"))
        let run = SearchKey.index(String(repeating: "中越", count: 15_000))
        #expect(run.split(separator: " ").count == SearchKey.maxTokens)
        #expect(SearchKey.index(String(repeating: "a", count: 500)) == String(repeating: "a", count: 64))
        let distinct = (0..<20_000).map { "\($0)" + String(repeating: "x", count: 40) }.joined(separator: " ")
        let capped = SearchKey.index(distinct)
        #expect(capped.utf8.count <= SearchKey.maxKeyBytes && capped.utf8.count > SearchKey.maxKeyBytes - 64)
        #expect(distinct.hasPrefix(capped + " "))
        let piled = "e" + String(repeating: "\u{20D0}", count: 300)
        #expect(SearchKey.index(piled + " ok") == "ok")
    }

    static let fragments = [
        "Hà Nội", "Đồng Đăng", " ", "  ", "\n", "-", "\"", "'", "*", ":", "^", "(", ")", "AND", "OR", "NOT", "NEAR",
        "中越边境", "越", "ສະບາຍດີ", "สวัสดี", "ភាសាខ្មែរ", "မြန်မာ", "日本語のテスト", "ﾃｽﾄ", "한국어", "😀", "👍🏽",
        "🇻🇳", "\u{200D}", "\u{FE0F}", "\u{0301}", "\u{0E31}", "\\", "%", "_", "x²", "ＡＢＣ", "İ", "ß", "Σ", "\u{0}",
        "\u{3164}", "1.5", "e\u{20D0}\u{20D0}", ";DROP TABLE t;--", "ǅ", "\u{1F3FD}",
    ]
    static let texts = Gen.int(in: 0..<fragments.count).array(of: 0...40).map {
        $0.map { fragments[$0] }.joined()
    }
    /// Random scalars, mostly from the blocks that matter here: Latin and its marks, the Southeast Asian
    /// scripts, CJK and kana, Hangul, emoji; surrogates come out as `?`.
    static let scalars = Gen<UInt32>.oneOf(
        Gen<UInt32>.value(in: 0...0x024F), Gen<UInt32>.value(in: 0x0300...0x036F),
        Gen<UInt32>.value(in: 0x0E00...0x109F), Gen<UInt32>.value(in: 0x1780...0x17FF),
        Gen<UInt32>.value(in: 0x1E00...0x1EFF), Gen<UInt32>.value(in: 0x2000...0x33FF),
        Gen<UInt32>.value(in: 0xAC00...0xFFFF), Gen<UInt32>.value(in: 0x1F000...0x1FAFF),
        Gen<UInt32>.value(in: 0...0x10FFFF)
    ).array(of: 0...60).map { values in
        String(String.UnicodeScalarView(values.map { Unicode.Scalar($0) ?? "?" }))
    }

    @Test("For any text: single spaces between non-empty tokens of letters and digits only; idempotent")
    func anyText() async {
        await propertyCheck(count: 400, input: Self.texts) { Self.checkKey($0) }
        await propertyCheck(count: 400, input: Self.scalars) { Self.checkKey($0) }
    }

    static func checkKey(_ text: String) {
        let key = SearchKey.index(text)
        #expect(!key.hasPrefix(" ") && !key.hasSuffix(" ") && !key.contains("  "), "\(text.debugDescription)")
        for token in key.split(separator: " ", omittingEmptySubsequences: false) where !key.isEmpty {
            #expect(!token.isEmpty && token.count <= SearchKey.maxTokenLength)
            #expect(
                token.unicodeScalars.allSatisfy { !$0.isASCII || ("a"..."z").contains($0) || ("0"..."9").contains($0) })
        }
        #expect(SearchKey.index(key) == key, "\(text.debugDescription) → \(key.debugDescription)")
    }
}
