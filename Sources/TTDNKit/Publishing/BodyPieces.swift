/// What `ArticleBody`'s modifiers put in place of Ink's output, kept aside until the final pass
/// (`BodyOutput`) writes the page. Ink's HTML only ever carries a token for them: two `mark` scalars around
/// the piece's number. `mark` and the scalars that stand for what Ink must not see (`InkInput`) are
/// private-use scalars the body does not contain, so neither the author nor Ink can forge a token or a tag.
final class BodyPieces {
    enum Piece {
        /// Markup this renderer wrote: tags with checked, escaped attributes.
        case markup(String)
        case image(BodyImage)
        /// A problem, reported where the token lands in the page.
        case problem(ArticleBody.Problem)
    }

    /// Stand for every `<`, every `&` that starts no character reference, and every `[` that opens no link.
    let lessThan: Unicode.Scalar
    let ampersand: Unicode.Scalar
    let bracket: Unicode.Scalar
    let mark: Unicode.Scalar
    private(set) var pieces: [Piece] = []

    init(avoiding text: String) {
        let used = Set(text.unicodeScalars.filter { (0xE000...0xF8FF).contains($0.value) })
        // 6,400 private-use scalars: a body cannot hold all of them and stay under any size limit we keep.
        var free = (UInt32(0xE000)...0xF8FF).lazy.compactMap(Unicode.Scalar.init).filter { !used.contains($0) }
            .makeIterator()
        lessThan = free.next() ?? "\u{F0000}"
        ampersand = free.next() ?? "\u{F0001}"
        bracket = free.next() ?? "\u{F0002}"
        mark = free.next() ?? "\u{F0003}"
    }

    /// Text taken from the Markdown source Ink was given (a link's target, a title) as the author typed it.
    func restoring(_ text: some StringProtocol) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case lessThan: out.append("<")
            case ampersand: out.append("&")
            case bracket: out.append("[")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Keeps `piece` and returns the token that stands for it.
    func token(_ piece: Piece) -> String {
        pieces.append(piece)
        return "\(Character(mark))\(pieces.count - 1)\(Character(mark))"
    }

    /// The numbers of the tokens in `html`, in order.
    func tokens(in html: String) -> [Int] {
        var found: [Int] = []
        var number: Int?  // nil between tokens
        for scalar in html.unicodeScalars {
            if scalar == mark {
                if let n = number { found.append(n) }
                number = number == nil ? 0 : nil
            } else if let n = number, ("0"..."9").contains(scalar) {
                number = n * 10 + Int(scalar.value - 0x30)
            }
        }
        return found
    }

    /// Images inside a paragraph, heading, list, quote or table: they stay `<img>`, never a `<figure>`
    /// (which a `<p>` cannot hold).
    func markInline(in html: String) {
        for n in tokens(in: html) {
            if case .image(var image) = pieces[n] {
                image.isInline = true
                pieces[n] = .image(image)
            }
        }
    }
}
