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

    /// The end mark (`./.`) ends the document, not the duty: an exported plan puts it after its last duty.
    @Test func theEndMarkIsNotAClosingFormula() {
        let plan = ExtractionFixture.planWithContent(
            "1. Việc A\n\n- Đơn vị thực hiện: Sở Y tế.",
            implementation: """
                1. Sở Tài chính

                Bố trí kinh phí bảo đảm hiệu quả./.

                UBND tỉnh yêu cầu các cơ quan, đơn vị nghiêm túc thực hiện./.
                """)
        #expect(
            plan.responsibilities == [
                Responsibility(ref: "III.1", agencies: ["Sở Tài chính"], duties: ["Bố trí kinh phí bảo đảm hiệu quả."])
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

    /// A duty only where a sentence states a report and its period: no quarter in `theo quy định`, no report
    /// in `báo cáo viên`, and a recipient whose name holds `giao` (`Bộ Ngoại giao`) kept whole.
    @Test func noReportingDutyTheTextDoesNotState() {
        #expect(
            ReportingParser.parse([
                "Phát hành Bản tin đối ngoại hằng quý, báo cáo viên trình bày tại hội nghị.",
                "Các cơ quan, đơn vị báo cáo kết quả thực hiện về Sở Ngoại vụ để tổng hợp.",
                "Sở Ngoại vụ tổng hợp, báo cáo Bộ Ngoại giao theo quy định.",
            ]) == [])
        let duties = ReportingParser.parse(["Định kỳ báo cáo Bộ Ngoại giao theo quý, trước ngày 10 của tháng cuối quý."]
        )
        #expect(
            duties == [ReportingDuty(frequency: .quarterly, beforeDay: 10, month: .lastOfQuarter, to: "Bộ Ngoại giao")])
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

        // A scan's two columns unfolded row by row put the signature inside the list of recipients.
        let interleaved = TextCleaner.clean(
            "Nơi nhận:\n- Như trên;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n- Sở Ngoại vụ;\n- Lưu: VT.\nNguyễn Văn An"
        ).lines
        let (r3, s3) = TrailerParser.parse(interleaved)
        #expect(r3 == ["Như trên", "Sở Ngoại vụ", "Lưu: VT"])
        #expect(s3.position == "PHÓ CHỦ TỊCH" && s3.name == "Nguyễn Văn An")
    }
}

@Suite("Tổ chức thực hiện as tasks")
struct ImplementationTasksTests {
    @Test func eachResponsibilityBecomesATaskOfTheAgenciesItCharges() {
        var plan = PlanDocument()
        plan.year = 2024
        plan.tasks = [PlanTask(ref: "II.1", title: "Phát hành bản tin")]
        plan.responsibilities = [
            Responsibility(
                ref: "IV.1", agencies: ["Sở Tài chính"],
                duties: ["Sở Tài chính bố trí kinh phí. Hướng dẫn thanh quyết toán.", "Kiểm tra việc sử dụng."]),
            Responsibility(ref: "IV.2", agencies: ["Các phòng thuộc Sở"]),
            Responsibility(ref: "IV.2", agencies: ["Văn phòng Sở"], duties: ["tổng hợp báo cáo."]),
            Responsibility(ref: "IV.2", agencies: ["Thanh tra Sở"], duties: ["kiểm tra việc thực hiện."]),
        ]
        let tasks = ImplementationTasks.tasks(for: plan)
        // Item 2 names its units without duties: no task of its own; its two units share its number.
        #expect(tasks.map(\.ref) == ["IV.1", "IV.2.a", "IV.2.b"])
        #expect(tasks[0].title == "Sở Tài chính bố trí kinh phí")
        #expect(tasks[0].content == ["Hướng dẫn thanh quyết toán.", "Kiểm tra việc sử dụng."])
        #expect(tasks[0].lead == ["Sở Tài chính"] && tasks[0].support == [])
        #expect(tasks[0].timeframe == Timeframe(text: "2024", kind: .year, year: 2024))
        #expect(tasks[1].title == "Tổng hợp báo cáo" && tasks[1].lead == ["Văn phòng Sở"])
        #expect(tasks[2].lead == ["Thanh tra Sở"] && tasks[2].content == [])
    }

