/// Escaping for XML text and attribute values (feeds, sitemaps) that also drops the characters XML 1.0 does
/// not allow: one control character in an article's title makes a whole feed unreadable to a strict parser.
public enum XMLText {
    /// Whether XML 1.0 admits `scalar` in a document. The C0 controls other than tab, line feed and carriage
    /// return and U+FFFE/U+FFFF are forbidden; DEL and the C1 controls are only discouraged, but no reader of
    /// a feed wants them either, so they are dropped too. (Swift strings hold no lone surrogates.)
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    /// `text` without the characters `isAllowed` refuses.
    public static func removingForbidden(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: text.unicodeScalars.lazy.filter(isAllowed))
        return String(out)
    }

    /// Element content: `&`, `<` and `>` escaped (so `]]>` cannot occur), a carriage return kept as `&#13;`
    /// (a parser would turn a raw one into a line feed), forbidden characters dropped.
    public static func text(_ text: String) -> String {
        escape(text, quotes: false)
    }

    /// An attribute value in double or single quotes: `text` plus both quotes, and tab and line breaks as
    /// character references (a parser would turn raw ones into spaces).
    public static func attribute(_ text: String) -> String {
        escape(text, quotes: true)
    }

    static func escape(_ text: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        // Scalars, not Characters: `"` followed by a combining mark is one Character but still ends a value.
        for scalar in text.unicodeScalars where isAllowed(scalar) {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&#39;"
            case "\n" where quotes: out += "&#10;"
            case "\t" where quotes: out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
