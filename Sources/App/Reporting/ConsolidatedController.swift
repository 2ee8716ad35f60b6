import Fluent
import Foundation
import TTDNKit
import Vapor

/// The consolidated report of one period: the compiled text to edit, the DOCX in the Nghị định 30 layout
/// and a printable page.
enum ConsolidatedController {
    struct EditPage: Encodable {
        struct TaskText: Encodable {
            let id: String
            let heading: String
            let text: String
            let edited: Bool
            let indicators: [String]?
        }

        struct PartText: Encodable {
            let name: String
            let label: String
            let text: String
            let edited: Bool
        }

        let layout: LayoutContext
        let dashboardHref: String?
        let action: String
        let docxHref: String
        let printHref: String
        let version: Int
        let number: String
        let addressees: String
        let accepted: Int
        let expected: Int
        let late: [String]?
        let missing: [String]?
        let tasks: [TaskText]?
        let parts: [PartText]
        let error: String?
    }

    static func built(_ req: Request) async throws -> ConsolidatedBuilder.Built {
        guard let regime = try await RegimeRecord.find(req.recordID(), on: req.db),
            let period = req.query[String.self, at: "period"]
        else {
            throw Abort(.notFound)
        }
        guard
            let built = try await ConsolidatedBuilder(db: req.db, caches: MemoryCaches.of(req.application)).build(
                regime: regime, periodKey: period, today: req.today)
        else {
            throw Abort(.notFound)
        }
        return built
    }

    @Sendable static func edit(req: Request) async throws -> View {
        let built = try await built(req)
        return try await req.view.render("reports/consolidated", page(req, built, error: nil))
    }

    /// The page; `typed` (a refused save) puts back what the person typed, over the compiled text, with
    /// the version now stored, so saving again overwrites knowingly.
    static func page(_ req: Request, _ built: ConsolidatedBuilder.Built, error: String?, typed: SaveForm? = nil) throws
        -> EditPage
    {
        let r = built.report
        let regimeID = try built.regime.requireID()
        let periodKey = built.draft?.periodKey ?? req.query[String.self, at: "period"] ?? ""
        let query = ["period": periodKey]
        return EditPage(
            layout: req.layout(
                title:
                    "\(req.t("consolidated.title")) · \(built.regime.name) · \(PeriodText.label(periodKey, stored: built.periodLabel, req.locale))"
            ),
            dashboardHref: built.plan?.id.map { SiteURL.planReporting($0).with(["regime": regimeID.uuidString]) },
            action: SiteURL.consolidated(regimeID).with(query),
            docxHref: SiteURL.consolidatedDocx(regimeID).with(query),
            printHref: SiteURL.consolidatedPrint(regimeID).with(query), version: built.draft?.version ?? 0,
            number: typed.map { $0.number ?? "" } ?? r.number ?? "",
            addressees: typed.map { $0.addressees ?? "" } ?? r.addressees.joined(separator: "\n"),
            accepted: built.accepted, expected: built.expected,
            late: r.late.nonEmpty,
            missing: r.missing.nonEmpty,
            tasks: r.tasks.map {
                EditPage.TaskText(
                    id: $0.id.uuidString, heading: "\($0.ref) \($0.title)",
                    text: typed?.tasks?[$0.id.uuidString] ?? $0.text, edited: $0.edited != nil,
                    indicators: $0.indicators.map(\.line).nonEmpty)
            }.nonEmpty,
            parts: ConsolidatedReport.Part.allCases.map {
                EditPage.PartText(
                    name: $0.rawValue, label: req.t("consolidated.part.\($0.rawValue)"),
                    text: typed?.parts?[$0.rawValue] ?? r.text($0),
                    edited: r.edits[$0] != nil)
            },
            error: error)
    }

    struct SaveForm: Decodable {
        var version: Int?
        var number: String?
        var addressees: String?
        var parts: [String: String]?
        var tasks: [String: String]?
        var reset: String?
    }

