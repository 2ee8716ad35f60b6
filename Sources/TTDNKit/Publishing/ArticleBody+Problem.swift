extension ArticleBody {
    /// What an editor should fix in a body, as a code the editors' screen words. One per occurrence, in
    /// reading order.
    public enum Problem: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
        /// A link's target was refused (`LinkTarget`): the page shows its text only.
        case linkRefused = "link-refused"
        /// An image's target was refused: the page leaves the image out.
        case imageRefused = "image-refused"
        /// An image without alternative text: shown, with `alt=""`, but a screen reader says nothing of it.
        case imageAltMissing = "image-alt-missing"
        /// The site does not know the image's size (another site's image, or a media item that is gone):
        /// the page jumps when it arrives.
        case imageSizeUnknown = "image-size-unknown"
    }
}
