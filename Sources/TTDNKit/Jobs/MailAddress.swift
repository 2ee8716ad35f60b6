/// Whether a text may be used as an e-mail address: in a form, in SMTP's `RCPT TO:<…>` and in a `To:`
/// header. A carriage return or line feed there would end the command or the header and let the rest be
/// read as new ones (header and command injection), so control characters are refused outright, as are
/// spaces and angle brackets (which would close `<…>`). The check is deliberately simple beyond that: one
/// `@` with something on both sides; the mail server has the last word.
public enum MailAddress {
    public enum Problem: String, Sendable, Equatable, CaseIterable {
        /// A control character (CR, LF, NUL, tab, …).
        case controlCharacter
        /// A space or one of `<>()[],;:"\`.
        case forbiddenCharacter
        /// Not `local@domain`.
        case shape
        /// Longer than RFC 5321 allows (254 characters).
        case tooLong
    }

    /// Nil when `text` is acceptable; otherwise the first problem found. An empty text is not checked here
    /// (forms treat a missing address as "none").
    public static func problem(_ text: String) -> Problem? {
        if text.unicodeScalars.contains(where: { isControl($0) }) { return .controlCharacter }
        if text.unicodeScalars.contains(where: { forbidden.contains($0) || $0.properties.isWhitespace }) {
            return .forbiddenCharacter
        }
        if text.utf8.count > 254 { return .tooLong }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, parts[0].utf8.count <= 64,
            !parts[1].hasPrefix("."), !parts[1].hasSuffix(".")
        else { return .shape }
        return nil
    }

    /// True when `text` can go into a header or an SMTP command as it is: no control characters at all
    /// (subjects and names are encoded by the client; this guards what is written raw).
    public static func isSafeHeaderValue(_ text: String) -> Bool {
        !text.unicodeScalars.contains(where: { isControl($0) })
    }

    static let forbidden: Set<Unicode.Scalar> = Set("<>()[],;:\"\\".unicodeScalars)

    /// C0, DEL, C1, and the Unicode line and paragraph separators (some mail software treats them as ends
    /// of lines).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
            || scalar.value == 0x2029
    }
}
