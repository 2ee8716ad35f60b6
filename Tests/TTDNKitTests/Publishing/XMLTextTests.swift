import Foundation
import TTDNKit
import Testing

@Suite("XML text and attributes")
struct XMLTextTests {
    @Test("Markup characters are escaped; quotes and line breaks only in attributes")
    func escaping() {
        #expect(XMLText.text("a < b && c > d ]]> \"q\" 'a'") == "a &lt; b &amp;&amp; c &gt; d ]]&gt; \"q\" 'a'")
        #expect(XMLText.attribute("\"q\" 'a' <&>") == "&quot;q&quot; &#39;a&#39; &lt;&amp;&gt;")
        #expect(XMLText.text("a\tb\nc\r\nd") == "a\tb\nc&#13;\nd")
        #expect(XMLText.attribute("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d")
        // A combining mark after a quote makes one Character of the two; the quote is still escaped.
        #expect(XMLText.attribute("\"\u{301}") == "&quot;\u{301}")
    }

    @Test("Characters XML 1.0 forbids are dropped, everything else kept")
    func forbidden() {
        for value in Array(0x00...0x1F) + Array(0x7F...0x9F) + [0xFFFE, 0xFFFF] {
            let scalar = Unicode.Scalar(value)!
            let kept = [0x09, 0x0A, 0x0D].contains(value)
            #expect(XMLText.isAllowed(scalar) == kept, "U+\(String(value, radix: 16))")
        }
        let text = "Lạng Sơn 中越边境 ສະບາຍດີ ភាសាខ្មែរ 🇻🇳 \u{E000} \u{FFFD} \u{10FFFF}"
        #expect(XMLText.removingForbidden(text) == text)
        #expect(XMLText.removingForbidden("a\u{0}b\u{1B}[31mc\u{7F}\u{85}\u{FFFF}") == "ab[31mc")
        #expect(XMLText.text("a\u{0}<\u{FFFE}") == "a&lt;")
    }

    @Test("What it writes reads back the same, in text and in attributes")
    func roundTrip() throws {
        let hostile = "Hữu Nghị </title> ]]> & <b> \"q\" 'a' \t tab\nline\r\nCRLF 中越边境 ສະບາຍດີ \u{1}\u{7}"
        let xml =
            "<a v=\"\(XMLText.attribute(hostile))\" w='\(XMLText.attribute(hostile))'>\(XMLText.text(hostile))</a>"
        let document = XMLTestDocument(xml)
        #expect(document.error == nil)
        let element = try #require(document.all("a").first)
        let clean = XMLText.removingForbidden(hostile)
        #expect(element.text == clean)
        #expect(element.attributes["v"] == clean)
        #expect(element.attributes["w"] == clean)
    }
}
