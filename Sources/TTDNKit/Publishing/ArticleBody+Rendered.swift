extension ArticleBody {
    /// A body rendered by `ArticleBody.render`.
    public struct Rendered: Sendable, Equatable {
        /// Safe to put in a page as is.
        public var html: String
        /// The text without markup: blocks separated by a blank line, white space collapsed within a line.
        public var plainText: String
        /// The site images the page shows (targets without a scheme, `/media/<uuid>`), once each, in order:
        /// what the article uses, so that a media item in use is not deleted.
        public var images: [String]
        public var problems: [Problem]

        public init(html: String, plainText: String, images: [String], problems: [Problem]) {
            self.html = html
            self.plainText = plainText
            self.images = images
            self.problems = problems
        }
    }
}
