import Testing

@testable import TTDNKit

@Suite("A plan's reporting duties become regimes")
struct DutyRegimeTests {
    @Test("'trước ngày 20 hằng tháng' → monthly, before day 20")
    func monthly() {
        let r = ReportingRegime(duty: ReportingDuty(frequency: .monthly, beforeDay: 20), name: "Báo cáo tháng")
        #expect(r.frequency == .monthly && r.due == .beforeDayOfLastMonth(20) && r.window == .nd09)
        #expect(PeriodEngine.periods(for: r, year: 2026)[4].due == d("2026-05-19"))
    }

    @Test("'trước ngày 15 của tháng cuối quý' → quarterly, before day 15 of the last month")
    func quarterly() {
        let duty = ReportingDuty(frequency: .quarterly, beforeDay: 15, month: .lastOfQuarter, to: "Sở Ngoại vụ")
        let r = ReportingRegime(duty: duty, name: "Báo cáo quý")
        #expect(r.frequency == .quarterly && r.due == .beforeDayOfLastMonth(15))
        #expect(r.recipients.named == "Sở Ngoại vụ")
        #expect(PeriodEngine.periods(for: r, year: 2026)[1].due == d("2026-06-15"))
    }

    @Test("'trước ngày 15/11 hằng năm' → yearly, before 15 November")
    func yearly() {
        let r = ReportingRegime(
            duty: ReportingDuty(frequency: .yearly, beforeDay: 15, month: .number(11)), name: "Báo cáo năm")
        #expect(r.frequency == .yearly && r.due == .beforeDate(day: 15, month: 11))
        #expect(r.problems.isEmpty)
        #expect(PeriodEngine.periods(for: r, year: 2025)[0].due == d("2025-11-14"))
    }

    @Test("Ad-hoc → the requester's date; no day → Art. 13")
    func adHoc() {
        #expect(ReportingRegime(duty: ReportingDuty(frequency: .adHoc), name: "x").due == .setByRequester)
        #expect(ReportingRegime(duty: ReportingDuty(frequency: .halfYearly), name: "x").due == .nd09Article13)
    }

    @Test("The Bắc Kạn plan's duties, extracted, become sound regimes")
    func fromFixture() throws {
        let plan = try PlanReader.read(data: ExtractionFixture.data("plan-bac-kan.md"), filename: "plan-bac-kan.md")
            .plan
        let regimes = plan.reporting.map { ReportingRegime(duty: $0, name: $0.frequency.rawValue) }
        #expect(regimes.map(\.frequency) == [.halfYearly, .yearly, .adHoc])
        #expect(regimes.allSatisfy { $0.problems.isEmpty })
        #expect(regimes[0].due == .beforeDayOfLastMonth(15))  // "định kỳ 6 tháng (trước ngày 15/6)"
        #expect(regimes[1].due == .beforeDate(day: 15, month: 11))
    }
}
