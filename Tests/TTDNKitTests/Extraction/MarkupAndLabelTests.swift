import Testing

@testable import TTDNKit

/// What counts as markup in a document's text, which headings are attribute labels, and the verbs that
/// belong to a name: the rules behind three fixed round-trip findings (ExportReaderRegressions).
@Suite("Extraction: markup, labels and names")
struct MarkupAndLabelTests {
    @Test func onlyHTMLElementsAreMarkup() {
        #expect(TextCleaner.removeMarkup("Số<sup>1</sup> lượng") == "Số lượng")
        #expect(TextCleaner.removeMarkup("<b>Nội dung</b>").trimmingWhitespace() == "Nội dung")
        #expect(TextCleaner.removeMarkup("dòng một<BR/>dòng hai") == "dòng một dòng hai")
        #expect(TextCleaner.removeMarkup("<span class=\"x\">Sở</span>").trimmingWhitespace() == "Sở")
        // The document's own angle brackets stay.
        #expect(TextCleaner.removeMarkup("Gửi <Tên đơn vị> trước ngày 15") == "Gửi <Tên đơn vị> trước ngày 15")
        #expect(TextCleaner.removeMarkup("In tài liệu <bản thử>") == "In tài liệu <bản thử>")
        #expect(TextCleaner.removeMarkup("chỉ số a < b > c") == "chỉ số a < b > c")
        #expect(TextCleaner.removeMarkup("<ghichu>") == "<ghichu>")
    }

    @Test func verbsThatOpenTitlesAreLabelsOnlyWithLabelWords() {
        #expect(TaskFields.attribute(heading: "Phối hợp thực hiện")?.field == .support)
        #expect(TaskFields.attribute(heading: "Chủ trì")?.field == .lead)
        #expect(TaskFields.attribute(heading: "Phối hợp đón đoàn khách") == nil)
        #expect(TaskFields.attribute(heading: "Chủ trì hội nghị giao ban") == nil)
        // With a colon the label is plain, whatever follows.
        #expect(TaskFields.attribute(heading: "Phối hợp: Công an tỉnh")?.field == .support)
        // Other attribute words keep the short-heading rule.
        #expect(TaskFields.attribute(heading: "Đơn vị phối hợp")?.field == .support)
        #expect(TaskFields.attribute(heading: "Thời gian thực hiện")?.field == .time)
        #expect(TaskFields.attribute(heading: "Đối tượng tập huấn") != nil)
    }

    @Test func aVerbAfterNhaBelongsToTheName() {
        let names = AgencyListSplitter.names(in: "Nhà xuất bản Thông tấn, Nhà in Báo Lạng Sơn in ấn phẩm").map(\.text)
        #expect(names == ["Nhà xuất bản Thông tấn", "Nhà in Báo Lạng Sơn"])
        // Elsewhere the verb still ends the list.
        #expect(AgencyListSplitter.names(in: "Báo Lạng Sơn in ấn phẩm").map(\.text) == ["Báo Lạng Sơn"])
    }

    @Test func wordsThatContinueAName() {
        #expect(
            AgencyListSplitter.names(
                in: "Kho bạc Nhà nước tỉnh, Ngân hàng Nhà nước chi nhánh tỉnh, Ban quản lý dự án tỉnh"
            )
            .map(\.text) == ["Kho bạc Nhà nước tỉnh", "Ngân hàng Nhà nước chi nhánh tỉnh", "Ban quản lý dự án tỉnh"])
        // After another name `hàng` still ends it: `… hàng năm`.
        #expect(AgencyListSplitter.names(in: "Sở Ngoại vụ hàng năm báo cáo").map(\.text) == ["Sở Ngoại vụ"])
    }

    @Test func aDateEndingTheSentenceKeepsItsMonth() {
        let found = ReportingParser.deadlinesIn("bao cao truoc ngay 15/11. cac don vi")
        #expect(found.first?.day == 15)
        #expect(found.first?.month == 11)
        #expect(ReportingParser.deadlinesIn("truoc ngay 20 thang 6; dong thoi").first?.month == 6)
    }

    @Test func halfYearAndYearInOneSentence() {
        let duties = ReportingParser.duties(
            in: "Các thành viên báo cáo kết quả 6 tháng (trước ngày 10/6) và năm (trước ngày 10/12) về Sở Ngoại vụ.")
        #expect(duties.map(\.frequency) == [.halfYearly, .yearly])
        #expect(duties.last?.beforeDay == 10 && duties.last?.month == .number(12))
        let quarterAndYear = ReportingParser.duties(
            in: "Tổng hợp báo cáo quý, năm (trước ngày 18 của tháng cuối quý).")
        #expect(quarterAndYear.map(\.frequency) == [.quarterly, .yearly])
        let oneYear = ReportingParser.duties(
            in: "báo cáo kết quả định kỳ 6 tháng (trước ngày 15/6), 01 năm (trước ngày 15/11).")
        #expect(oneYear.map(\.frequency) == [.halfYearly, .yearly] && oneYear.last?.month == .number(11))
    }
}

