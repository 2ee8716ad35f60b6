import Foundation
import Ink

/// An article's body, written in Markdown, as the safe HTML of its page, its plain text (feeds' summaries,
/// the search index) and what an editor should know (`Problem`). Ink reads the Markdown; it was not made for
/// text from people other than the site's owner, so nothing it writes is trusted as is:
/// - raw HTML is shown as text: every `<` the author typed is hidden from Ink and written back as `&lt;`
///   (`InkInput`, which also keeps from Ink the brackets and ampersands on which it would take forever);
/// - every link and image target is read again from the source and passes `LinkTarget.allowed`: a refused
///   link keeps only its text, a refused image is dropped; links to other sites get `rel="noopener"`;
/// - images need an alternative text, carry their size when the site knows it and load lazily; a titled
///   image on its own line becomes a `<figure>` with the title as caption;
/// - headings start at `<h2>` (the page's title is its `<h1>`);
/// - a last pass escapes whatever is left that is not one of Ink's own tags (Ink writes `&…;` through as
///   typed, whatever stands between).
public enum ArticleBody {
    /// `imageSize` gives the width and height of a site image by its target (`/media/<uuid>`), nil when the
    /// site does not know it.
    public static func render(
        _ markdown: String, imageSize: (String) -> (width: Int, height: Int)? = { _ in nil }
    ) -> Rendered {
        let source = prepared(markdown)
        let pieces = BodyPieces(avoiding: source)
        let hidden = InkInput.prepare(source, pieces: pieces)
        let modifiers = BodyModifiers(pieces: pieces, definitions: MarkdownLinkSource.definitions(in: hidden))
        let inkHTML = MarkdownParser(modifiers: modifiers.all).html(from: hidden)
        var output = BodyOutput(pieces: pieces)
        let html = output.write(inkHTML, imageSize: imageSize)
        return Rendered(
            html: html, plainText: HTMLPlainText.text(of: html), images: output.images, problems: output.problems)
    }

    /// NFC (what the platform stores), browsers' CRLF line ends made LF, control characters other than tab
    /// and line feed removed. The first line of exactly `---` before any block (reference definitions make
    /// none) becomes `***`, the same rule: otherwise Ink would read the lines up to the next `---` as
    /// metadata and leave them out of the page.
    static func prepared(_ markdown: String) -> String {
        let text = VietnameseText.nfc(markdown).replacingOccurrences(of: "\r\n", with: "\n")
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
            } else if scalar == "\t" || scalar == "\n" || scalar.properties.generalCategory != .control {
                scalars.append(scalar)
            }
        }
        var lines = String(scalars).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop { $0.isWhitespace }
            if trimmed.isEmpty || trimmed.wholeMatch(of: /\[[^\]]*\]:[ \t].*/) != nil { continue }
            if trimmed == "---" { lines[index] = line.replacingOccurrences(of: "---", with: "***") }
            break
        }
        return lines.joined(separator: "\n")
    }
}
