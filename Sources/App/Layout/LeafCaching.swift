import Leaf
import LeafKit
import Vapor

extension Application.Leaf {
    /// Vapor's Leaf renderer without its switch to "no cache" in the development environment. Requests
    /// render through `Request.leaf`, which shares `cache`; only `renderer` turns it off, so this does not call it.
    var cachingRenderer: LeafRenderer {
        var userInfo = self.userInfo
        userInfo["application"] = application
        return LeafRenderer(
            configuration: configuration, tags: tags, cache: cache, sources: sources,
            eventLoop: application.eventLoopGroup.next(), userInfo: userInfo)
    }
}
