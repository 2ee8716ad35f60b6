/// An image of an article's body as the final pass writes it: the target already checked, the alternative
/// text already plain.
struct BodyImage {
    /// Nil when `LinkTarget` refused the target: the image is dropped.
    var target: String?
    var alt: String
    var title: String?
    /// Inside running text: an `<img>` with a `title`; on its own, a titled image is a `<figure>`.
    var isInline = false

    /// A path on this site (`/media/<uuid>`), as opposed to another site's address, `mailto:` or `tel:`.
    static func isSitePath(_ target: String) -> Bool {
        guard let colon = target.firstIndex(of: ":") else { return true }
        return target[..<colon].contains { $0 == "/" || $0 == "?" || $0 == "#" }
    }

    /// The markup for `target` (which must not be nil) with its size when known. Lazy loading keeps a
    /// long article light; the size lets the page keep its layout while the image arrives.
    func html(target: String, size: (width: Int, height: Int)?) -> String {
        var img = "<img src=\"\(XMLText.attribute(target))\" alt=\"\(XMLText.attribute(alt))\""
        if let size { img += " width=\"\(size.width)\" height=\"\(size.height)\"" }
        img += " loading=\"lazy\""
        guard let title, !title.isEmpty else { return img + ">" }
        if isInline { return img + " title=\"\(XMLText.attribute(title))\">" }
        return "<figure>\(img)><figcaption>\(XMLText.text(title))</figcaption></figure>"
    }
}
