import Foundation
import Testing

@testable import TTDNKit

@Suite struct ConsolidatedReportTests {
    static func report() -> ConsolidatedReport {
        var r = ConsolidatedReport(
            issuingBody: "Sở Ngoại vụ", title: "Kết quả công tác thông tin đối ngoại quý II năm 2026")
        r.parentBody = "UBND tỉnh Lạng Sơn"
        r.addressees = ["Ủy ban nhân dân tỉnh", "Bộ Văn hóa, Thể thao và Du lịch"]
        r.tasks = [
            .init(
                id: UUID(), ref: "1", title: "Xuất bản bản tin đối ngoại",
                contributions: [
                    .init(
                        agency: "Sở Văn hóa, Thể thao và Du lịch", role: .support, done: "Cung cấp ảnh",
                        difficulties: "Thiếu kinh phí"),
                    .init(
                        agency: "Sở Ngoại vụ", role: .lead, done: "Phát hành 01 số", progress: 50,
                        proposals: "Bổ sung biên chế"),
                ],
                indicators: [.init(name: "Số bản tin", unit: "số", value: 1, target: 4)]),
            .init(id: UUID(), ref: "2", title: "Tiếp phóng viên nước ngoài"),
        ]
        r.late = ["Công an tỉnh"]
        r.missing = ["Báo Lạng Sơn"]
        r.openTasks = ["1. Xuất bản bản tin đối ngoại (Sở Ngoại vụ)"]
        return r
    }

    @Test func compiledTaskTextPutsTheLeadFirst() {
        let text = Self.report().tasks[0].compiledText
        #expect(
            text
                == "- Sở Ngoại vụ (chủ trì): Phát hành 01 số. Tiến độ: 50%.\n- Sở Văn hóa, Thể thao và Du lịch (phối hợp): Cung cấp ảnh."
        )
    }

    @Test func partsCompileFromSubmissionsAndEditsWin() {
        var r = Self.report()
        #expect(r.text(.shortcomings) == "- Sở Văn hóa, Thể thao và Du lịch: Thiếu kinh phí.")
        #expect(r.text(.proposals) == "- Sở Ngoại vụ: Bổ sung biên chế.")
        #expect(
            r.text(.intro).contains("muộn: Công an tỉnh.") && r.text(.intro).contains("chưa gửi báo cáo: Báo Lạng Sơn.")
        )
        r.edits[.proposals] = "Đề nghị Bộ hỗ trợ."
        #expect(r.text(.proposals) == "Đề nghị Bộ hỗ trợ.")
        #expect(
            ConsolidatedReport.IndicatorResult(name: "Số bản tin", unit: "số", value: 1, target: 4).line
                == "Số bản tin: 1/4 số (25%)")
    }

    @Test func officialDocumentIsABaoCaoWithKinhGuiAndFourParts() throws {
        let doc = Self.report().officialDocument()
        #expect(doc.kind == "BÁO CÁO")
        #expect(
            doc.sections.map(\.title) == [
                "Kết quả thực hiện", "Tồn tại, hạn chế và nguyên nhân", "Nhiệm vụ trọng tâm kỳ tới",
                "Kiến nghị, đề xuất",
            ])
        #expect(doc.sections[0].items[1].paragraphs == ["Chưa có báo cáo kết quả."])
        let xml = try ExportFixtures.part(
            "word/document.xml", of: try PlanDocxWriter.docx(doc, options: ExportFixtures.options))
        #expect(xml.contains(">BÁO CÁO<"))
        #expect(xml.contains(">Kính gửi:<"))
        #expect(xml.contains(">- Ủy ban nhân dân tỉnh;<") && xml.contains(">- Bộ Văn hóa, Thể thao và Du lịch.<"))
        #expect(xml.contains("I. KẾT QUẢ THỰC HIỆN") && xml.contains("IV. KIẾN NGHỊ, ĐỀ XUẤT"))
        #expect(xml.range(of: "Kính gửi")!.lowerBound > xml.range(of: "BÁO CÁO")!.lowerBound)
    }

    @Test func aSingleAddresseeStaysOnOneLine() throws {
        var r = Self.report()
        r.addressees = ["Ủy ban nhân dân tỉnh."]
        let xml = try ExportFixtures.part(
            "word/document.xml", of: try PlanDocxWriter.docx(r.officialDocument(), options: ExportFixtures.options))
        #expect(xml.contains(">Kính gửi: Ủy ban nhân dân tỉnh.<"))
    }
}
