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
