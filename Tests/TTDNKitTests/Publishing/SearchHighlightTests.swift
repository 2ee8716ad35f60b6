import PropertyBased
import Testing

@testable import TTDNKit

@Suite("Search highlights")
struct SearchHighlightTests {
    typealias Segment = SearchHighlight.Segment

    /// Segments written compactly: marked text in brackets, cuts as `…`.
    static func render(_ segments: [Segment]) -> String {
        segments.map { $0.isMatch ? "[\($0.text)]" : $0.text }.joined()
    }

    static func snippet(_ text: String, _ terms: [String], _ maxLength: Int = 200) -> String {
        render(SearchHighlight.snippet(of: text, terms: terms, maxLength: maxLength))
    }

    @Test("Folded terms mark the original words: Hà Nội, Đăng; the text is never folded")
    func vietnamese() {
        #expect(
            Self.snippet("Hội nghị xúc tiến đầu tư tại Hà Nội.", ["ha noi"])
                == "Hội nghị xúc tiến đầu tư tại [Hà] [Nội].")
        #expect(Self.snippet("Cửa khẩu Đồng Đăng", ["dang"]) == "Cửa khẩu Đồng [Đăng]")
        #expect(Self.snippet("HÀ NỘI, hà nội", ["Hà", "Nội"]) == "[HÀ] [NỘI], [hà] [nội]")
        let segments = SearchHighlight.snippet(of: "Tại Hà Nội", terms: ["ha", "noi"], maxLength: 50)
        #expect(
            segments == [
                Segment(text: "Tại ", isMatch: false), Segment(text: "Hà", isMatch: true),
                Segment(text: " ", isMatch: false), Segment(text: "Nội", isMatch: true),
            ])
    }

    @Test("The last term is a prefix: hu marks Hữu; the others match whole words only")
    func prefix() {
        #expect(Self.snippet("Ông Nguyễn Hữu Nghĩa", ["hu"]) == "Ông Nguyễn [Hữu] Nghĩa")
        #expect(Self.snippet("Ông Nguyễn Hữu Nghĩa", ["hu", "nghia"]) == "Ông Nguyễn Hữu [Nghĩa]")
        #expect(Self.snippet("Ông Nguyễn Hữu Nghĩa", ["h"]) == "Ông Nguyễn Hữu Nghĩa", "one letter is no prefix")
        let typed = SearchQuery("nguyễn hữ")
        let segments = SearchHighlight.snippet(of: "Ông Nguyễn Hữu Nghĩa", query: typed, maxLength: 100)
        #expect(Self.render(segments) == "Ông [Nguyễn] [Hữu] Nghĩa")
        let done = SearchQuery("nguyễn hữ ")
        #expect(Self.render(SearchHighlight.snippet(of: "Nguyễn Hữu", query: done, maxLength: 100)) == "[Nguyễn] Hữu")
    }

    @Test("Chinese: bigram terms mark the characters they spell; a lone character marks itself")
    func chinese() {
        #expect(Self.snippet("中越边境贸易", ["边境"]) == "中越[边境]贸易")
        #expect(Self.snippet("加强中越边境合作。", ["中越边境"]) == "加强[中越边境]合作。")
        #expect(Self.snippet("越南和老挝，越老友谊", ["越"]) == "[越]南和老挝，[越]老友谊")
        #expect(Self.snippet("日本語のテスト", ["テスト"]) == "日本語の[テスト]")
        #expect(Self.snippet("ສະບາຍດີ ເພື່ອນ", ["ສະບາຍດີ"]) == "[ສະບາຍດີ] ເພື່ອນ")
        #expect(Self.snippet("iPhone手机 mới", ["手机", "iphone"]) == "[iPhone手机] mới")
    }

    static let filler = Array(repeating: "Tỉnh Lạng Sơn phát triển kinh tế cửa khẩu biên giới.", count: 2_000)
        .joined(separator: " ")

    @Test("No match: the beginning of the text, cut at a word boundary")
    func noMatch() {
        let segments = SearchHighlight.snippet(of: Self.filler, terms: ["xyz"], maxLength: 60)
        #expect(segments.last == .cut && segments.first != .cut)
        #expect(segments.count == 2 && !segments[0].isMatch)
        #expect(Self.filler.hasPrefix(segments[0].text + " "))
        #expect((45...60).contains(segments[0].text.count))
        #expect(Self.snippet("Ngắn gọn.", ["xyz"]) == "Ngắn gọn.")
    }

    @Test("A match deep in a long text: a window of about maxLength around it, cut at word boundaries")
    func longText() {
        let text = Self.filler + " Đoàn công tác đến Hà Nội ngày 2/9. " + Self.filler
        let segments = SearchHighlight.snippet(of: text, terms: ["ha noi"], maxLength: 80)
        #expect(segments.first == .cut && segments.last == .cut)
        let inner = segments.dropFirst().dropLast()
        let joined = inner.map(\.text).joined()
        #expect(text.contains(joined))
        #expect((64...96).contains(joined.count), "\(joined.count)")
        #expect(inner.filter(\.isMatch).map(\.text) == ["Hà", "Nội"])
        #expect(!joined.hasPrefix(" ") && !joined.hasSuffix(" "))
        let words = Set(text.split(separator: " ").map(String.init))
        let shown = joined.split(separator: " ").map(String.init)
        #expect(words.contains(shown.first!) && words.contains(shown.last!), "cut between words: \(joined)")
    }

    @Test("The window goes where most distinct terms are, not merely the first match")
    func densest() {
        let text = "Hà Giang. " + Self.filler.prefix(2_000) + " Thủ đô Hà Nội. " + Self.filler.prefix(2_000)
        let segments = SearchHighlight.snippet(of: text, terms: ["ha noi"], maxLength: 60)
        #expect(segments.filter(\.isMatch).map(\.text) == ["Hà", "Nội"])
        let first = SearchHighlight.snippet(of: text, terms: ["ha"], maxLength: 60)
        #expect(first.first?.text == "Hà" && first.first?.isMatch == true)
    }

    @Test("Terms at the very start and the very end of a long text")
    func edges() {
        let start = SearchHighlight.snippet(of: "Đồng Đăng " + Self.filler, terms: ["dong"], maxLength: 50)
        #expect(start.first == Segment(text: "Đồng", isMatch: true) && start.last == .cut)
        let end = SearchHighlight.snippet(of: Self.filler + " Đồng Đăng", terms: ["dang"], maxLength: 50)
        #expect(end.last == Segment(text: "Đăng", isMatch: true) && end.first == .cut)
        #expect(Self.snippet("中越", ["中越"]) == "[中越]")
    }

    @Test("Grapheme clusters are never split: a letter with its marks, an emoji with its modifier")
    func graphemes() {
        let text = String(repeating: "👍🏽", count: 100) + "Nghệ" + String(repeating: "👍🏽", count: 100)
        let segments = SearchHighlight.snippet(of: text, terms: ["nghe"], maxLength: 21)
        #expect(segments.filter(\.isMatch).map(\.text) == ["Nghệ"])
        #expect(segments.first == .cut && segments.last == .cut)
        for segment in segments where segment != .cut {
            let scalars = segment.text.unicodeScalars
            #expect(scalars.filter { $0 == "👍" }.count == scalars.filter { $0 == "\u{1F3FD}" }.count)
        }
        let decomposed = "Nghe\u{0323}\u{0302} An"
        #expect(Self.snippet(decomposed, ["nghe"]) == "[Nghe\u{0323}\u{0302}] An")
    }

    @Test("Empty text or no room: no segments; past 200,000 characters nothing is looked for")
    func limits() {
        #expect(SearchHighlight.snippet(of: "", terms: ["a"], maxLength: 10).isEmpty)
        #expect(SearchHighlight.snippet(of: "Hà Nội", terms: ["ha"], maxLength: 0).isEmpty)
        let far = String(repeating: "chữ ", count: 60_000) + "Hà Nội"
        let segments = SearchHighlight.snippet(of: far, terms: ["ha"], maxLength: 40)
        #expect(!segments.contains { $0.isMatch } && segments.last == .cut)
    }

    static let words = [
        "Hà", "Nội", "Đồng", "Đăng", "Hữu", " ", " ", "  ", "\n", ", ", ".", "中越", "边境", "越", "ສະບາຍດີ", "👍🏽",
        "🇻🇳", "e\u{0301}", "\u{0301}", "x", "ha", "noi", "ﾃｽﾄ", "-", "\"",
    ]
    static let texts = Gen.int(in: 0..<words.count).array(of: 0...120).map { $0.map { words[$0] }.joined() }
    static let queries = Gen.int(in: 0..<words.count).array(of: 0...4).map { $0.map { words[$0] } }

    @Test("For any text: segments are a contiguous original substring, in alternating runs, of bounded length")
    func anyText() async {
        await propertyCheck(count: 400, input: Self.texts, Self.queries, Gen.int(in: 1...60)) { text, terms, max in
            let segments = SearchHighlight.snippet(of: text, terms: terms, maxLength: max)
            let inner = segments.filter { $0 != .cut }
            let joined = inner.map(\.text).joined()
            let trimmed = String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
            #expect(!inner.isEmpty || trimmed.isEmpty, "\(text.debugDescription) \(terms)")
            #expect(joined.isEmpty || text.contains(joined), "\(text.debugDescription) \(terms)")
            #expect(inner.allSatisfy { !$0.text.isEmpty })
            #expect(zip(inner, inner.dropFirst()).allSatisfy { $0.isMatch != $1.isMatch })
            #expect(joined.count <= max + 2 * SearchHighlight.boundarySlack(max))
            #expect(segments.first == .cut || trimmed.hasPrefix(joined))
            #expect(segments.last == .cut || trimmed.reversed().starts(with: joined.reversed()))
            #expect(segments.dropFirst().dropLast().allSatisfy { $0 != .cut })
        }
    }

    static let scripts = [
        "Hà Nội", "Đồng Đăng", "中越边境", "ສະບາຍດີ", "สวัสดี", "ភាសាខ្មែរ", "မြန်မာ", "日本語のテスト", "한국어",
        "ﾃｽﾄ", "ＡＢＣ", "x²", "İ", " ", ", ", "👍🏽", "\u{200D}", "\u{0E31}", "e\u{0301}", "-", "1",
    ]
    static let mixed = Gen.int(in: 0..<scripts.count).array(of: 1...12).map { $0.map { scripts[$0] }.joined() }

    @Test("Every token the index holds for a text is marked somewhere in that text")
    func agreesWithIndex() async {
        await propertyCheck(count: 300, input: Self.mixed) { text in
            for token in Set(SearchKey.index(text).split(separator: " ")) {
                let query = SearchQuery(token + " ")
                #expect(query.terms.map(\.text) == [String(token)])
                let segments = SearchHighlight.snippet(of: text, query: query, maxLength: 1_000)
                #expect(segments.contains { $0.isMatch }, "\(text.debugDescription): \(token)")
            }
        }
    }
}
