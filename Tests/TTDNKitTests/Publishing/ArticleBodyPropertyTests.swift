import Foundation
import PropertyBased
import TTDNKit
import Testing

/// Random bodies made of Markdown and of the pieces attacks are made of: whatever Ink makes of them, the page
/// holds only the renderer's own tags, with checked targets.
@Suite("Article bodies: random hostile Markdown")
struct ArticleBodyPropertyTests {
    static let fragments = [
        "<", ">", "&", ";", "\"", "'", "`", "```", "[", "]", "(", ")", "![", "](", "]: ", "*", "**", "_", "~~", "#",
        "# ", "> ", "- ", "1. ", "|", "---", "\\", "\n", "\n\n", " ", "<script>", "</script>", "<img src=x ",
        "onerror=alert(1)", "javascript:", "java\tscript:", "data:text/html,", "&#58;", "&lt;", "&amp;", "//evil",
        "https://x.org", "/media/1", "\u{301}", "\u{0}", "\r\n", "Lạng Sơn", "chợ", "<br>", "<p", "<!--", "-->",
        "\u{E000}", "\u{E001}", "0", "7", "[a](", "[![a](/media/1)](", "](", "][", "&a", "&#", "  \n", "| a |",
        "[r]: javascript:alert(1)\n", "[r]", "\u{2028}",
    ]

    static let bodies = Gen.int(in: 0..<fragments.count).array(of: 0...50).map { $0.map { fragments[$0] }.joined() }

    static let mine: Set<String> = [
        "p", "h2", "h3", "h4", "h5", "h6", "em", "strong", "s", "ul", "ol", "li", "blockquote", "code", "pre",
        "table", "thead", "tbody", "tr", "th", "td", "br", "hr", "a", "img", "figure", "figcaption",
    ]

    /// What is wrong with the page made of `body`: each tag that is not the renderer's own or carries an
    /// unescaped quote or a script target, a private-use scalar the body did not have (a token left over).
    static func faults(of body: String) -> [String] {
        let html = ArticleBody.render(body) { _ in (width: 1, height: 1) }.html
        var faults: [String] = []
        // Scalars, as a browser reads: a combining mark after `>` makes one Character of the two.
        let scalars = Array(html.unicodeScalars)
        for (index, scalar) in scalars.enumerated() where scalar == "<" {
            let end = scalars[index...].firstIndex(of: ">") ?? scalars.endIndex
            let tag = String(String.UnicodeScalarView(scalars[index..<end]))
            let name = tag.unicodeScalars.dropFirst().drop { $0 == "/" }.prefix {
                $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0)
            }
            let lower = tag.lowercased()
            let targets = ["href", "src"].flatMap { a in ["javascript", "data:", "//"].map { " \(a)=\"\($0)" } }
            if !mine.contains(String(String.UnicodeScalarView(name)).lowercased())
                || tag.unicodeScalars.filter({ $0 == "\"" }).count % 2 != 0 || targets.contains(where: lower.contains)
            {
                faults.append(tag)
            }
        }
        let leftover = html.unicodeScalars.filter {
            (0xE000...0xF8FF).contains($0.value) && !body.unicodeScalars.contains($0)
        }
        if !leftover.isEmpty { faults.append("token") }
        return faults
    }

    @Test func onlyTheRenderersOwnTags() async {
        await propertyCheck(count: 500, input: Self.bodies) { body in
            #expect(Self.faults(of: body).isEmpty, "\(body.debugDescription)")
        }
    }
}
