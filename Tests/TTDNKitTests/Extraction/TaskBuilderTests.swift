import Foundation
import Testing

@testable import TTDNKit

@Suite("Extraction: tasks")
struct TaskBuilderTests {
    @Test func attributeSubItemsFoldIntoTheirTask() {
        let plan = ExtractionFixture.planWithContent(
            """
            1. Tập huấn kỹ năng phát ngôn

            1.1. Nội dung: kỹ năng trả lời phỏng vấn.

            1.2. Đối tượng tham dự: người phát ngôn các sở.

            1.3. Thời gian thực hiện: Quý III/2024.

            1.4. Đơn vị thực hiện

            - Đơn vị chủ trì: Sở Thông tin và Truyền thông.

            - Đơn vị phối hợp: Sở Nội vụ, Sở Ngoại vụ.
            """)
        #expect(plan.tasks.map(\.ref) == ["II.1"])
        let task = plan.tasks[0]
        #expect(task.lead == ["Sở Thông tin và Truyền thông"])
        #expect(task.support == ["Sở Nội vụ", "Sở Ngoại vụ"])
        #expect(task.timeframe?.quarters == [3])
        #expect(task.timeframe?.year == 2024)
        // Attribute sub-items other than units and time are the task's text, with their labels.
        #expect(
            task.content == [
                "Nội dung: kỹ năng trả lời phỏng vấn.", "Đối tượng tham dự: người phát ngôn các sở.",
            ])
    }

    @Test func contentIsTheTaskAsWrittenWithoutItsUnitsAndTime() {
        let plan = ExtractionFixture.planWithContent(
            """
            1. Phát hành ấn phẩm đối ngoại. Ấn phẩm song ngữ Việt - Anh giới thiệu tiềm năng của tỉnh.

            - Hình thức: sách ảnh và tờ gấp.

            - Đơn vị chủ trì: Sở Ngoại vụ; đơn vị phối hợp: Sở Du lịch.

            - Thời gian: Quý II/2024.

            Phát hành tại các hội chợ, sự kiện xúc tiến đầu tư ở nước ngoài.

            2. Thông tin trên mạng xã hội

            2.1. Lập trang tiếng Anh

            Cập nhật tin, bài hằng tuần.

            2.2. Lập trang tiếng Trung
            """)
        #expect(plan.tasks.map(\.ref) == ["II.1", "II.2", "II.2.1", "II.2.2"])
        let first = plan.tasks[0]
        #expect(first.title == "Phát hành ấn phẩm đối ngoại")
        #expect(first.lead == ["Sở Ngoại vụ"] && first.support == ["Sở Du lịch"])
        #expect(
            first.content == [
                "Ấn phẩm song ngữ Việt - Anh giới thiệu tiềm năng của tỉnh.", "Hình thức: sách ảnh và tờ gấp.",
                "Phát hành tại các hội chợ, sự kiện xúc tiến đầu tư ở nước ngoài.",
            ])
        // A heading only; its sub-tasks' text is theirs.
        #expect(plan.tasks[1].content == [])
        #expect(plan.tasks[2].content == ["Cập nhật tin, bài hằng tuần."])
        #expect(plan.tasks[3].content == [])
    }

    @Test func purposesAndBudgetAreTheirPartsText() {
        let plan = ExtractionFixture.plan(
            """
            KẾ HOẠCH
            Thông tin đối ngoại năm 2024

            I. MỤC ĐÍCH, YÊU CẦU

            1. Mục đích

            - Quảng bá hình ảnh tỉnh với bạn bè quốc tế.

            2. Yêu cầu: bám sát chủ trương của Đảng.

            3. Các hoạt động bảo đảm tiết kiệm, hiệu quả.

            II. NỘI DUNG

            1. Phát hành bản tin

            III. KINH PHÍ

            Kinh phí bố trí trong dự toán hằng năm của các đơn vị.

            IV. TỔ CHỨC THỰC HIỆN

            1. Sở Ngoại vụ theo dõi, tổng hợp./.
            """)
        #expect(
            plan.purposes == [
                "Quảng bá hình ảnh tỉnh với bạn bè quốc tế.", "bám sát chủ trương của Đảng.",
                "Các hoạt động bảo đảm tiết kiệm, hiệu quả.",
            ])
        #expect(plan.budget == ["Kinh phí bố trí trong dự toán hằng năm của các đơn vị."])
        #expect(plan.tasks.map(\.content) == [[]])
    }

    @Test func aFirstVersionDocumentDecodesWithEmptyText() throws {
        let json = """
            {"format": "ttdn.plan/1", "title": "T", "tasks": [{"ref": "II.1", "title": "A", "lead": [], "support": [],
             "timeframe": null}], "responsibilities": [{"ref": "IV.1", "agencies": ["Sở Ngoại vụ"]}]}
            """
        let plan = try JSONDecoder().decode(PlanDocument.self, from: Data(json.utf8))
        #expect(plan.tasks[0].content == [] && plan.responsibilities[0].duties == [])
        #expect(plan.purposes == [] && plan.budget == [])
    }

    @Test func everyDepthAndNearestTaskTakesTheBullets() {
        let plan = ExtractionFixture.planWithContent(
            """
            1. Quảng bá hình ảnh tỉnh

            1.1. Trên mạng xã hội

            a) Lập trang fanpage tiếng Anh. Cập nhật hằng tuần.

            - Đơn vị chủ trì: Sở Du lịch.

            b) Sản xuất video ngắn

            - Đơn vị thực hiện: Trung tâm Xúc tiến Đầu tư.

            - Thời gian: Quý IV.
            """)
        #expect(plan.tasks.map(\.ref) == ["II.1", "II.1.1", "II.1.1.a", "II.1.1.b"])
        #expect(plan.tasks[2].title == "Lập trang fanpage tiếng Anh")
        #expect(plan.tasks[2].lead == ["Sở Du lịch"])
        #expect(plan.tasks[3].lead == ["Trung tâm Xúc tiến Đầu tư"])
        #expect(plan.tasks[1].lead.isEmpty)
    }

    @Test func twoBulletsWithUnitsBothCountAndProseAddsPartners() {
        let plan = ExtractionFixture.planWithContent(
            """
            1. Tuyên truyền biên giới

            + Cập nhật tin bài.

            - Đơn vị thực hiện: Phòng Thông tin.

            + Phối hợp với Bộ Chỉ huy Bộ đội Biên phòng tỉnh, Sở Giáo dục và Đào tạo tuyên truyền trong trường học.

            - Đơn vị thực hiện: Phòng Biên giới.
            """)
        #expect(plan.tasks[0].lead == ["Phòng Thông tin", "Phòng Biên giới"])
        #expect(plan.tasks[0].support == ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Sở Giáo dục và Đào tạo"])
    }

    @Test func onlyContentPartsHoldTasks() {
        let plan = ExtractionFixture.planWithContent("1. Một nhiệm vụ\n\n- Đơn vị thực hiện: Sở Y tế.")
        #expect(plan.tasks.map(\.ref) == ["II.1"])
        #expect(Outline.kind(of: "NHIỆM VỤ VÀ GIẢI PHÁP") == .content)
        #expect(Outline.kind(of: "KINH PHÍ THỰC HIỆN") == .funding)
        #expect(Outline.kind(of: "TỔ CHỨC THỰC HIỆN") == .implementation)
        #expect(Outline.kind(of: "MỤC ĐÍCH, YÊU CẦU") == .purpose)
    }

    @Test func timeframeInBracketsAndWarningForNoLead() {
        let extraction = PlanReader.read(
            text: """
                KẾ HOẠCH
                Thử

                II. NỘI DUNG TRỌNG TÂM

                1. Kiểm tra việc thực hiện ở cơ sở. Tổ chức đoàn kiểm tra (thực hiện trong quý II/2024).
                """)
        #expect(extraction.plan.tasks.first?.timeframe?.quarters == [2])
        #expect(extraction.warnings.contains { $0.code == .noLeadAgency && $0.ref == "II.1" })
        #expect(extraction.warnings.first { $0.code == .noLeadAgency }?.message == "task II.1 names no lead agency")
    }

    @Test func unrecognisedNamesAreKeptAndWarned() {
        let extraction = PlanReader.read(
            text: """
                KẾ HOẠCH
                Thử

                II. NỘI DUNG

                1. Làm video

                - Đơn vị thực hiện: Nhóm sáng tạo nội dung.
                """)
        #expect(extraction.plan.tasks.first?.lead == ["Nhóm sáng tạo nội dung"])
        #expect(
            extraction.warnings.contains { $0.code == .unrecognisedAgency && $0.args == ["Nhóm sáng tạo nội dung"] })
    }
}

