import TTDNKit
import Testing

@Suite("Site languages")
struct SiteLanguageTests {
    @Test("The defaults: Vietnamese first, every tag well formed and distinct, each named in its own script")
    func defaults() {
        let tags = SiteLanguage.defaults.map(\.tag)
        #expect(tags.first == "vi" && Set(tags).count == tags.count)
        #expect(tags.allSatisfy(SiteLanguage.isValidTag))
        #expect(["vi", "en", "zh-Hans", "lo", "km", "ko", "ja", "fr", "ru", "tyz", "nut", "hnj", "ium"] == tags)
        #expect(SiteLanguage.defaults.first { $0.tag == "lo" }?.nativeName == "ພາສາລາວ")
    }

    @Test("Only tags of the shapes an address may start with")
    func tags() {
        for good in ["vi", "en", "zh-Hans", "zh-Hant-TW", "tyz", "es-419"] {
            #expect(SiteLanguage.isValidTag(good), "\(good)")
        }
        for bad in ["", "VI", "vietnamese", "zh-hans", "en-", "-en", "en_US", "../etc", "vi-VN-x", "e"] {
            #expect(!SiteLanguage.isValidTag(bad), "\(bad)")
        }
    }

    @Test("Accept-Language picks the best language the site has, by weight, then by its primary subtag")
    func negotiate() {
        let site = SiteLanguage.defaults
        func pick(_ header: String?) -> String { SiteLanguage.negotiate(header, among: site).tag }
        #expect(pick(nil) == "vi")
        #expect(pick("en-US,en;q=0.9,vi;q=0.8") == "en")
        #expect(pick("de-DE, vi;q=0.5") == "vi")
        #expect(pick("zh-CN,zh;q=0.9") == "zh-Hans")
        #expect(pick("fr;q=0.2, ko;q=0.7") == "ko")
        #expect(pick("en;q=0, ru") == "ru")
        #expect(pick("*;q=0.5, de") == "vi")
        #expect(pick(";;, ,q=abc") == "vi")
        #expect(SiteLanguage.negotiate("en", among: []).tag == "vi")
    }
}
