import Foundation

/// The text of an article as the public site's search index stores it, computed here in Swift so that SQLite
/// FTS5 and PostgreSQL see the same tokens and give the same answers: neither database can fold `đ` or remove
/// Vietnamese marks the way `VietnameseText` does, and their word splitting differs on Asian scripts.
///
/// The key is `VietnameseText.searchKey` of the text after compatibility normalisation (full-width letters,
/// ligatures and superscripts become plain ones), with every scalar that is not a letter, a mark or a digit
/// dropped (emoji, joiners, variation selectors). Runs of the scripts written without spaces (`SearchScript`)
/// become overlapping character bigrams, so `中越边境` is stored as `中越 越边 边境` and a search for `边境`
/// finds it; a lone character stays a unigram. Tokens are separated by single ASCII spaces and contain no ASCII
/// punctuation, so any tokenizer that splits on spaces, and only on them, sees exactly these tokens.
///
/// The same processing makes the terms of a visitor's query (`SearchQuery`), so both sides always agree.
public enum SearchKey: Sendable {
    /// At most this many tokens are indexed: the first 20,000 words (or bigrams) of an article, far more than
    /// a news article holds (a long one has 3,000 words). It keeps a PostgreSQL `tsvector` well under its 1 MB
    /// limit and bounds the work for a pasted book.
    public static let maxTokens = 20_000

    /// The key stops before the token that would take it past 500,000 bytes of UTF-8. A PostgreSQL `tsvector`
    /// cannot exceed 1 MB (its offsets are 20 bits: `array_to_tsvector` does not even check), and a key of
    /// 500,000 bytes makes one of at most 650 KB however it is built. Only a pathological text comes near.
    public static let maxKeyBytes = 500_000

    /// A longer token is cut to its first 64 characters, here and in queries alike, so it still matches.
    /// No real word comes near; PostgreSQL would refuse a lexeme over 2,047 bytes.
    public static let maxTokenLength = 64

    /// A token is also cut to at most 256 bytes of UTF-8, at a character boundary, for characters carrying
    /// piles of combining marks.
    public static let maxTokenBytes = 256

    /// The text as stored in the index: tokens separated by single spaces; empty when nothing is searchable.
    public static func index(_ text: String) -> String {
        tokens(of: text).joined(separator: " ")
    }

    /// The tokens of `text`, in order, at most `maxTokens` of them and `maxKeyBytes` joined.
    static func tokens(of text: String) -> [String] {
        var out: [String] = []
        var kept = 0
        var bytes = -1
        let key = VietnameseText.searchKey(text.precomposedStringWithCompatibilityMapping)
        for word in key.split(separator: " ") {
            appendTokens(of: clean(word.unicodeScalars), to: &out)
            while kept < out.count {
                bytes += out[kept].utf8.count + 1
                guard kept < maxTokens, bytes <= maxKeyBytes else { return Array(out.prefix(kept)) }
                kept += 1
            }
        }
        return out
    }

    /// Splits a folded word at changes of script group and appends its tokens: a spaced-script run whole,
    /// a `SearchScript` run as bigrams.
    private static func appendTokens(of word: String, to out: inout [String]) {
        var run: [Character] = []
        var runScript: SearchScript?
        func flush() {
            defer { run.removeAll(keepingCapacity: true) }
            guard !run.isEmpty else { return }
            if runScript == nil || run.count == 1 {
                if let token = truncated(run[...]) { out.append(token) }
            } else {
                for i in run.indices.dropLast() {
                    if let token = truncated(run[i...(i + 1)]) { out.append(token) }
                }
            }
        }
        for character in word {
            let script = SearchScript(character)
            if script != runScript { flush() }
            runScript = script
            run.append(character)
        }
        flush()
    }

    /// `characters` as a token: cut to `maxTokenLength` characters and `maxTokenBytes` bytes, sealed; `nil` if
    /// nothing is left.
    static func truncated(_ characters: some Sequence<Character>) -> String? {
        var token = ""
        var count = 0
        for character in characters {
            let bytes = character.utf8.count
            guard count < maxTokenLength, token.utf8.count + bytes <= maxTokenBytes else { break }
            token.append(character)
            count += 1
        }
        token = sealed(token)
        return token.isEmpty ? nil : token
    }

    /// The scalars a word keeps: letters, non-enclosing marks and numbers, less the default-ignorable ones
    /// (joiners, variation selectors, Hangul fillers), recomposed (`fold` leaves Hangul and kana decomposed).
    static func clean(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in scalars where isKept(scalar) { kept.append(scalar) }
        return String(kept).precomposedStringWithCanonicalMapping
    }

    /// `token` without the scalars that would fuse with a space beside it into one character: a mark
    /// left at its start (its letter was dropped), a prepended letter at its end. Fused with the separating
    /// space, they would change the words when the key is read again.
    private static func sealed(_ token: String) -> String {
        var scalars = Substring(token).unicodeScalars
        while let first = scalars.first, !first.isASCII, (" " + String(first)).count == 1 { scalars.removeFirst() }
        while let last = scalars.last, !last.isASCII, (String(last) + " ").count == 1 { scalars.removeLast() }
        return String(scalars)
    }

    private static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return (0x30...0x39).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
                || (0x41...0x5A).contains(scalar.value)
        }
        let properties = scalar.properties
        guard !properties.isDefaultIgnorableCodePoint else { return false }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// The folded, cleaned form of one character of an original text (empty for a separator), for finding
    /// query terms in it (`SearchHighlight`). Equal to what `index` makes of that character inside a word.
    static func fold(_ character: Character) -> String {
        if character.isASCII {
            guard character.isLetter || character.isNumber else { return "" }
            return character.lowercased()
        }
        let key = VietnameseText.searchKey(String(character).precomposedStringWithCompatibilityMapping)
        return clean(key.unicodeScalars.filter { $0 != " " })
    }
}