@Suite("Extraction: precision before recall")
struct PrecisionTests {
    /// The issuer of a cited document never leads; numbers, reports and meetings are not bodies; what the
    /// reader cannot tell is left to the review rather than guessed.
    @Test func onlyWhatLooksLikeABodyLeads() {
        let plan = ExtractionFixture.planWithContent(
            """
            1. Triển khai Kế hoạch số 116-KH/TU ngày 05/12/2022 của Ban Thường vụ Tỉnh ủy về đối ngoại nhân dân.

            2. Quán triệt Nghị quyết Đại hội XIII của Đảng và 5 năm thực hiện Chỉ thị 12-CT/TW, Sở Ngoại vụ thực hiện.

            3. Thực hiện Hướng dẫn số 01-HD/BĐNTW của Ban Đối ngoại Trung ương, Sở Ngoại vụ chủ trì, phối hợp với Sở Tư pháp.

            4. Báo cáo kết quả thực hiện Kế hoạch số 20/KH-UBND của Ủy ban nhân dân tỉnh.

            5. Hội nghị giao ban báo chí thực hiện hằng quý.
            """)
        #expect(plan.tasks.map(\.lead) == [[], ["Sở Ngoại vụ"], ["Sở Ngoại vụ"], [], []])
        #expect(plan.tasks[2].support == ["Sở Tư pháp"])
    }
}
