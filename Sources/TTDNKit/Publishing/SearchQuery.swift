import Foundation

/// What a visitor typed into the site's search box, as search terms, and the two query strings the databases
/// need: an FTS5 `MATCH` expression for SQLite and a `tsquery` for PostgreSQL.
///
/// The input is anything at all (quotes, `AND`/`OR`/`NOT`/`NEAR`, `*`, `:`, `^`, parentheses, SQL): it goes
/// through the same `SearchKey` processing as the indexed text, which leaves only letters and digits, so no
/// operator of either query language survives as an operator. `AND` typed by a visitor is just the word `and`.
/// Every term must be found (they are ANDed). The last term is matched as a prefix while the visitor is still
/// typing it, so a search-as-you-type box finds `Hữu` from `hu`.
public struct SearchQuery: Sendable, Equatable {
    /// One word (or bigram) to find: folded like the index, and whether a token merely starting with it counts.
    public struct Term: Sendable, Equatable, Hashable {
        public let text: String
        public let isPrefix: Bool
    }

    /// Only the first 2,000 characters of the input are read: more than eight words ever need, and a bound on
    /// the work a hostile 1 MB query string could ask for.
    public static let maxInputLength = 2_000

    /// At most eight distinct terms: more only slows the query without narrowing a news search.
    public static let maxTerms = 8

    /// Terms are at most `SearchKey.maxTokenLength` (64) characters, cut exactly like indexed tokens.
    public static let maxTermLength = SearchKey.maxTokenLength

    /// The terms in the order typed. Made only by parsing, so that every term is a non-empty `SearchKey`
    /// token and both query strings are always well formed.
    public let terms: [Term]

    /// Parses what the visitor typed. Duplicates are dropped, the first `maxTerms` distinct terms kept.
    ///
    /// A term is a prefix when it is the last word, the visitor's text ends inside it (not with a space or
    /// punctuation) and it has at least 2 characters: a single Latin letter would match half the index.
    /// A lone character of a script written without spaces (`越`) is always a prefix: the index holds it only
    /// inside bigrams (`越南`), so as an exact term it would find nothing.
    public init(_ input: String) {
        let text = input.prefix(Self.maxInputLength)
        let tokens = SearchKey.tokens(of: String(text))
        let endsInWord = text.last.map { $0.isLetter || $0.isNumber } ?? false
        var seen: Set<String> = []
        var terms: [Term] = []
        for (index, token) in tokens.enumerated() where terms.count < Self.maxTerms {
            guard seen.insert(token).inserted else { continue }
            let isLast = index == tokens.count - 1
            let lone = token.count == 1 && token.first.flatMap(SearchScript.init) != nil
            terms.append(Term(text: token, isPrefix: lone || (isLast && endsInWord && token.count >= 2)))
        }
        self.terms = terms
    }

    /// Nothing searchable was typed: show no results (or the latest articles), and run no query.
    public var isEmpty: Bool { terms.isEmpty }

    /// A SQLite FTS5 `MATCH` expression: each term a double-quoted string (quotes doubled), prefix terms
    /// followed by `*`, joined by `AND`; empty when `isEmpty`. Bind it as a parameter:
    /// `… WHERE article_search MATCH ?`.
    public var fts5Match: String {
        terms.map { term in
            "\"" + term.text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (term.isPrefix ? "*" : "")
        }.joined(separator: " AND ")
    }

    /// A PostgreSQL `tsquery`: each term single-quoted (quotes doubled, backslashes doubled), prefix terms
    /// followed by `:*`, joined by ` & `; empty when `isEmpty`. Valid both as the argument of
    /// `to_tsquery('simple', $1)` and as `$1::tsquery`; bind it as a parameter.
    public var tsQuery: String {
        terms.map { term in
            let quoted = term.text.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "'", with: "''")
            return "'" + quoted + "'" + (term.isPrefix ? ":*" : "")
        }.joined(separator: " & ")
    }
}
