import TTDNKit
import Testing

@Suite("Link targets in article bodies")
struct LinkTargetTests {
    @Test("The web, e-mail, phone and the site's own paths pass; every way of smuggling a script does not")
    func targets() {
        for good in [
            "https://langson.gov.vn/tin-tuc", "http://example.org", "mailto:songv@langson.gov.vn", "tel:+842053812345",
            "/vi/bai-viet/le-hoi-ky-lua", "#doan-2", "anh/le-hoi.jpg", "  https://x.org  ", "HTTPS://X.ORG",
            "/tim-kiem?q=a:b",
        ] {
            #expect(LinkTarget.allowed(good) != nil, "\(good)")
        }
        for bad in [
            "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
            "java\nscript:alert(1)", "javascript&#58;alert(1)", "javascript&colon;alert(1)", "data:text/html,<b>",
            "vbscript:msgbox", "file:///etc/passwd", "//evil.example/x", "\\\\evil\\x", "", "   ",
            "https://x.org/a b", String(repeating: "a", count: 2_001),
        ] {
            #expect(LinkTarget.allowed(bad) == nil, "\(bad)")
        }
        #expect(LinkTarget.allowed("  https://x.org  ") == "https://x.org")
    }
}
