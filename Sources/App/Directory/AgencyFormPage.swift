import Fluent
import TTDNKit
import Vapor

/// The create and edit form of an agency.
struct AgencyFormPage: Encodable {
    let layout: LayoutContext
    let action: String
    let cancel: String
    let isNew: Bool
    let form: AgencyForm
    let kinds: [AccountController.Option]
    let parents: [AccountController.Option]
    let errors: [String: String]

    static func render(_ req: Request, agency: Agency?, form: AgencyForm, problems: [String: String]) async throws
        -> View
    {
        let all = try await DirectoryLoader(db: req.db).agencies()
        let parents = all.filter { $0.id != agency?.id }.map {
            AccountController.Option(
                value: $0.id!.uuidString, label: $0.officialName, selected: $0.id?.uuidString == form.parent_id)
        }
        let page = AgencyFormPage(
            layout: req.layout(titleKey: agency == nil ? "agency.new.title" : "agency.edit.title"),
            action: agency.flatMap { $0.id.map { SiteURL.agency($0).path } } ?? SiteURL.agencies.path,
            cancel: agency.flatMap { $0.id.map { SiteURL.agency($0).path } } ?? SiteURL.agencies.path,
            isNew: agency == nil, form: form, kinds: AgencyIndexPage.kindOptions(req, selected: form.kind),
            parents: parents, errors: problems.mapValues { req.t($0) })
        return try await req.view.render("agencies/form", page)
    }
}
