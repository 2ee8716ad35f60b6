import Fluent
import Foundation
import TTDNKit
import Vapor

/// "Which agency does this name in a document mean today?": a GET form, and the answer — the agency or
/// group with how it matched, the confidence and the succession chain — or ranked suggestions.
enum AgencyResolveController {
    struct Query: Content {
        var name: String?
        var date: String?
        var issuer: String?
    }

    struct ResolvePage: Encodable {
        struct ChainLink: Encodable {
            let name: String
            let href: String
            /// How this agency took over from the previous one (`sáp nhập 01/03/2025`); nil for the first.
            let note: String?
        }

        struct Answer: Encodable {
            let name: String
            let href: String
            let isGroup: Bool
            let members: Int
            let matchedName: String
            let steps: [String]
            let confidence: String
            /// From the agency the name identified to today's; one link when it never changed.
            let chain: [ChainLink]
            let changed: Bool
            let endedOn: String?
        }

        struct Suggestion: Encodable {
            let name: String
            let href: String
            /// The record's own name when the suggestion was found by another of its names.
            let recordName: String?
            let isGroup: Bool
            let score: String
        }

        let layout: LayoutContext
        let action: String
        let name: String
        let date: String
        let issuers: [AccountController.Option]
        let searched: Bool
        let answer: Answer?
        let suggestions: [Suggestion]
        let hasSuggestions: Bool
        let ambiguous: Bool
        let errors: [String: String]
    }

    @Sendable static func show(req: Request) async throws -> View {
        let query = try req.query.decode(Query.self)
        let name = AgencyForm.trimmed(query.name) ?? ""
        let dateText = AgencyForm.trimmed(query.date) ?? ""
        let issuerID = query.issuer.flatMap { UUID(uuidString: $0) }
        let directory = try await DirectoryLoader(db: req.db).directory()
        let today = req.today

        var errors: [String: String] = [:]
        let date = dateText.isEmpty ? today : DirectoryFormSupport.day(dateText)
        if date == nil { errors["date"] = req.t("resolve.error.date") }
        if let text = query.issuer, !text.isEmpty, issuerID.flatMap(directory.agency) == nil {
            errors["issuer"] = req.t("resolve.error.issuer")
        }

        var answer: ResolvePage.Answer?
        var suggestions: [ResolvePage.Suggestion] = []
        var ambiguous = false
        let searched = !name.isEmpty && errors.isEmpty
        if searched, let date {
            let context = ResolutionContext(
                issuerID: issuerID, province: DirectoryLoader.province(of: directory), today: today)
            switch directory.resolve(name, on: date, context: context) {
            case .matched(let match):
                answer = self.answer(match, directory: directory, req: req)
            case .unresolved(let found, let isAmbiguous):
                ambiguous = isAmbiguous
                suggestions = found.map { suggestion(for: $0, directory: directory, req: req) }
            }
        }

        let issuers = directory.agencies.filter { $0.isValid(on: today) }.map {
            AccountController.Option(value: $0.id.uuidString, label: $0.officialName, selected: $0.id == issuerID)
        }
        let page = ResolvePage(
            layout: req.layout(titleKey: "resolve.title"), action: SiteURL.resolveName.path, name: name, date: dateText,
            issuers: issuers, searched: searched, answer: answer, suggestions: suggestions,
            hasSuggestions: !suggestions.isEmpty, ambiguous: ambiguous,
            errors: errors)
        return try await req.view.render("agencies/resolve", page)
    }

    static func href(_ target: AgencyTarget) -> String {
        switch target {
        case .agency(let id): SiteURL.agency(id).path
        case .group(let id): SiteURL.agencyGroup(id).path
        }
    }

    private static func answer(_ match: AgencyMatch, directory: AgencyDirectory, req: Request) -> ResolvePage.Answer {
        var chain: [ResolvePage.ChainLink] = []
        var previous: AgencyRecord?
        for id in match.chain {
            guard let record = directory.agency(id) else { continue }
            let note = previous?.successions.first { $0.successorID == id }.map { link in
                req.t("resolve.chain.\(link.kind.rawValue)", Formatting.date(link.effective, req.locale))
            }
            chain.append(ResolvePage.ChainLink(name: record.officialName, href: SiteURL.agency(id).path, note: note))
            previous = record
        }
        var members = 0
        if case .group(let id) = match.target { members = directory.group(id)?.memberIDs.count ?? 0 }
        return ResolvePage.Answer(
            name: directory.name(of: match.target) ?? "", href: href(match.target),
            isGroup: { if case .group = match.target { true } else { false } }(), members: members,
            matchedName: match.matchedName, steps: match.how.map { req.t("resolve.step.\($0.rawValue)") },
            confidence: percent(match.confidence, req: req), chain: chain, changed: chain.count > 1,
            endedOn: match.endedOn.map { Formatting.date($0, req.locale) })
    }

    private static func suggestion(for found: AgencySuggestion, directory: AgencyDirectory, req: Request)
        -> ResolvePage.Suggestion
    {
        let recordName = directory.name(of: found.target)
        var isGroup = false
        if case .group = found.target { isGroup = true }
        return ResolvePage.Suggestion(
            name: found.name, href: href(found.target), recordName: recordName == found.name ? nil : recordName,
            isGroup: isGroup, score: percent(found.score, req: req))
    }

    private static func percent(_ value: Double, req: Request) -> String {
        Formatting.number(Int((value * 100).rounded()), req.locale) + "%"
    }
}
