/// The final pass over Ink's HTML: tokens become the pieces they stand for (`BodyPieces`), what `InkInput`
/// hid is written back as typed, and anything else that is not one of Ink's own plain tags is escaped (Ink
/// writes `&…;` through as typed, whatever stands between: `&<img/src=x/onerror=…>;`; `InkInput` already
/// keeps such text from Ink, this is the second lock). It also collects what the page uses: its site images
/// and the problems, in reading order.
struct BodyOutput {
    /// The tags Ink writes without attributes from the author (after headings are moved down a level).
    static let plainTags: Set<String> = {
        let names = [
            "p", "h2", "h3", "h4", "h5", "h6", "em", "strong", "s", "ul", "ol", "li", "blockquote", "code",
            "table", "thead", "tbody", "tr", "th", "td",
        ]
        var tags = Set(names.flatMap { ["<\($0)>", "</\($0)>"] })
        tags.formUnion(["<br>", "<hr>"])
        for cell in ["th", "td"] {
            for side in ["left", "center", "right"] { tags.insert("<\(cell) align=\"\(side)\">") }
        }
        return tags
    }()

    let pieces: BodyPieces
    /// False when writing an image's alternative text: nothing there is shown as markup or counted.
    let recording: Bool
    private(set) var images: [String] = []
    private(set) var problems: [ArticleBody.Problem] = []

    init(pieces: BodyPieces, recording: Bool = true) {
        self.pieces = pieces
        self.recording = recording
    }

    mutating func write(_ html: String, imageSize: (String) -> (width: Int, height: Int)?) -> String {
        let scalars = Array(html.unicodeScalars)
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case pieces.mark:
                var number = 0
                while index < scalars.count, scalars[index] != pieces.mark {
                    number = number * 10 + Int(scalars[index].value) - 0x30
                    index += 1
                }
                index += 1
                out += resolve(number, imageSize: imageSize)
            case pieces.lessThan:
                out += "&lt;"
            case pieces.ampersand:
                out += "&amp;"
            case pieces.bracket:
                out += "["
            case "<":
                let tag = Self.tag(in: scalars, from: index - 1)
                if let tag, Self.plainTags.contains(tag) || Self.isListStart(tag) {
                    out += tag
                    index += tag.unicodeScalars.count - 1
                } else {
                    out += "&lt;"
                }
            case ">":
                out += "&gt;"
            case "&":
                out += Self.isReference(scalars[index...]) ? "&" : "&amp;"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private mutating func resolve(_ number: Int, imageSize: (String) -> (width: Int, height: Int)?) -> String {
        guard pieces.pieces.indices.contains(number) else { return "" }
        switch pieces.pieces[number] {
        case .markup(let html):
            return html
        case .problem(let problem):
            if recording { problems.append(problem) }
            return ""
        case .image(let image):
            guard recording else { return XMLText.text(image.alt) }
            guard let target = image.target else {
                problems.append(.imageRefused)
                return ""
            }
            if image.alt.isEmpty { problems.append(.imageAltMissing) }
            let size = imageSize(target).flatMap { $0.width > 0 && $0.height > 0 ? $0 : nil }
            if size == nil { problems.append(.imageSizeUnknown) }
            if BodyImage.isSitePath(target), !images.contains(target) { images.append(target) }
            return image.html(target: target, size: size)
        }
    }

    /// The tag starting at `start` (`<` … `>`), when it is short enough to be one of Ink's.
    static func tag(in scalars: [Unicode.Scalar], from start: Int) -> String? {
        guard let close = scalars[start..<min(scalars.count, start + 32)].firstIndex(of: ">") else { return nil }
        return String(String.UnicodeScalarView(scalars[start...close]))
    }

    /// `<ol start="7">`: Ink writes the number it read, nine digits at most.
    static func isListStart(_ tag: String) -> Bool {
        guard tag.hasPrefix("<ol start=\""), tag.hasSuffix("\">") else { return false }
        let digits = tag.dropFirst(11).dropLast(2)
        return !digits.isEmpty && digits.count <= 9 && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Whether an `&` is followed by a character reference (`amp;`, `#233;`, `copy;`): kept, since the
    /// browser shows it as one character. Anything else is escaped.
    static func isReference(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        var name = rest.prefix(34)
        if name.first == "#" { name = name.dropFirst() }
        guard let semi = name.firstIndex(of: ";"), semi > name.startIndex else { return false }
        return name[..<semi].allSatisfy { $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }
}
