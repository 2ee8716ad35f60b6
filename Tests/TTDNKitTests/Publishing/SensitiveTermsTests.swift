import TTDNKit
import Testing

@Suite("Sensitive terms and slugs")
struct SensitiveTermsTests {
    let terms = SensitiveTerms(["biên giới", "an ninh", "Biển Đông", "bien gioi", ""])

    @Test("Found without diacritics, case or punctuation, as whole words in a row")
    func found() {
        #expect(terms.terms == ["biên giới", "an ninh", "Biển Đông"], "duplicates by their folded key and blanks go")
        #expect(terms.found(in: "Tăng cường thông tin về BIÊN GIỚI, lãnh thổ.") == ["biên giới"])
        #expect(terms.found(in: "bao ve bien gioi va bien dong") == ["biên giới", "Biển Đông"])
        #expect(terms.found(in: "Giữ vững an ninh chính trị") == ["an ninh"])
        #expect(terms.found(in: "Xã Bản Ninh, tỉnh an toàn").isEmpty, "no match across or inside words")
        #expect(terms.found(in: "").isEmpty && SensitiveTerms([]).found(in: "biên giới").isEmpty)
        #expect(SensitiveTerms(SensitiveTerms.defaults).found(in: "Hoạt động tôn giáo tại cửa khẩu") == ["tôn giáo"])
    }

    @Test("A slug from a title in its own script, unique among those taken")
    func slugs() {
        #expect(Slug.make("Lễ hội Kỳ Lừa năm 2026: đón 3 đoàn khách!") == "le-hoi-ky-lua-nam-2026-don-3-doan-khach")
        #expect(Slug.make("Đồng Đăng – Lạng Sơn") == "dong-dang-lang-son")
        #expect(Slug.make("谅山省 边境 贸易") == "谅山省-边境-贸易")
        #expect(Slug.make("ແຂວງລາງເຊີນ") != nil)
        #expect(Slug.make(" — !! ") == nil)
        let long = Slug.make(String(repeating: "Hữu nghị Việt Nam Trung Quốc ", count: 10))!
        #expect(long.count <= Slug.maxLength && !long.hasSuffix("-") && long.hasPrefix("huu-nghi-viet-nam"))
        #expect(Slug.unique("le-hoi", among: []) == "le-hoi")
        #expect(Slug.unique("le-hoi", among: ["le-hoi", "le-hoi-2"]) == "le-hoi-3")
    }
}
