import Testing

@testable import TTDNKit

@Suite struct LocalRedirectTests {
    @Test(arguments: ["/app", "/app/plans?agency=1&x=%2F%2Fa", "/", "/app/reports/1#task-2"])
    func localPathsPass(_ target: String) {
        #expect(LocalRedirect.path(target) == target)
    }

    /// Each of these is read by some browser as a link to another host, or is not a path at all.
    @Test(arguments: [
        "//evil.example", "/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "/\\evil.example",
        "\\\\evil.example", "https://evil.example", "evil.example", "", " /app", "/ /evil", "/\u{00A0}/evil",
        "/\u{200B}/evil", "/\u{0085}/evil", "/\u{2028}/evil",
    ])
    func foreignTargetsAreRefused(_ target: String) {
        #expect(LocalRedirect.path(target) == nil)
    }

    @Test func nothingAndHugeAreRefused() {
        #expect(LocalRedirect.path(nil) == nil)
        #expect(LocalRedirect.path("/" + String(repeating: "a", count: 5000)) == nil)
    }
}