    /// Saves only what differs from the compiled text, so parts left alone keep following new submissions.
    @Sendable static func save(req: Request) async throws -> Response {
        let built = try await built(req)
        let form = try req.content.decode(SaveForm.self)
        let periodKey = req.query[String.self, at: "period"] ?? ""
        /// The page again, built from what is stored now, with this person's text kept.
        func conflict() async throws -> Response {
            let current = try await Self.built(req)
            return try await req.view.render(
                "reports/consolidated", page(req, current, error: req.t("consolidated.error.conflict"), typed: form)
            )
            .encodeResponse(status: .conflict, for: req)
        }
        guard let expected = form.version, (built.draft?.version ?? 0) == expected else { return try await conflict() }
        var edits: [String: String] = [:]
        if form.reset == nil {
            // A field the form did not send keeps its earlier edit; one sent equal to the compiled text is no edit.
            let previous = ConsolidatedBuilder.decodeEdits(built.draft?.edits)
            for part in ConsolidatedReport.Part.allCases {
                guard let sent = form.parts?[part.rawValue] else {
                    edits[part.rawValue] = previous[part.rawValue]
                    continue
                }
                let text = FormText.prose(sent)
                if text != FormText.prose(built.report.compiled(part)) { edits[part.rawValue] = text }
            }
            for task in built.report.tasks {
                let key = "task:\(task.id.uuidString)"
                guard let sent = form.tasks?[task.id.uuidString] else {
                    edits[key] = previous[key]
                    continue
                }
                let text = FormText.prose(sent)
                if text != FormText.prose(task.compiledText) { edits[key] = text }
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(edits), as: UTF8.self)
        let addressees = FormText.lines(form.addressees)
        let number = FormText.value(form.number)
        if let draft = built.draft {
            do {
                try await draft.auditedUpdate(on: req.db, by: req.auditContext, expectedVersion: expected) {
                    $0.edits = json
                    $0.addressees = addressees
                    $0.number = number
                }
            } catch is VersionConflict {
                return try await conflict()
            }
        } else {
            let draft = ConsolidatedDraft()
            draft.$regime.id = try built.regime.requireID()
            draft.periodKey = periodKey
            draft.edits = json
            draft.addressees = addressees
            draft.number = number
            draft.version = 1
            // Two first saves of one period: the second fails on the unique (regime, period) — a conflict.
            do { try await draft.auditedCreate(on: req.db, by: req.auditContext) } catch { return try await conflict() }
        }
        req.flash(.success, req.t("consolidated.saved"))
        return req.redirect(to: SiteURL.consolidated(try built.regime.requireID()).with(["period": periodKey]))
    }

    @Sendable static func docx(req: Request) async throws -> Response {
        let built = try await built(req)
        let data = try PlanDocxWriter.docx(built.report.officialDocument(), options: .init(created: req.now))
        let name =
            "bao-cao-\(VietnameseText.fold(built.periodLabel).lowercased().replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: " ", with: "-")).docx"
        return PlanController.download(
            data, filename: name, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        )
    }

    struct PrintPage: Encodable {
        struct Part: Encodable {
            let numeral: String
            let title: String
            let items: [Item]?
            let paragraphs: [String]?
        }

        struct Item: Encodable {
            let heading: String
            let paragraphs: [String]
        }

        let lang: String
        let title: String
        let parentBody: String?
        let issuingBody: String
        let number: String
        let placeAndDate: String
        let summary: String
        let addressees: [String]
        let intro: [String]?
        let parts: [Part]
        let signer: [String]
        let signerName: String?
        let recipients: [String]
    }

    /// The same document as the DOCX, as a page to print from the browser.
    @Sendable static func print(req: Request) async throws -> View {
        let built = try await built(req)
        let doc = built.report.officialDocument()
        let page = PrintPage(
            lang: req.locale.rawValue, title: "BÁO CÁO · \(doc.title)", parentBody: doc.parentBody?.uppercased(),
            issuingBody: doc.issuingBody.uppercased(),
            number: HeaderLines.number(doc.number, symbol: doc.symbol),
            placeAndDate: HeaderLines.placeAndDate(place: doc.place, date: doc.date),
            summary: doc.title, addressees: doc.addressees, intro: doc.intro.map(\.text).nonEmpty,
            parts: doc.sections.enumerated().map { k, s in
                PrintPage.Part(
                    numeral: OutlineLabels.roman(k + 1), title: s.title.uppercased(),
                    items: s.items.enumerated().map { j, item in
                        PrintPage.Item(
                            heading: "\(j + 1). \(item.heading)",
                            paragraphs: item.paragraphs.map { p in
                                [p.boldLead, p.text].compactMap { $0 }.joined(separator: " ")
                            })
                    }.nonEmpty,
                    paragraphs: s.paragraphs.map(\.text).nonEmpty)
            },
            signer: (doc.signer.authority + doc.signer.position).map { $0.uppercased() }, signerName: doc.signer.name,
            recipients: doc.printedRecipients)
        return try await req.view.render("reports/print", page)
    }
}