    @Test func refsNeverCollideWithTheContentTasks() {
        var plan = PlanDocument()
        plan.tasks = [PlanTask(ref: "III.1", title: "A")]
        plan.responsibilities = [Responsibility(ref: "III.1", agencies: ["Sở Y tế"], duties: ["Làm B."])]
        #expect(ImplementationTasks.tasks(for: plan).map(\.ref) == ["III.1.a"])
        #expect(ImplementationTasks.tasks(for: plan)[0].timeframe == nil)
        #expect(ImplementationTasks.letter(0) == "a" && ImplementationTasks.letter(25) == "z")
        #expect(ImplementationTasks.letter(26) == "aa")
    }
}

@Suite("Owners proposed for a task without a lead")
struct OwnerProposalsTests {
    static let plan: PlanDocument = {
        var plan = PlanDocument()
        plan.responsibilities = [
            Responsibility(
                ref: "IV.1", agencies: ["Sở Văn hóa, Thể thao và Du lịch"],
                duties: ["Quảng bá du lịch của tỉnh tại các hội chợ quốc tế; thông tin đối ngoại về văn hóa."]),
            Responsibility(
                ref: "IV.2", agencies: ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh"],
                duties: ["Thông tin đối ngoại về biên giới, cột mốc cho cư dân biên giới."]),
            Responsibility(
                ref: "IV.3", agencies: ["Báo Lạng Sơn"], duties: ["Mở chuyên mục thông tin đối ngoại trên báo in."]),
            Responsibility(ref: "IV.4", agencies: ["Sở Tài chính"], duties: ["Bố trí kinh phí thông tin đối ngoại."]),
        ]
        return plan
    }()

    @Test func theDutiesSharingTheMostTellingPhrasesComeFirst() {
        let task = PlanTask(
            ref: "II.3", title: "Tuyên truyền về biên giới",
            content: ["Phát tài liệu thông tin đối ngoại cho cư dân biên giới và học sinh."])
        let proposals = OwnerProposals.proposals(for: task, in: Self.plan)
        #expect(proposals.first?.agencies == ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh"])
        // The reason: what they share, not the words every duty of this plan has.
        #expect(proposals.first?.shared.contains("cho cư dân biên giới") == true)
        #expect(proposals.first?.shared.contains("thông tin") == false)
        #expect(proposals.allSatisfy { $0.agencies != ["Sở Tài chính"] })
    }

    @Test func nothingSharedProposesNobody() {
        let task = PlanTask(ref: "II.9", title: "Tổ chức hội thao", content: ["Giao lưu bóng đá với tỉnh bạn."])
        #expect(OwnerProposals.proposals(for: task, in: Self.plan) == [])
    }
}

@Suite("A new version of a plan")
struct PlanVersionDiffTests {
    @Test func tasksWithTheSameRefAndWordingAreKept() {
        let old = [
            PlanTask(ref: "II.1", title: "Phát hành bản tin", lead: ["Sở Ngoại vụ"], content: ["04 số."]),
            PlanTask(ref: "II.2", title: "Tổ chức hội nghị", lead: ["Sở Ngoại vụ"]),
            PlanTask(ref: "II.3", title: "Tập huấn phát ngôn"),
        ]
        let new = [
            PlanTask(ref: "II.1", title: "Phát  hành Bản tin", lead: ["Sở Ngoại vụ"], content: ["06 số."]),
            PlanTask(ref: "II.2", title: "Tổ chức hội nghị", lead: ["Sở Ngoại vụ"]),
            PlanTask(ref: "II.3", title: "Tập huấn kỹ năng phát ngôn"),
            PlanTask(ref: "II.4", title: "Quảng bá du lịch"),
        ]
        let diff = PlanVersionDiff.diff(old: old, new: new)
        #expect(
            diff.kept == [
                .init(ref: "II.1", old: 0, new: 0, changed: true), .init(ref: "II.2", old: 1, new: 1, changed: false),
            ])
        // A changed wording is other work: it starts afresh.
        #expect(diff.added == [2, 3])
        #expect(diff.removed == [2])
    }
}
