import Testing

@testable import TTDNKit

@Suite("Due and lock rules as a form asks for them")
struct DueRulePartsTests {
    @Test func everyRuleComesApartAndBackTogether() {
        let rules: [DueRule] = [
            .beforeDayOfLastMonth(15), .byDayOfLastMonth(25), .beforeDate(day: 15, month: 11),
            .byDate(day: 31, month: 12), .workingDaysAfterCutOff(3), .setByRequester,
        ]
        for rule in rules {
            #expect(DueRule(kind: rule.kind, number: rule.number, month: rule.month) == rule, "\(rule)")
        }
        #expect(Set(rules.map(\.kind)) == Set(DueRule.Kind.allCases))
    }

    @Test func missingOrImpossibleNumbersAreRefused() {
        #expect(DueRule(kind: .beforeDay, number: nil, month: nil) == nil)
        #expect(DueRule(kind: .beforeDay, number: 32, month: nil) == nil)
        #expect(DueRule(kind: .byDate, number: 31, month: 4) == nil)
        #expect(DueRule(kind: .byDate, number: 15, month: nil) == nil)
        #expect(DueRule(kind: .workingDaysAfterCutOff, number: 0, month: nil) == nil)
        #expect(DueRule(kind: .requester, number: nil, month: nil) == .setByRequester)
    }

    @Test func lockRules() {
        #expect(LockRule(kind: "never", days: nil) == .never)
        #expect(LockRule(kind: "days-after-due", days: 10) == .daysAfterDue(10))
        #expect(LockRule(kind: "days-after-due", days: nil) == nil)
        #expect(LockRule(kind: "days-after-due", days: -1) == nil)
        #expect(LockRule(kind: "sometimes", days: 1) == nil)
        #expect(LockRule.daysAfterDue(10).kind == "days-after-due" && LockRule.daysAfterDue(10).days == 10)
    }
}
