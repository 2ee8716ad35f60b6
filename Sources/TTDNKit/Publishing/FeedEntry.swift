import Foundation

/// One article in a feed: its permanent address (also its id), title, summary, the HTML of its text, dates,
/// author and categories. Shared by `RSSFeed` and `AtomFeed`.
public struct FeedEntry: Sendable, Equatable {
    public var id: String
    public var title: String
    public var link: String
    public var summary: String
    public var contentHTML: String?
    public var published: Date
    public var updated: Date
    public var author: String
    public var categories: [String]

    public init(
        id: String, title: String, link: String, summary: String, contentHTML: String?, published: Date,
        updated: Date, author: String, categories: [String]
    ) {
        self.id = id
        self.title = title
        self.link = link
        self.summary = summary
        self.contentHTML = contentHTML
        self.published = published
        self.updated = updated
        self.author = author
        self.categories = categories
    }
}

/// What a feed says of itself: title, subtitle, the page it follows, its own address, its language and when
/// it last changed.
public struct FeedChannel: Sendable, Equatable {
    public var title: String
    public var subtitle: String
    public var link: String
    public var selfLink: String
    public var language: String
    public var updated: Date

    public init(title: String, subtitle: String, link: String, selfLink: String, language: String, updated: Date) {
        self.title = title
        self.subtitle = subtitle
        self.link = link
        self.selfLink = selfLink
        self.language = language
        self.updated = updated
    }
}
