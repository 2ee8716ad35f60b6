import Fluent
import Foundation

/// An article filed under a topic.
final class ArticleTopic: Model, @unchecked Sendable {
    static let schema = "article_topics"

    @ID(key: .id) var id: UUID?
    @Parent(key: "article_id") var article: Article
    @Parent(key: "topic_id") var topic: Topic

    init() {}

    init(article: UUID, topic: UUID) {
        $article.id = article
        $topic.id = topic
    }
}
