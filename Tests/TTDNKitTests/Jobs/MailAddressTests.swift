import Testing

@testable import TTDNKit

@Suite("Jobs: which texts may be used as an e-mail address")
struct MailAddressTests {
    @Test(
        "Ordinary addresses pass",
        arguments: ["canbo@songoaivu.langson.gov.vn", "a@b", "nguyen.van-a+bc@example.com", "thư@tỉnh.example"])
    func ordinary(_ address: String) {
        #expect(MailAddress.problem(address) == nil)
    }

    @Test(
        "CR, LF and other control characters are refused (header and command injection)",
        arguments: [
            "a@b.example\r\nBcc: victim@evil.example", "a@b.example\nRCPT TO:<x@evil.example>", "a@b\r", "\na@b",
            "a\u{0}@b", "a@b\u{7F}", "a@b\u{85}", "a@b\u{2028}x", "a\t@b",
        ])
    func controlCharacters(_ address: String) {
        #expect(MailAddress.problem(address) == .controlCharacter)
        #expect(!MailAddress.isSafeHeaderValue(address))
    }

    @Test(
        "Spaces and characters that close <…> or split a list are refused",
        arguments: ["a b@c", "a@b>x", "<a@b>", "a@b,c@d", "a@b;", "\"a\"@b"])
    func forbidden(_ address: String) {
        #expect(MailAddress.problem(address) == .forbiddenCharacter)
    }

    @Test("Not local@domain", arguments: ["ab", "@b", "a@", "a@b@c", "a@.b", "a@b.", ""])
    func shape(_ address: String) {
        #expect(MailAddress.problem(address) == .shape)
    }

    @Test("Too long")
    func tooLong() {
        #expect(
            MailAddress.problem(String(repeating: "a", count: 60) + "@" + String(repeating: "b", count: 200))
                == .tooLong)
        #expect(MailAddress.problem(String(repeating: "a", count: 65) + "@b") == .shape)
    }

    @Test("Header values: Vietnamese text passes, any line break does not")
    func headerValues() {
        #expect(MailAddress.isSafeHeaderValue("[TTĐN] Báo cáo hằng quý"))
        #expect(!MailAddress.isSafeHeaderValue("x\r\nBcc: y"))
    }
}
