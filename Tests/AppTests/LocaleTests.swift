import Foundation
import TTDNKit
import Testing
import Vapor

@testable import App

@Suite struct LocaleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every `#t("key")` in a template, and every `t("key")` / `"…key"` literal used for
    /// translation in Swift, exists in every locale.
    @Test func everyKeyUsedByATemplateExistsInEveryLocale() throws {
        let translations = try Translations.load(from: Self.root.appendingPathComponent("Resources/Locales").path)
        var used = Set<String>()
        let views = FileManager.default.enumerator(
            at: Self.root.appendingPathComponent("Resources/Views"), includingPropertiesForKeys: nil)!
        for case let url as URL in views where url.pathExtension == "leaf" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in text.matches(of: #/#t\("([^"]+)"/#) { used.insert(String(match.1)) }
            // Unescaped output only for the rows written in Swift by `HTMLBuffer` (which escapes as Leaf does), an
            // article body rendered by `ArticleBody`, and JSON-LD escaped by `NewsArticleJSONLD`.
            for match in text.matches(of: #/#unsafeHTML\(([^)]*)\)/#) {
                #expect(
                    ["rowsHTML", "frame.jsonLD"].contains(match.1),
                    "\(url.lastPathComponent) prints \(match.1) with #unsafeHTML")
            }
        }
        #expect(used.count > 50)
        for locale in AppLocale.allCases {
            let missing = used.filter { !translations.has($0, locale: locale) }.sorted()
            #expect(missing.isEmpty, "missing in \(locale.rawValue): \(missing)")
        }
    }

    @Test func bothLocalesHaveTheSameKeys() throws {
        let translations = try Translations.load(from: Self.root.appendingPathComponent("Resources/Locales").path)
        let vi = translations.keys(.vi)
        let en = translations.keys(.en)
        #expect(vi.subtracting(en).sorted() == [])
        #expect(en.subtracting(vi).sorted() == [])
    }

    /// Keys made from TTDNKit's codes (statuses, holidays, weekdays) exist in every locale: TTDNKit returns
    /// codes, and a code without its text would show the reader a raw key.
    @Test func everyCodeTTDNKitReturnsHasItsText() throws {
        let translations = try Translations.load(from: Self.root.appendingPathComponent("Resources/Locales").path)
        let rules = HolidayRules.laborCode2019
        let keys =
            ReportStatus.allCases.map { "report.status.\($0.rawValue)" }
            + TaskFollowUpStatus.allCases.map { "followup.status.\($0.rawValue)" }
            + ReportingRegime.Problem.allCases.map { "regime.problem.\($0.rawValue)" }
            + (rules.fixed.map(\.code) + rules.lunar.map(\.code) + [HolidayRules.tetCode]).map { "holidays.name.\($0)" }
            + (1...7).map { "weekday.short.\($0)" }
            + EvidenceMatcher.Reason.allCases.map { "outputs.reason.\($0.rawValue)" }
            + OutputProgress.State.allCases.map { "outputs.progress.state.\($0.rawValue)" }
        for locale in AppLocale.allCases {
            let missing = keys.filter { !translations.has($0, locale: locale) }
            #expect(missing.isEmpty, "missing in \(locale.rawValue): \(missing)")
        }
    }

    /// The holidays page names each day in the reader's language, from the codes the calendar returns.
    @Test func holidaysAreNamedInTheReadersLanguage() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var coordinator = Browser(app)
            try await coordinator.login(fixture.users[.coordinator]!)
            let vi = try await coordinator.get(SiteURL.holidays.with(["year": "2026"])).text
            #expect(vi.contains("Quốc khánh (2/9)"))
            #expect(vi.contains("Tết Nguyên đán (mùng 1)"))
            #expect(vi.contains("Thứ Tư"))  // 2 September 2026 is a Wednesday
            let en = try await coordinator.get(SiteURL.holidays.with(["year": "2026", "lang": "en"])).text
            #expect(en.contains("National Day (2 September)"))
            #expect(en.contains("Lunar New Year (Tết) (day 1 of the lunar year)"))
            #expect(!en.contains("Quốc khánh"))
        }
    }

    @Test func languageFollowsTheQueryThenTheSessionThenTheUser() async throws {
        try await withApp { app in
            let fixture = try await Fixture.seed(app)
            var browser = Browser(app)
            #expect(try await browser.get(SiteURL.login.path).text.contains("Tên đăng nhập"))
            #expect(try await browser.get(SiteURL.login.path + "?lang=en").text.contains("Username"))
            // Remembered for the rest of the session.
            let again = try await browser.get(SiteURL.login.path)
            #expect(again.text.contains("Username"))
            #expect(again.text.contains("<html lang=\"en\">"))
            // A user's saved choice applies from their next login.
            var officer = Browser(app)
            try await officer.login(fixture.users[.agencyOfficer]!)
            #expect(try await officer.post(SiteURL.accountLocale.path, form: [("locale", "en")]).status == .seeOther)
            var later = Browser(app)
            try await later.login(fixture.users[.agencyOfficer]!)
            #expect(try await later.get(SiteURL.workspace.path).text.contains("Hello,"))
        }
    }

    @Test func datesAndNumbersFollowTheLocale() {
        let day = TTDNKitDate.sample
        #expect(Formatting.date(day, .vi) == "05/02/2024")
        #expect(Formatting.date(day, .en) == "5 February 2024")
        #expect(Formatting.number(1_234_567, .vi) == "1.234.567")
        #expect(Formatting.number(1_234_567, .en) == "1,234,567")
    }
}

enum TTDNKitDate {
    static let sample = LocalDate(year: 2024, month: 2, day: 5)!
}
