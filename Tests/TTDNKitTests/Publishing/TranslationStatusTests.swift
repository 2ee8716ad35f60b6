import TTDNKit
import Testing

@Suite("Translation status")
struct TranslationStatusTests {
    func status(_ state: EditorialState?, madeFrom: Int = 3, significant: Int = 3) -> TranslationStatus {
        TranslationStatus.of(state.map { .init(state: $0, sourceRevision: madeFrom) }, lastSignificant: significant)
    }

    @Test("Missing, the version's own state, or outdated when made before the last significant change")
    func cells() {
        #expect(status(nil) == .missing)
        #expect(status(.draft) == .draft && status(.inReview) == .inReview && status(.scheduled) == .approved)
        #expect(status(.published) == .published)
        // Revisions 4 and 5 were minor; 6 was significant.
        #expect(status(.published, madeFrom: 3, significant: 3) == .published, "minor changes leave it current")
        #expect(status(.published, madeFrom: 3, significant: 6) == .outdated)
        #expect(status(.inReview, madeFrom: 5, significant: 6) == .outdated)
        #expect(status(.published, madeFrom: 6, significant: 6) == .published, "brought up to date")
        #expect(status(.archived, madeFrom: 1, significant: 6) == .withdrawn, "withdrawn versions are not outdated")
        #expect(status(.draft, madeFrom: 0, significant: 0) == .draft)
    }

    @Test("Work for translators: missing, drafts and outdated translations")
    func work() {
        #expect(TranslationStatus.allCases.filter(\.needsWork) == [.missing, .draft, .outdated])
    }
}
