import Foundation
import Testing

@testable import TTDNKit

/// Reading an exported plan back with `PlanReader` gives the tasks, agencies and timeframes it was made from.
@Suite struct ExportRoundTripTests {
    static func readBack(_ official: OfficialPlan) throws -> PlanDocument {
        let data = try PlanDocxWriter.docx(official, options: ExportFixtures.options)
        return try PlanReader.read(data: data, filename: "plan.docx").plan
    }

    /// Tasks compared on what the round trip promises: ref, title, lead, support, timeframe structure.
    static func expectSameTasks(
        _ got: [PlanTask], _ expected: [PlanTask], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(got.map(\.ref) == expected.map(\.ref), sourceLocation: sourceLocation)
        for (g, e) in zip(got, expected) {
            #expect(g.title == e.title, "\(e.ref) title", sourceLocation: sourceLocation)
            #expect(g.lead == e.lead, "\(e.ref) lead", sourceLocation: sourceLocation)
            #expect(g.support == e.support, "\(e.ref) support", sourceLocation: sourceLocation)
            #expect(g.timeframe?.kind == e.timeframe?.kind, "\(e.ref) timeframe kind", sourceLocation: sourceLocation)
            #expect(g.timeframe?.quarters == e.timeframe?.quarters, "\(e.ref) quarters", sourceLocation: sourceLocation)
            #expect(g.timeframe?.year == e.timeframe?.year, "\(e.ref) year", sourceLocation: sourceLocation)
            #expect(g.timeframe?.every == e.timeframe?.every, "\(e.ref) every", sourceLocation: sourceLocation)
            #expect(g.timeframe?.count == e.timeframe?.count, "\(e.ref) count", sourceLocation: sourceLocation)
        }
    }

    @Test func tasksAgenciesAndTimeframesComeBack() throws {
        let source = ExportFixtures.plan
        let official = OfficialPlan(from: source, extras: ExportFixtures.extras)
        let read = try Self.readBack(official)
        Self.expectSameTasks(read.tasks, source.tasks)
        // And the exported plan says exactly what it claims to.
        Self.expectSameTasks(read.tasks, official.planDocument.tasks)
    }

    @Test func headerSignerRecipientsAndCitationsComeBack() throws {
        let source = ExportFixtures.plan
        let official = OfficialPlan(from: source, extras: ExportFixtures.extras)
        let read = try Self.readBack(official)
        #expect(read.kind == "KẾ HOẠCH")
        #expect(read.number == "05")
        #expect(read.symbol == "KH-SNgV")
        #expect(read.place == "Lạng Sơn")
        #expect(read.date == "2024-02-05")
        #expect(read.title == source.title)
        #expect(read.year == 2024)
        #expect(read.signer == source.signer)
        #expect(read.recipients == source.recipients)
        #expect(read.citations.map(\.number) == source.citations.map(\.number))
        #expect(read.citations.map(\.date) == source.citations.map(\.date))
    }

    @Test func reportingDutiesAndResponsibilitiesComeBack() throws {
        let source = ExportFixtures.plan
        let read = try Self.readBack(OfficialPlan(from: source, extras: ExportFixtures.extras))
        #expect(read.reporting.map(\.frequency) == source.reporting.map(\.frequency))
        #expect(read.reporting.map(\.beforeDay) == source.reporting.map(\.beforeDay))
        #expect(read.reporting.map(\.month) == source.reporting.map(\.month))
        #expect(read.reporting.map(\.to) == source.reporting.map(\.to))
        #expect(read.responsibilities == source.responsibilities)
    }

    @Test func exportedStraightAfterImportWithoutExtras() throws {
        let source = ExportFixtures.plan
        let read = try Self.readBack(OfficialPlan(from: source))
        Self.expectSameTasks(read.tasks, source.tasks)
    }

    @Test func blankDayBlankNumberTwoContentPartsAndKiem() throws {
        let source = ExportFixtures.blankDayPlan
        let official = OfficialPlan(from: source, extras: ExportFixtures.extras)
        let read = try Self.readBack(official)
        Self.expectSameTasks(read.tasks, source.tasks)
        #expect(read.number == nil)
        #expect(read.symbol == "KH-SNgV")
        #expect(read.date == "2024-02")
        #expect(read.signer == source.signer)
    }