@Suite("Extraction: several labels on one line, month ranges")
struct LabelChainAndMonthRangeTests {
    @Test func twoLabelsOnOneLine() {
        let found = TaskFields.labels(
            in: "Cơ quan chủ trì: Bộ Chỉ huy Bộ đội Biên phòng tỉnh; cơ quan phối hợp: Sở Ngoại vụ.")
        #expect(found.map(\.field) == [.lead, .support])
        #expect(found.first?.value == "Bộ Chỉ huy Bộ đội Biên phòng tỉnh")
        #expect(found.last?.value == "Sở Ngoại vụ.")
        let three = TaskFields.labels(
            in: "Đơn vị chủ trì: Sở Ngoại vụ. Đơn vị phối hợp: Công an tỉnh; Thời gian: Quý II.")
        #expect(three.map(\.field) == [.lead, .support, .time])
        // A semicolon inside a list of names is not a new label.
        let list = TaskFields.labels(in: "Đơn vị phối hợp: Sở Tài chính; Sở Nội vụ; các sở, ban, ngành.")
        #expect(list.count == 1 && list[0].value == "Sở Tài chính; Sở Nội vụ; các sở, ban, ngành.")
    }

    @Test func aBulletWithTwoLabelsFillsBothRoles() {
        let read = PlanReader.read(
            text: """
                KẾ HOẠCH
                Thông tin đối ngoại năm 2024

                I. NỘI DUNG
                1. Tuyên truyền về biên giới
                - Cơ quan chủ trì: Bộ Chỉ huy Bộ đội Biên phòng tỉnh; cơ quan phối hợp: Sở Ngoại vụ.
                - Thời gian thực hiện: Từ tháng 3 đến tháng 9/2024.
                """)
        let task = read.plan.tasks.first
        #expect(task?.lead == ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh"])
        #expect(task?.support == ["Sở Ngoại vụ"])
        #expect(task?.timeframe?.quarters == [1, 2, 3])
    }

    @Test func anInlineLowerCaseTimeLabel() {
        let time = TaskBuilder.inlineTimeLabel(
            "Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Ngoại vụ thực hiện; thời gian: Quý II, III.")
        #expect(time?.kind == .quarters && time?.quarters == [2, 3])
    }

    @Test func anInlineTimeLabelInsideBrackets() {
        let time = TaskBuilder.inlineTimeLabel(
            "Biên soạn tài liệu (Bộ Chỉ huy Bộ đội Biên phòng tỉnh chủ trì; thời gian: Quý III/2025).")
        #expect(time?.text == "Quý III/2025" && time?.quarters == [3] && time?.year == 2025)
    }

