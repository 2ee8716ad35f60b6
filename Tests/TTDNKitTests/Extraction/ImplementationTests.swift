import Testing

@testable import TTDNKit

@Suite("Extraction: responsibilities, reporting, recipients, signer")
struct ImplementationTests {
    @Test func responsibilitiesFromItemsAndBoldLabels() {
        let plan = ExtractionFixture.planWithContent(
            "1. Việc A\n\n- Đơn vị thực hiện: Sở Y tế.",
            implementation: """
                1. Công tác phối hợp

                - **Đề nghị Ban Dân vận Tỉnh ủy:** phối hợp tuyên truyền.

                - Các thành viên chủ động thực hiện.

                2. Sở Tài chính bảo đảm kinh phí; hướng dẫn thanh quyết toán.

                3. Các huyện ủy, thành ủy chỉ đạo UBND các huyện, thành phố:

                4. Các cơ quan báo chí của tỉnh
                """)
        #expect(
            plan.responsibilities == [
                // The text after the label, and what follows it up to the next label or item.
                Responsibility(
                    ref: "III.1", agencies: ["Ban Dân vận Tỉnh ủy"],
                    duties: ["phối hợp tuyên truyền.", "Các thành viên chủ động thực hiện."]),
                // A heading that is a sentence about its subject is itself the duty.
                Responsibility(
                    ref: "III.2", agencies: ["Sở Tài chính"],
                    duties: ["Sở Tài chính bảo đảm kinh phí; hướng dẫn thanh quyết toán."]),
                Responsibility(ref: "III.3", agencies: ["Các huyện ủy, thành ủy", "UBND các huyện, thành phố"]),
                Responsibility(ref: "III.4", agencies: ["Các cơ quan báo chí của tỉnh"]),
            ])
    }

    @Test func dutiesRunToTheNextItemAndStopAtTheClosingFormula() {
        let plan = ExtractionFixture.planWithContent(
            "1. Việc A\n\n- Đơn vị thực hiện: Sở Y tế.",
            implementation: """
                1. Các cơ quan báo chí của tỉnh

                - Mở chuyên mục thông tin đối ngoại.

                - Đăng tải tin, bài về hội nhập quốc tế.

                2. Các phòng thuộc Sở

                - **Văn phòng Sở:** tổng hợp báo cáo.

                + Báo cáo quý gửi Lãnh đạo Sở.

                - **Thanh tra Sở:** kiểm tra việc thực hiện.

                Trên đây là Kế hoạch thông tin đối ngoại năm 2024, đề nghị các đơn vị nghiêm túc thực hiện./.
                """)
        #expect(
            plan.responsibilities == [
                Responsibility(
                    ref: "III.1", agencies: ["Các cơ quan báo chí của tỉnh"],
                    duties: ["Mở chuyên mục thông tin đối ngoại.", "Đăng tải tin, bài về hội nhập quốc tế."]),
                // Named, with its units' duties under their own labels.
                Responsibility(ref: "III.2", agencies: ["Các phòng thuộc Sở"]),
                Responsibility(
                    ref: "III.2", agencies: ["Văn phòng Sở"],
                    duties: ["tổng hợp báo cáo.", "Báo cáo quý gửi Lãnh đạo Sở."]),
                Responsibility(ref: "III.2", agencies: ["Thanh tra Sở"], duties: ["kiểm tra việc thực hiện."]),
            ])
    }

    @Test func reportingDuties() {
        let duties = ReportingParser.parse([
            "Định kỳ báo cáo kết quả về Sở Ngoại vụ trước ngày 25 hằng tháng hoặc đột xuất khi có yêu cầu.",
            "Báo cáo hằng quý (trước ngày 10 của tháng cuối quý) và báo cáo năm trước ngày 30/11 hằng năm.",
            "Kinh phí bố trí hằng năm.",
        ])
        #expect(duties.map(\.frequency) == [.monthly, .adHoc, .quarterly, .yearly])
        #expect(duties[0].beforeDay == 25)
        #expect(duties[0].to == "Sở Ngoại vụ")
        #expect(duties[2].month == .lastOfQuarter)
        #expect(duties[2].beforeDay == 10)
        #expect(duties[3].month == .number(11))
        #expect(duties[3].beforeDay == 30)
    }

    @Test func recipientsAndSignerInEitherOrder() {
        let footer = TextCleaner.clean(
            """
            Nơi nhận:
            - Văn phòng Chính phủ;
            - Sở, ban, ngành,
            đoàn thể tỉnh;
            - Lưu: VT.
            TM. BAN THƯỜNG VỤ
            PHÓ BÍ THƯ
            kiêm
            CHỦ TỊCH HĐND TỈNH
            (Đã ký)
            Hoàng Thị Lan
            """
        ).lines
        let (recipients, signer) = TrailerParser.parse(footer)
        #expect(recipients == ["Văn phòng Chính phủ", "Sở, ban, ngành, đoàn thể tỉnh", "Lưu: VT"])
        #expect(
            signer
                == Signer(
                    name: "Hoàng Thị Lan", position: "PHÓ BÍ THƯ kiêm CHỦ TỊCH HĐND TỈNH",
                    authority: "TM. BAN THƯỜNG VỤ"))

        let signatureFirst = TextCleaner.clean(
            "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrần Văn Bình\nNơi nhận:\n- Như trên;\n- Lưu VT."
        ).lines
        let (r2, s2) = TrailerParser.parse(signatureFirst)
        #expect(r2 == ["Như trên", "Lưu VT"])
        #expect(s2.name == "Trần Văn Bình")
        #expect(s2.authority == "KT. GIÁM ĐỐC")
    }
}