    @Test func editedTimeframeTextIsReplacedBySomethingThatReadsBack() throws {
        var official = OfficialPlan(from: ExportFixtures.plan, extras: ExportFixtures.extras)
        // Edited on screen: quarters changed, the old words left behind.
        official.sections[1].tasks[0].timeframe = Timeframe(
            text: "phát hành 04 số (01 số/quý)", kind: .quarters, quarters: [1, 4], year: 2024)
        official.sections[1].tasks[1].timeframe = Timeframe(text: "Tháng 5", kind: .external)
        official.sections[1].tasks[2].timeframe = Timeframe(text: "", kind: .recurring, every: .month, count: 6)
        let read = try Self.readBack(official)
        Self.expectSameTasks(read.tasks, official.planDocument.tasks)
        #expect(read.tasks[0].timeframe?.quarters == [1, 4])
        #expect(read.tasks[1].timeframe?.kind == .external)
        #expect(read.tasks[2].timeframe?.count == 6)
    }

    @Test func contentStartingInPartThreeIsRenumberedAfterPurposes() throws {
        var source = ExportFixtures.plan
        source.tasks = [ExportFixtures.task("III.1", "Phát hành ấn phẩm giới thiệu tỉnh", lead: ["Sở Ngoại vụ"])]
        let official = OfficialPlan(from: source)
        #expect(official.tasks.map(\.ref) == ["II.1"])
        let read = try Self.readBack(official)
        #expect(read.tasks.map(\.ref) == ["II.1"])
    }
}

/// Where the reader did not give back what a valid export says; each was found by the round trip and fixed.
@Suite struct ExportReaderRegressions {
    /// Text that looks like an HTML tag (`<bản thử>`) is written escaped (`&lt;bản thử&gt;`) and Word
    /// shows it, but `TextCleaner.removeMarkup` stripped it as if it were HTML; only HTML element names
    /// count as markup now.
    @Test func tagLikeTextInATitle() throws {
        var source = ExportFixtures.plan
        source.tasks = [ExportFixtures.task("II.1", "In tài liệu <bản thử> & gửi các xã", lead: ["Sở Ngoại vụ"])]
        let official = OfficialPlan(from: source)
        let xml = try ExportFixtures.part(
            "word/document.xml", of: try PlanDocxWriter.docx(official, options: ExportFixtures.options))
        #expect(xml.contains("In tài liệu &lt;bản thử&gt; &amp; gửi các xã"))
        let read = try ExportRoundTripTests.readBack(official)
        #expect(read.tasks.first?.title == "In tài liệu <bản thử> & gửi các xã")
    }

    /// A short task title that starts with an attribute word (`Phối hợp …`) was read as an attribute of
    /// the task above (`TaskFields.attribute(heading:)`: five words or fewer), so the task disappeared.
    @Test func shortTitleStartingWithAnAttributeWord() throws {
        var source = ExportFixtures.plan
        source.tasks = [
            ExportFixtures.task("II.1", "Tổ chức hội nghị đối ngoại", lead: ["Sở Ngoại vụ"]),
            ExportFixtures.task("II.2", "Phối hợp đón đoàn khách", lead: ["Công an tỉnh"]),
        ]
        let read = try ExportRoundTripTests.readBack(OfficialPlan(from: source))
        #expect(read.tasks.map(\.ref) == ["II.1", "II.2"])
    }

    /// An agency name holding a lower-case word of the reader's predicate list (`in`, `quản lý`) was cut there;
    /// after `Nhà` a verb belongs to the name (`AgencyLexicon.nameHeads`).
    @Test func agencyNameWithAPredicateWord() throws {
        var source = ExportFixtures.plan
        source.tasks = [ExportFixtures.task("II.1", "In ấn phẩm giới thiệu tỉnh", lead: ["Nhà in Báo Lạng Sơn"])]
        let read = try ExportRoundTripTests.readBack(OfficialPlan(from: source))
        #expect(read.tasks.first?.lead == ["Nhà in Báo Lạng Sơn"])
    }

