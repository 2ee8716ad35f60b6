import Vapor

/// The public front page. The multilingual foreign-information site grows here (issue: site).
enum PublicController {
    struct HomePage: Encodable {
        let layout: LayoutContext
        let signedIn: Bool
    }

    @Sendable static func home(req: Request) async throws -> View {
        try await req.view.render(
            "public/home", HomePage(layout: req.layout(titleKey: "home.title"), signedIn: req.auth.has(User.self)))
    }
}
