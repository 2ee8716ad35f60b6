import LeafKit
import Testing

@testable import App

/// Rows written in Swift (`HTMLBuffer`) escape text exactly as Leaf does, so a title with markup in it is
/// as harmless on the plan page and the dashboard as anywhere else.
@Suite("HTML written in Swift")
struct HTMLBufferTests {
    @Test(
        "Text is escaped as Leaf escapes it; markup is written as given",
        arguments: [
            "Sở Văn hóa, Thể thao và Du lịch", "<script>alert('x')</script>", "A & B \"quoted\" <b>", "",
            "Đ & đ — 越南 🇻🇳 'single' > \u{0301}",
        ])
    func escapesAsLeaf(text: String) {
        var out = HTMLBuffer()
        out.raw("<td title=\"")
        out.text(text)
        out.raw("\">")
        out.text(text)
        out.raw("</td>")
        let escaped = text.htmlEscaped()
        #expect(out.html == "<td title=\"\(escaped)\">\(escaped)</td>")
        #expect(!out.html.contains("<script>"))
    }
}