    /// `trước ngày 15/11.` at the end of a sentence: the full stop stayed on the month token and the
    /// month was lost (`ReportingParser.deadlinesIn`).
    @Test func yearlyDeadlineEndingTheSentence() {
        let read = PlanReader.read(
            text: """
                KẾ HOẠCH
                Thử nghiệm năm 2024

                I. TỔ CHỨC THỰC HIỆN

                Các đơn vị báo cáo kết quả hằng năm về Sở Ngoại vụ trước ngày 15/11.
                """)
        #expect(read.plan.reporting.first?.month == .number(11))
    }
}

@Suite("Reissue for another year")
struct PlanReissueTests {
    @Test func theYearMovesOnAndTheIssuedDetailsAreCleared() {
        var plan = PlanDocument()
        plan.number = "21"
        plan.symbol = "KH-UBND"
        plan.date = "2026-01-15"
        plan.year = 2026
        plan.title = "Công tác thông tin đối ngoại năm 2026"
        plan.signer = Signer(name: "Đoàn Thu Hà", position: "PHÓ CHỦ TỊCH", authority: "KT. CHỦ TỊCH")
        plan.tasks = [
            PlanTask(
                ref: "II.1", title: "Bản tin", lead: ["Sở Ngoại vụ"],
                timeframe: Timeframe(text: "Quý II năm 2026", kind: .quarters, quarters: [2], year: 2026),
                content: ["Phát hành 04 số."]),
            PlanTask(ref: "II.2", title: "Hội nghị", timeframe: Timeframe(text: "Thường xuyên", kind: .ongoing)),
        ]
        let next = PlanReissue.reissue(plan, to: 2027)
        #expect(next.number == nil && next.date == nil && next.signer.name == nil)
        #expect(next.symbol == "KH-UBND" && next.signer.position == "PHÓ CHỦ TỊCH")
        #expect(next.year == 2027 && next.title == "Công tác thông tin đối ngoại năm 2027")
        #expect(
            next.tasks[0].timeframe == Timeframe(text: "Quý II năm 2027", kind: .quarters, quarters: [2], year: 2027))
        #expect(next.tasks[0].content == ["Phát hành 04 số."] && next.tasks[0].lead == ["Sở Ngoại vụ"])
        #expect(next.tasks[1].timeframe?.kind == .ongoing)
        #expect(PlanReissue.moveYear(in: "2026, 12026, 20261", from: 2026, to: 2027) == "2027, 12026, 20261")
    }
}

@Suite("The whole plan comes back from its export")
struct WholePlanRoundTripTests {
    /// Words of a block of text, folded, as score.py compares them.
    static func words(_ blocks: [String]) -> [String: Int] {
        var bag: [String: Int] = [:]
        for block in blocks {
            for word in FastFold.fold(block).split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
                bag[String(word), default: 0] += 1
            }
        }
        return bag
    }

    static func f1(_ a: [String: Int], _ b: [String: Int]) -> Double {
        let common = a.reduce(0) { $0 + min($1.value, b[$1.key] ?? 0) }
        let total = a.values.reduce(0, +) + b.values.reduce(0, +)
        return total == 0 ? 1 : 2 * Double(common) / Double(total)
    }

    @Test(arguments: ["plan-bac-kan.md", "plan-steering-committee.md", "plan-party-plain.txt"])
    func contentAndDutiesComeBack(_ fixture: String) throws {
        let plan = try PlanReader.read(data: ExtractionFixture.data(fixture), filename: fixture).plan
        let docx = try PlanDocxWriter.docx(OfficialPlan(from: plan), options: ExportFixtures.options)
        let read = try PlanReader.read(data: docx, filename: "roundtrip.docx").plan
        #expect(read.tasks.map(\.ref) == plan.tasks.map(\.ref))
        #expect(Self.f1(Self.words(plan.tasks.flatMap(\.content)), Self.words(read.tasks.flatMap(\.content))) >= 0.95)
        #expect(
            Self.f1(
                Self.words(plan.responsibilities.flatMap(\.duties)), Self.words(read.responsibilities.flatMap(\.duties))
            )
                >= 0.95)
        #expect(Self.f1(Self.words(plan.purposes), Self.words(read.purposes)) >= 0.95)
    }
}