    @Test func aDashBeforeARoleWordEndsTheName() {
        #expect(
            AgencyListSplitter.names(in: "Sở Ngoại vụ - cơ quan thường trực Ban Chỉ đạo").map(\.text) == ["Sở Ngoại vụ"]
        )
        #expect(
            AgencyListSplitter.names(in: "Sở Lao động - Thương binh và Xã hội").map(\.text)
                == ["Sở Lao động - Thương binh và Xã hội"])
        #expect(
            AgencyListSplitter.names(in: "các tổ chức chính trị - xã hội tỉnh").map(\.text)
                == ["các tổ chức chính trị - xã hội tỉnh"])
        #expect(
            ResponsibilityParser.agencies(
                inHeading: "Sở Ngoại vụ - cơ quan thường trực Ban Chỉ đạo: tham mưu triển khai")
                == ["Sở Ngoại vụ"])
    }

    @Test func quartersInRunningText() {
        let both = TaskBuilder.quartersInProse(
            "Phòng Thông tin đối ngoại chủ trì, phối hợp với Văn phòng Sở thực hiện trong Quý I và Quý IV năm 2025.")
        #expect(both?.quarters == [1, 4] && both?.year == 2025)
        #expect(TaskBuilder.quartersInProse("Tổ chức vào quý III/2025; các sở phối hợp.")?.quarters == [3])
        // Not a quarter: `trong quý khách`, or no numeral.
        #expect(TaskBuilder.quartersInProse("Phục vụ trong quý khách sạn") == nil)
        #expect(TaskBuilder.quartersInProse("Không nói đến thời gian.") == nil)
    }

    @Test func endOfYearAndTimesAYear() {
        #expect(TimeframeParser.parse("Cuối năm 2025")?.quarters == [4])
        #expect(TimeframeParser.parse("Cuối năm 2025")?.year == 2025)
        let twice = TimeframeParser.parse("Định kỳ 02 lần/năm")
        #expect(twice?.kind == .recurring && twice?.every == .year && twice?.count == 2)
        // Per quarter is not a total.
        #expect(TimeframeParser.parse("01 số/quý")?.count == nil)
    }

    @Test func partnersRightAfterPhoiHop() {
        let found = ProseAgencies.find(
            in: "Sở Văn hóa, Thể thao và Du lịch chủ trì phối hợp UBND thị xã Tiên Du tổ chức.")
        #expect(found.lead.map(\.text) == ["Sở Văn hóa, Thể thao và Du lịch"])
        #expect(found.support.map(\.text) == ["UBND thị xã Tiên Du"])
        // `phối hợp` before a verb still names no partner.
        #expect(ProseAgencies.find(in: "Sở Ngoại vụ chủ trì, phối hợp tổ chức hội nghị.").support.isEmpty)
    }

    @Test func labelsInsideRunningText() {
        let found = ProseAgencies.find(
            in:
                "Tổ chức đoàn phóng viên (Sở Ngoại vụ chủ trì; phối hợp: Công an tỉnh, Sở Văn hóa, Thể thao và Du lịch) - Quý II"
        )
        #expect(found.lead.map(\.text) == ["Sở Ngoại vụ"])
        #expect(found.support.map(\.text) == ["Công an tỉnh", "Sở Văn hóa, Thể thao và Du lịch"])
    }

    @Test func authoritiesWrittenWithASlash() {
        #expect(SignatureLines.isAuthority("K/T TRƯỞNG BAN"))
        #expect(SignatureLines.isAuthority("T/L CHÁNH VĂN PHÒNG"))
        #expect(!SignatureLines.isAuthority("K/T trưởng ban"))
    }

    @Test func ongoingInRunningText() {
        let ongoing = TaskBuilder.ongoingInProse(
            "Đón tiếp phóng viên: thực hiện thường xuyên, theo đề nghị của Bộ Ngoại giao.")
        #expect(ongoing?.kind == .ongoing)
        #expect(TaskBuilder.ongoingInProse("Cập nhật thông tin thường xuyên trên trang.") == nil)
    }

    @Test func hyphenNumberedItemsAndShortDeadlines() {
        let read = PlanReader.read(
            text: """
                KẾ HOẠCH
                công tác thông tin đối ngoại năm 2026

                II- NHIỆM VỤ
                1- Tuyên truyền kỷ niệm các ngày lễ lớn
                Sở Văn hóa, Thể thao và Du lịch thực hiện; thời gian: trong năm.
                2- Giới thiệu tiềm năng hợp tác
                a) Sở Ngoại vụ chủ trì tổ chức diễn đàn (Quý III).

                III- TỔ CHỨC THỰC HIỆN
                1- Các cơ quan, đơn vị định kỳ báo cáo 6 tháng (trước 15/6) và năm (trước 15/12).
                """
        ).plan
        #expect(read.tasks.map(\.ref) == ["II.1", "II.2", "II.2.a"])
        #expect(read.tasks.first?.lead == ["Sở Văn hóa, Thể thao và Du lịch"])
        #expect(read.reporting.map(\.beforeDay) == [15, 15])
        #expect(read.reporting.last?.month == .number(12))
        // A range of numbers is not a label.
        #expect(ItemLabel.parse("1- 2 ngày tập huấn") == nil)
        #expect(ItemLabel.parse("1- tuyên truyền") == nil)
    }

    @Test func monthRanges() {
        #expect(TimeframeParser.monthQuarters(in: "tu thang 3 den thang 9/2024") == [1, 2, 3])
        #expect(TimeframeParser.monthQuarters(in: "tu thang 3 den het thang 9") == [1, 2, 3])
        #expect(TimeframeParser.monthQuarters(in: "thang 4 - 5") == [2])
        #expect(TimeframeParser.monthQuarters(in: "thang 3 va thang 9") == [1, 3])
        #expect(TimeframeParser.monthQuarters(in: "thang 6/2024") == [2])
    }
}

