import Foundation
import TTDNKit
import Testing

@Suite("Article bodies: Markdown to safe HTML")
struct ArticleBodyTests {
    func render(_ markdown: String) -> ArticleBody.Rendered {
        ArticleBody.render(markdown) { $0 == "/media/1" ? (width: 800, height: 600) : nil }
    }

    /// The tags in `html` a browser would act on (`<` then a letter, `/`, `!` or `?`), each up to its `>`.
    func tags(_ html: String) -> [String] {
        var found: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            if let next = after.first, next.isLetter || "/!?".contains(next) {
                found.append(String(rest[open...].prefix { $0 != ">" }))
            }
            rest = after
        }
        return found
    }

    /// The tags of `html` that are not ones the renderer writes, or that carry an event handler or a script.
    func liveTags(_ html: String) -> [String] {
        let mine: Set<String> = [
            "p", "h2", "h3", "h4", "h5", "h6", "em", "strong", "s", "ul", "ol", "li", "blockquote", "code", "pre",
            "table", "thead", "tbody", "tr", "th", "td", "br", "hr", "a", "img", "figure", "figcaption",
        ]
        return tags(html).filter { tag in
            let name = tag.dropFirst().drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
            let names = attributeNames(tag)
            return !mine.contains(name) || names.contains { $0.hasPrefix("on") || $0 == "style" }
                || tag.lowercased().contains("=\"javascript:") || tag.lowercased().contains("=\"data:")
        }
    }

    /// The names of a tag's attributes: what stands outside quotes before each `=`.
    func attributeNames(_ tag: String) -> [String] {
        var names: [String] = []
        var word = ""
        var quote: Character?
        for ch in tag.dropFirst() {
            if let q = quote {
                if ch == q { quote = nil }
            } else if ch == "\"" || ch == "'" {
                quote = ch
            } else if ch == "=" {
                names.append(word.lowercased())
                word = ""
            } else if ch == " " || ch == "/" {
                word = ""
            } else {
                word.append(ch)
            }
        }
        return names
    }

    @Test("Script in every disguise comes out as text or not at all")
    func xss() {
        let vectors = [
            "<script>alert(1)</script>",
            "Chào <img src=x onerror=alert(1)> bạn",
            "<a href=\"javascript:alert(1)\">bấm</a>",
            "<javascript:alert(1)>",
            "[bấm](javascript:alert(1))",
            "[bấm](JaVaScRiPt:alert(1))",
            "[bấm](java\tscript:alert(1))",
            "[bấm](javascript&#58;alert(1))",
            "[bấm][x]\n\n[x]: javascript:alert(1)",
            "[bấm](https://x.org\" onmouseover=\"alert(1))",
            "[bấm](https://x.org \"t\" onmouseover=\"alert(1)\")",
            "![a\" onerror=\"alert(1)](/media/1)",
            "![ảnh](javascript:alert(1))",
            "![ảnh](data:image/svg+xml,<svg onload=alert(1)>)",
            "a &<img/src=x/onerror=alert(1)>; b",
            "**<b>đậm *<i>nghiêng</i>*</b>**",
            "```\"><script>alert(1)</script>\ncode\n```",
            "`<script>alert(1)</script>`",
            "<div>\n<script>alert(1)</script>\n</div>",
            "<!-- <script>alert(1)</script> -->",
            "<<script>script>alert(1)<</script>/script>",
            "[<img src=x onerror=alert(1)>](https://x.org)",
            "> <iframe src=//evil>",
            "| <script> | b |\n|---|---|\n| 1 | 2 |",
        ]
        for vector in vectors {
            let html = render(vector).html
            #expect(liveTags(html).isEmpty, "\(vector) → \(html)")
            // What is not a tag is text: no raw quote may close an attribute either.
            #expect(tags(html).allSatisfy { $0.filter { $0 == "\"" }.count % 2 == 0 }, "\(vector) → \(html)")
        }
        // The detector itself sees what Ink alone would have let through.
        #expect(liveTags("<p><img src=x onerror=alert(1)></p>").count == 1)
        #expect(liveTags("<a href=\"javascript:alert(1)\">").count == 1)
        #expect(liveTags("<img src=\"/a\" alt=\"x\" onerror=\"alert(1)\">").count == 1)
        #expect(liveTags("<img src=\"/a\" alt=\"x&quot; onerror=&quot;y\">").isEmpty)
        #expect(render("[bấm][x]\n\n[x]: javascript:alert(1)").html == "<p>bấm</p>")
        #expect(render("[bấm][x]\n\n[x]: javascript:alert(1)").problems == [.linkRefused])
        #expect(render("![ảnh](javascript:alert(1))").html == "")
        #expect(render("<script>alert(1)</script>").html == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")
        #expect(
            render("a &<img/src=x/onerror=alert(1)>; b").html == "<p>a &amp;&lt;img/src=x/onerror=alert(1)&gt;; b</p>")
    }

    @Test("Typed HTML is text, and an unclosed tag does not swallow the rest of the body")
    func rawHTMLIsText() {
        let body = render("Dòng một<br>dòng hai\n\n# Lễ hội\n\nĐoạn cuối")
        #expect(body.html == "<p>Dòng một&lt;br&gt;dòng hai</p><h2>Lễ hội</h2><p>Đoạn cuối</p>")
        #expect(body.plainText == "Dòng một<br>dòng hai\n\nLễ hội\n\nĐoạn cuối")
        #expect(render("&copy; 2025 &amp; a&b").html == "<p>&copy; 2025 &amp; a&amp;b</p>")
    }

    @Test("Links: checked targets, titles escaped, other sites get noopener, refused ones keep their text")
    func links() {
        let body = render(
            "[Sở](https://langson.gov.vn \"Say \\\"hi\\\" <b>\") [trang](/vi/bai-viet/a?x=1&y=2) "
                + "[thư](mailto:a@b.vn) [xấu](javascript:alert(1)) [ref][R]\n\n[r]: https://x.org/a(b)c 'Tiêu đề'")
        #expect(
            body.html
                == "<p><a href=\"https://langson.gov.vn\" title=\"Say &quot;hi&quot; &lt;b&gt;\" rel=\"noopener\">Sở</a> "
                + "<a href=\"/vi/bai-viet/a?x=1&amp;y=2\">trang</a> <a href=\"mailto:a@b.vn\">thư</a> xấu "
                + "<a href=\"https://x.org/a(b)c\" title=\"Tiêu đề\" rel=\"noopener\">ref</a></p>")
        #expect(body.problems == [.linkRefused])
        #expect(render("[a](https://x.org/a b)").problems == [.linkRefused])
        #expect(render("[a](<https://x.org/a>)").html == "<p><a href=\"https://x.org/a\" rel=\"noopener\">a</a></p>")
        // Emphasis inside a link stays; a link inside a link's text is the only link (HTML nests none).
        #expect(
            render("[**đậm** [trong](/b)](/a)").html
                == "<p>[<strong>đậm</strong> <a href=\"/b\">trong</a>](/a)</p>")
        // A linked image, a target with parentheses, an ampersand in the text.
        #expect(
            render("[![Bản đồ](/media/1)](/vi/ban-do) [Sở VH&DL](https://vi.wikipedia.org/wiki/A_(B))").html
                == "<p><a href=\"/vi/ban-do\"><img src=\"/media/1\" alt=\"Bản đồ\" width=\"800\" height=\"600\" "
                + "loading=\"lazy\"></a> <a href=\"https://vi.wikipedia.org/wiki/A_(B)\" rel=\"noopener\">Sở VH&amp;DL</a></p>"
        )
        // A reference that is never defined is its own target, as Ink has it.
        #expect(render("[a][/vi]").html == "<p><a href=\"/vi\">a</a></p>")
    }

    @Test("Images: alternative text required, size when known, lazy, captions from titles")
    func images() {
        let body = render(
            "![Chợ Kỳ Lừa](/media/1 \"Chợ Kỳ Lừa, 2024\")\n\nChữ ![](/media/2) và ![x](https://x.org/a.png \"t\")\n\n"
                + "![bad](javascript:alert(1))\n\n![again](/media/1)")
        #expect(
            body.html
                == "<figure><img src=\"/media/1\" alt=\"Chợ Kỳ Lừa\" width=\"800\" height=\"600\" loading=\"lazy\">"
                + "<figcaption>Chợ Kỳ Lừa, 2024</figcaption></figure>"
                + "<p>Chữ <img src=\"/media/2\" alt=\"\" loading=\"lazy\"> và "
                + "<img src=\"https://x.org/a.png\" alt=\"x\" loading=\"lazy\" title=\"t\"></p>"
                + "<img src=\"/media/1\" alt=\"again\" width=\"800\" height=\"600\" loading=\"lazy\">")
        #expect(body.images == ["/media/1", "/media/2"])
        #expect(
            body.problems == [
                .imageAltMissing, .imageSizeUnknown, .imageSizeUnknown, .imageRefused,
            ])
        #expect(body.plainText == "Chợ Kỳ Lừa, 2024\n\nChữ và")
        // The alternative text is plain text, escaped.
        #expect(render("![a **b** <c> \"d\"](/media/1)").html.contains("alt=\"a b &lt;c&gt; &quot;d&quot;\""))
    }

    @Test("Headings start at h2; code keeps its text; lists, quotes and tables pass")
    func structure() {
        let body = render(
            "# Một\n## Hai\n###### Sáu\n\n```swift  \nlet a = 1 < 2 && b\n```\n\n- a\n- b\n\n3. c\n4. d\n\n> trích\n\n"
                + "| a | b |\n|:-|-:|\n| 1 | 2 |\n\n---\n\ncuối")
        #expect(
            body.html
                == "<h2>Một</h2><h3>Hai</h3><h6>Sáu</h6>"
                + "<pre><code class=\"language-swift\">let a = 1 &lt; 2 &amp;&amp; b\n</code></pre>"
                + "<ul><li>a</li><li>b</li></ul><ol start=\"3\"><li>c</li><li>d</li></ol>"
                + "<blockquote><p>trích</p></blockquote>"
                + "<table><thead><tr><th align=\"left\">a</th><th align=\"right\">b</th></tr></thead>"
                + "<tbody><tr><td align=\"left\">1</td><td align=\"right\">2</td></tr></tbody></table><hr><p>cuối</p>")
        #expect(
            body.plainText
                == "Một\n\nHai\n\nSáu\n\nlet a = 1 < 2 && b\n\na\n\nb\n\nc\n\nd\n\ntrích\n\na b\n\n1 2\n\ncuối")
    }

    @Test("Brackets, ampersands and open targets that would keep Ink busy for ever: quick, and shown as typed")
    func denialOfService() {
        // Ink 0.6.0 alone takes about 50 seconds for 16 `![` in a row, twice as long for each more.
        for (unit, count) in [("![", 20_000), ("[", 20_000), ("[a][", 10_000), ("[a](", 10_000), ("&a", 20_000)] {
            let body = String(repeating: unit, count: count)
            var html = ""
            let elapsed = ContinuousClock().measure { html = render(body).html }
            #expect(elapsed < .seconds(10), "\(unit) × \(count): \(elapsed)")
            let escaped = body.replacingOccurrences(of: "&", with: "&amp;")
            #expect(html == "<p>\(escaped)</p>", "\(unit)")
        }
        #expect(
            render("Theo báo cáo [1], [sic] và [a][b và [[x]]").html
                == "<p>Theo báo cáo [1], [sic] và [a][b và [[x]]</p>")
        #expect(
            render("```json\n[[1, 2], [3, 4]] & <b>\n```").html.contains(">[[1, 2], [3, 4]] &amp; &lt;b&gt;\n</code>"))
    }

    @Test("A first line of --- is a rule, not metadata that would vanish")
    func noFrontMatter() {
        #expect(render("---\ntác giả: A\n---\nchữ").plainText == "tác giả: A\n\nchữ")
        #expect(render("[a]: /x\n\n  ---\ntác giả: A\n---\nchữ [b][a]").plainText == "tác giả: A\n\nchữ b")
        #expect(render("chữ\n---\nnữa").html == "<p>chữ</p><hr><p>nữa</p>")
    }

    @Test("Vietnamese text comes out composed (NFC), whatever the input's form")
    func vietnamese() {
        let decomposed = "Lạng Sơn: lễ hội".decomposedStringWithCanonicalMapping
        let body = render("## \(decomposed)\r\n\r\n**\(decomposed)**")
        #expect(body.html == "<h3>Lạng Sơn: lễ hội</h3><p><strong>Lạng Sơn: lễ hội</strong></p>")
        #expect(body.html.unicodeScalars.elementsEqual(body.html.precomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(body.plainText == "Lạng Sơn: lễ hội\n\nLạng Sơn: lễ hội")
        // Combining marks after `<` or `"` do not hide them from the escaping.
        let marked = render("<\u{301}script> ![a\"\u{301} onerror=x](/media/1)").html
        #expect(!marked.contains("<\u{301}") && !marked.contains("\"\u{301}"))
    }

    @Test("Plain text: paragraphs separated by a blank line, entities decoded, markup gone")
    func plainText() {
        let body = render("Đoạn *một*\ncòn tiếp &amp; hết.\n\nĐoạn [hai](/a) &lt;3\\\ndòng mới")
        #expect(body.plainText == "Đoạn một còn tiếp & hết.\n\nĐoạn hai <3\ndòng mới")
        #expect(render("").plainText == "" && render("").html == "")
    }
}
