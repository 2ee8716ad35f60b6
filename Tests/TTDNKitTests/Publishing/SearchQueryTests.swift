import PropertyBased
import Testing

@testable import TTDNKit

@Suite("Search queries")
struct SearchQueryTests {
    typealias Term = SearchQuery.Term

    @Test("Terms are folded like the index; the last is a prefix while the visitor is still typing it")
    func vietnamese() {
        let query = SearchQuery("Hà Nội")
        #expect(query.terms == [Term(text: "ha", isPrefix: false), Term(text: "noi", isPrefix: true)])
        #expect(query.fts5Match == #""ha" AND "noi"*"#)
        #expect(query.tsQuery == "'ha' & 'noi':*")
        #expect(SearchQuery("Đồng Đăng ").fts5Match == #""dong" AND "dang""#)
        #expect(SearchQuery("Đồng Đăng ").tsQuery == "'dong' & 'dang'")
        #expect(SearchQuery("“Đồng Đăng”").tsQuery == "'dong' & 'dang'")
        #expect(SearchQuery("Nguyễn h").tsQuery == "'nguyen' & 'h'")
        #expect(SearchQuery("hữu").tsQuery == "'huu':*")
    }

    @Test("Duplicates are dropped, the first eight distinct terms kept, each at most 64 characters")
    func caps() {
        let repeated = SearchQuery("hà nội Hà Nội HÀ")
        #expect(repeated.terms == [Term(text: "ha", isPrefix: false), Term(text: "noi", isPrefix: false)])
        let many = SearchQuery((1...20).map { "w\($0)" }.joined(separator: " "))
        #expect(many.terms.map(\.text) == (1...8).map { "w\($0)" })
        #expect(many.terms.allSatisfy { !$0.isPrefix })
        let long = SearchQuery(String(repeating: "x", count: 10_000))
        #expect(long.terms == [Term(text: String(repeating: "x", count: 64), isPrefix: true)])
        let hostile = SearchQuery(String(repeating: "\"*(^:)", count: 2_000) + " đà lạt")
        #expect(hostile.isEmpty, "only the first 2,000 characters are read")
    }