@Suite("Extraction: Markdown pipe tables")
struct MarkdownTablesTests {
    static let plan = """
        | ỦY BAN NHÂN DÂN TỈNH LÀO CAI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
        |---|---|
        | | Độc lập - Tự do - Hạnh phúc |
        | Số: 215/KH-UBND | Lào Cai, ngày 12 tháng 4 năm 2024 |

        **KẾ HOẠCH**
        **Thông tin đối ngoại năm 2024**

        **I. NỘI DUNG**
        1. Phát hành ấn phẩm giới thiệu tỉnh
        - Đơn vị chủ trì: Sở Ngoại vụ.

        | STT | Nội dung | Đơn vị |
        |---|---|---|
        | 1 | Ấn phẩm | Sở Ngoại vụ |

        | *Nơi nhận:*<br>- Bộ Ngoại giao;<br>- Lưu: VT. | **TM. ỦY BAN NHÂN DÂN**<br>**KT. CHỦ TỊCH**<br>**PHÓ CHỦ TỊCH**<br><br/>**Hoàng Quốc D** |
        |---|---|
        """

    @Test func twoColumnTablesUnfoldLeftThenRight() {
        let lines = MarkdownTables.unfold(Self.plan).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            Array(lines.prefix(6)) == [
                "ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "Số: 215/KH-UBND", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc", "Lào Cai, ngày 12 tháng 4 năm 2024",
            ])
        // A wider table stays as it was.
        #expect(lines.contains("| 1 | Ấn phẩm | Sở Ngoại vụ |"))
        #expect(MarkdownTables.unfold("Không có bảng.\nDòng hai") == "Không có bảng.\nDòng hai")
    }

    @Test func headerAndSignatureReadFromTables() {
        let plan = PlanReader.read(text: Self.plan).plan
        #expect(plan.number == "215" && plan.symbol == "KH-UBND")
        #expect(plan.place == "Lào Cai" && plan.date == "2024-04-12")
        #expect(plan.signer.name == "Hoàng Quốc D" && plan.signer.position == "PHÓ CHỦ TỊCH")
        #expect(plan.recipients == ["Bộ Ngoại giao", "Lưu: VT"])
        #expect(plan.tasks.map(\.ref) == ["I.1"])
    }
}

@Suite("Extraction: who carries a task out when no one leads it")
struct PerformerTests {
    static func leads(_ body: String) -> [[String]] {
        PlanReader.read(text: "KẾ HOẠCH\nThử nghiệm năm 2025\n\nI. NỘI DUNG\n" + body).plan.tasks.map(\.lead)
    }

    @Test func giaoDoOrASubjectBeforeThucHien() {
        #expect(
            Self.leads(
                """
                1. Quảng bá trên môi trường mạng
                Giao Trung tâm Văn hóa tỉnh thực hiện thường xuyên; các cơ quan báo chí của tỉnh phối hợp.
                2. Cập nhật cơ sở dữ liệu
                Sở Ngoại vụ thực hiện.
                3. Đón đoàn
                Do Sở Ngoại vụ thực hiện, phối hợp với Công an tỉnh.
                """) == [["Trung tâm Văn hóa tỉnh"], ["Sở Ngoại vụ"], ["Sở Ngoại vụ"]])
    }

    @Test func partnersBeforeThucHienAreNotLeads() {
        #expect(
            Self.leads(
                """
                1. Phát hành bản tin
                Sở Ngoại vụ chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch, Báo Lạng Sơn thực hiện.
                2. Tuyên truyền
                Phối hợp với Công an tỉnh thực hiện.
                """) == [["Sở Ngoại vụ"], []])
    }
}
