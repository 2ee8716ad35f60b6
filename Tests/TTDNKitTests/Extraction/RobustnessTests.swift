import Foundation
import PropertyBased
import Testing

@testable import TTDNKit

/// No input may crash, hang or exhaust memory: every file is a plan or a `PlanReadError`.
@Suite("Extraction: robustness and properties")
struct RobustnessTests {
    /// Pieces of plan language, so random documents reach deep into the rules.
    static let fragments = [
        "II. NỘI DUNG", "IV. TỔ CHỨC THỰC HIỆN", "1. ", "3.1. ", "a) ", "- ", "+ ", "**", "*", "#", "<sup>(1)</sup>",
        "Đơn vị chủ trì: ", "Đơn vị phối hợp: ", "Thời gian: ", "Sở Văn hóa, Thể thao và Du lịch", "các sở, ban, ngành",
        "UBND các huyện", " chủ trì, phối hợp với ", "Quý II, III năm 2024", "(", ")", ";", ",", ".", ":", "\n", "\n\n",
        "Nghị định số 72/2015/NĐ-CP ngày 07/9/2015", "báo cáo hằng quý trước ngày 15", "Nơi nhận:", "KT. CHỦ TỊCH",
        "Nguyễn Văn A", "KẾ HOẠCH", "Số: /KH-UBND", "Hà Nội, ngày  tháng 2 năm 2024", "117", "ngoại", "và ", "các ",
    ]

    static let documents = Gen.int(in: 0..<fragments.count).array(of: 0...60).map { $0.map { fragments[$0] }.joined() }

    /// Found by this property: a task titled like a part ("1. II. NỘI DUNG") is still `II.1`.
    @Test func aTaskTitledLikeAPartKeepsItsRef() {
        let refs = PlanReader.read(text: "II. NỘI DUNG\n1. II. NỘI DUNG\n").plan.tasks.map(\.ref)
        #expect(refs == ["II.1"])
    }

    @Test func randomPlanLanguageNeverBreaksTheInvariants() async {
        await propertyCheck(count: 300, input: Self.documents) { text in
            let e = PlanReader.read(text: text)
            for task in e.plan.tasks {
                // Every ref starts with its Roman part (`II.3.1.a`); the other parts are labels.
                let parts = task.ref.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                #expect(ItemLabel.romanValue(parts[0]) != nil, "\(task.ref)")
                #expect(parts.dropFirst().allSatisfy { !$0.isEmpty }, "\(task.ref)")
                #expect(!task.lead.contains(""))
                #expect(!task.support.contains(""))
                if let q = task.timeframe?.quarters { #expect(q.allSatisfy { (1...4).contains($0) }) }
            }
            for c in e.plan.citations { #expect(!c.number.contains(" ")) }
            for r in e.plan.recipients { #expect(!r.isEmpty && !r.hasSuffix(";")) }
            if let date = e.plan.date { #expect(date.count == 4 || date.count == 7 || LocalDate(iso: date) != nil) }
        }
    }

    @Test func anyBytesGiveAPlanOrAReason() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...255).array(of: 0...2_000)) { ints in
            let bytes = ints.map { UInt8($0) }
            for name in ["x.txt", "x.docx", "x.md"] {
                do {
                    _ = try PlanReader.read(data: Data(bytes), filename: name)
                } catch {
                    let message = (error as? PlanReadError)?.message ?? ""
                    #expect(!message.isEmpty)
                }
            }
        }
    }

    @Test func splitterKeepsTheWordsItWasGiven() async {
        let names = Gen.int(in: 0..<Self.fragments.count).array(of: 1...12).map {
            $0.map { Self.fragments[$0] }.joined(separator: " ")
        }
        await propertyCheck(count: 300, input: names) { text in
            let withoutAsides = AgencyListSplitter.removeParentheticals(text)
            for name in AgencyListSplitter.names(in: text) {
                #expect(!name.text.isEmpty)
                // Every word of a name comes from the input: the splitter cuts, it never invents.
                for word in name.text.split(separator: " ") {
                    #expect(withoutAsides.contains(word))
                }
            }
        }
    }

    @Test func truncatedDocxNeverCrashes() throws {
        let docx = try ExtractionFixture.data("plan-bac-kan.docx")
        for cut in stride(from: 0, to: docx.count, by: max(1, docx.count / 60)) {
            _ = try? PlanReader.read(data: docx.prefix(cut), filename: "cut.docx")
            var flipped = docx
            flipped[cut] ^= 0x5A
            _ = try? PlanReader.read(data: flipped, filename: "flip.docx")
        }
    }

    @Test func tenMegabytesOfTextStayFast() throws {
        var text = try String(contentsOf: ExtractionFixture.url("plan-bac-kan.md"), encoding: .utf8)
        while text.utf8.count < 10 << 20 { text += text }
        let start = Date()
        let e = try PlanReader.read(data: Data(text.utf8), filename: "big.md")
        #expect(!e.plan.tasks.isEmpty)
        // Debug builds are slow; the bound only catches a quadratic rule.
        #expect(Date().timeIntervalSince(start) < 120)
        // One line of 10 MB with no punctuation.
        let oneLine = String(repeating: "chữ ", count: 2_500_000)
        let start2 = Date()
        _ = PlanReader.read(text: oneLine)
        #expect(Date().timeIntervalSince(start2) < 60)
    }
}