    @Test("Query syntax typed by a visitor is only words")
    func hostile() {
        let sql = SearchQuery(#"" OR 1=1; DROP TABLE articles; --"#)
        #expect(sql.fts5Match == #""or" AND "1" AND "drop" AND "table" AND "articles""#)
        let fts = SearchQuery("NEAR(a b) AND c* ^d:e")
        #expect(fts.tsQuery == "'near' & 'a' & 'b' & 'and' & 'c' & 'd' & 'e'")
        #expect(SearchQuery("title:hà OR nội*").fts5Match == #""title" AND "ha" AND "or" AND "noi""#)
        #expect(SearchQuery("'' \\' ':*' !x").tsQuery == "'x'")
    }

    @Test("Nothing searchable: empty, and both query strings empty")
    func empty() {
        for input in ["", "   ", "!!!", "😀👍🏽", "\"\"", "* : ^ ( )", "\u{0}\u{200D}"] {
            let query = SearchQuery(input)
            #expect(query.isEmpty && query.fts5Match.isEmpty && query.tsQuery.isEmpty, "\(input.debugDescription)")
        }
    }

    @Test("Chinese and other unspaced scripts: bigram terms; a lone character is always a prefix")
    func unspaced() {
        #expect(SearchQuery("边境").fts5Match == #""边境"*"#)
        #expect(SearchQuery("中越边境 ").fts5Match == #""中越" AND "越边" AND "边境""#)
        #expect(SearchQuery("越").tsQuery == "'越':*")
        #expect(SearchQuery("越 南 ").tsQuery == "'越':* & '南':*")
        #expect(SearchQuery("ສະບາຍດີ").tsQuery == "'ສະ' & 'ະບ' & 'ບາ' & 'າຍ' & 'ຍດີ':*")
        #expect(SearchQuery("한국어").tsQuery == "'한국어':*")
    }

    static let fragments = [
        "Hà", "Nội", "đ", " ", "  ", "\t", "\"", "\"\"", "'", "''", "\\", "*", ":", ":*", "^", "(", ")", "-", "+", "&",
        "|", "!", "<->", "AND", "OR", "NOT", "NEAR", "NEAR(", ",", "{", "}", "col:", "中越边境", "越", "ສະບາຍດີ",
        "한국어", "😀", "👍🏽", "\u{0}", "\u{200D}", "\u{0301}", "x", "ab", "1", ";DROP TABLE t;--", "%", "_", "İ",
    ]
    static let inputs = Gen.int(in: 0..<fragments.count).array(of: 0...30).map {
        $0.map { fragments[$0] }.joined()
    }
    static let scalars = Gen<UInt32>.oneOf(
        Gen<UInt32>.value(in: 0...0x7F), Gen<UInt32>.value(in: 0...0x2FFF), Gen<UInt32>.value(in: 0...0x10FFFF)
    ).array(of: 0...80).map { values in
        String(String.UnicodeScalarView(values.map { Unicode.Scalar($0) ?? "?" }))
    }

    @Test("For any input both renderings are empty or strictly well formed, with at most 8 terms of the index")
    func anyInput() async {
        await propertyCheck(count: 500, input: Self.inputs) { Self.check($0) }
        await propertyCheck(count: 500, input: Self.scalars) { Self.check($0) }
    }

    static func check(_ input: String) {
        let query = SearchQuery(input)
        let fts5 = Self.fts5Terms(query.fts5Match)
        let ts = Self.tsTerms(query.tsQuery)
        #expect(fts5 != nil && ts != nil, "\(input.debugDescription): \(query.fts5Match) | \(query.tsQuery)")
        #expect(fts5?.count == query.terms.count && ts?.count == query.terms.count)
        #expect(query.terms.count <= SearchQuery.maxTerms)
        #expect(Set(query.terms.map(\.text)).count == query.terms.count)
        let indexed = Set(SearchKey.index(input).split(separator: " ").map(String.init))
        for term in query.terms {
            #expect(!term.text.isEmpty && term.text.count <= SearchQuery.maxTermLength)
            #expect(indexed.contains(term.text), "a term is a token of the same text indexed")
        }
        #expect(fts5.map { $0.map(\.text) } == query.terms.map(\.text))
        #expect(ts.map { $0.map(\.isPrefix) } == query.terms.map(\.isPrefix))
    }

    /// A term text both query languages read as one plain token: no white space, no control character,
    /// no ASCII other than lower-case letters and digits, and it starts with a letter or a digit.
    static func isPlainToken(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = scalars.first, first.properties.isAlphabetic || first.properties.numericType != nil
        else { return false }
        return scalars.allSatisfy {
            $0.isASCII ? (("a"..."z").contains($0) || ("0"..."9").contains($0)) : !$0.properties.isWhitespace
        }
    }

    /// The terms of `"t1" AND "t2"*`, or `nil` if `match` is anything else. Read scalar by scalar, as the
    /// databases read bytes: a mark after a quote is not part of the quote.
    static func fts5Terms(_ match: String) -> [Term]? {
        terms(match, separator: " AND ", quote: "\"", prefix: ["*"])
    }

    /// The terms of `'t1' & 't2':*`, or `nil` if `query` is anything else.
    static func tsTerms(_ query: String) -> [Term]? {
        terms(query, separator: " & ", quote: "'", prefix: [":", "*"])
    }

    /// Parses `quote term quote [prefix]` joined by `separator`, where a term is a plain token (so it holds
    /// no quote and no backslash to escape).
    static func terms(_ text: String, separator: String, quote: Unicode.Scalar, prefix: [Unicode.Scalar]) -> [Term]? {
        if text.isEmpty { return [] }
        var terms: [Term] = []
        for part in text.components(separatedBy: separator) {
            var scalars = Array(part.unicodeScalars)[...]
            let isPrefix = scalars.reversed().starts(with: prefix.reversed())
            if isPrefix { scalars = scalars.dropLast(prefix.count) }
            guard scalars.count >= 3, scalars.first == quote, scalars.last == quote else { return nil }
            let inner = scalars.dropFirst().dropLast()
            guard isPlainToken(inner), !inner.contains(quote), !inner.contains("\\") else { return nil }
            var token = String.UnicodeScalarView()
            token.append(contentsOf: inner)
            terms.append(Term(text: String(token), isPrefix: isPrefix))
        }
        return terms
    }
}
