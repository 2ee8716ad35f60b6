import Foundation
import Testing

@testable import TTDNKit

@Suite struct PlanTaskCSVTests {
    @Test func bomHeaderQuotingAndJoinedAgencies() throws {
        let task = ExportFixtures.plan.tasks[1]
        let row = PlanTaskCSV.Row(
            task: task, nextMilestone: LocalDate(year: 2024, month: 3, day: 31), status: "đang thực hiện", progress: 40)
        let data = PlanTaskCSV.data([row])
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data, as: UTF8.self)
        #expect(
            text.hasPrefix(
                "\u{FEFF}Mục,Nội dung,Đơn vị chủ trì,Đơn vị phối hợp,Thời gian thực hiện,Loại thời gian,Mốc tiếp theo,Trạng thái,Tiến độ (%)\r\n"
            ))
        #expect(
            text.contains(
                "II.2,Cập nhật Trang thông tin đối ngoại của tỉnh,Sở Ngoại vụ,\"Sở Văn hóa, Thể thao và Du lịch; Báo Lạng Sơn\",Thường xuyên,ongoing,2024-03-31,đang thực hiện,40\r\n"
            ))
        // What we write, the project's own RFC 4180 reader reads back.
        let parsed = CSVTable.parse(text)
        #expect(parsed.errors.isEmpty)
        #expect(parsed.records[1].fields[3] == "Sở Văn hóa, Thể thao và Du lịch; Báo Lạng Sơn")
    }

    @Test func quotesAndLineBreaksInsideFields() {
        let row = PlanTaskCSV.Row(ref: "II.9", title: "Tọa đàm \"Hữu nghị\"\nlần 2", status: "", progress: nil)
        let text = PlanTaskCSV.text([row], header: PlanTaskCSV.keyHeader)
        #expect(
            text
                == "ref,title,lead,support,timeframe,timeframe_kind,next_milestone,status,progress\r\nII.9,\"Tọa đàm \"\"Hữu nghị\"\"\nlần 2\",,,,,,,\r\n"
        )
    }

    @Test func dateRangeRowsSayDateRange() {
        let range = DateRange(
            from: LocalDate(year: 2024, month: 3, day: 1)!, to: LocalDate(year: 2024, month: 6, day: 30)!)!
        let row = PlanTaskCSV.Row(task: OfficialPlan.Task(ref: "II.1", title: "X", dateRange: range))
        #expect(row.timeframeKind == "date-range")
        #expect(row.timeframeText == "Từ ngày 01/3/2024 đến ngày 30/6/2024")
    }
}

@Suite struct MilestoneTests {
    static func d(_ m: Int, _ day: Int, _ y: Int = 2024) -> LocalDate { LocalDate(year: y, month: m, day: day)! }

    @Test func quartersEndOnTheQuartersLastDay() {
        let m = Milestones.derive(
            from: Timeframe(text: "Quý II, III năm 2025", kind: .quarters, quarters: [3, 2], year: 2025), planYear: 2024
        )
        #expect(m.map(\.due) == [Self.d(6, 30, 2025), Self.d(9, 30, 2025)])
        #expect(m.map(\.key) == ["q2-2025", "q3-2025"])
        #expect(m.first?.title == "Hết Quý II/2025")
        // Without a year, the plan's.
        #expect(
            Milestones.derive(from: Timeframe(text: "Quý I", kind: .quarters, quarters: [1]), planYear: 2024).map(\.due)
                == [Self.d(3, 31)])
    }

    @Test func recurringEveryQuarterFourTimes() {
        let m = Milestones.derive(
            from: Timeframe(text: "phát hành 04 số (01 số/quý)", kind: .recurring, every: .quarter, count: 4),
            planYear: 2024)
        #expect(m.map(\.due) == [Self.d(3, 31), Self.d(6, 30), Self.d(9, 30), Self.d(12, 31)])
        #expect(m.map(\.target) == [1, 2, 3, 4])
        #expect(m[2].title == "Lần 3/4 (Quý III/2024)")
        #expect(Set(m.map(\.key)).count == 4)
    }

    @Test func recurringCountIsHonoured() {
        let monthly = Milestones.derive(
            from: Timeframe(text: "Hằng tháng", kind: .recurring, every: .month), planYear: 2024)
        #expect(monthly.count == 12)
        #expect(monthly[1].due == Self.d(2, 29))  // leap year
        let six = Milestones.derive(
            from: Timeframe(text: "06 lần (01 lần/tháng)", kind: .recurring, every: .month, count: 6), planYear: 2023)
        #expect(six.map(\.due.month) == [2, 4, 6, 8, 10, 12])
        #expect(six.last?.due == Self.d(12, 31, 2023))
        let two = Milestones.derive(
            from: Timeframe(text: "02 lần", kind: .recurring, every: .quarter, count: 2), planYear: 2024)
        #expect(two.map(\.due) == [Self.d(6, 30), Self.d(12, 31)])
        let eight = Milestones.derive(
            from: Timeframe(text: "08 số (02 số/quý)", kind: .recurring, every: .quarter, count: 8), planYear: 2024)
        #expect(eight.map(\.target) == [2, 4, 6, 8])
        let weekly = Milestones.derive(
            from: Timeframe(text: "Hằng tuần", kind: .recurring, every: .week), planYear: 2024)
        #expect(weekly.count == 52)
        #expect(weekly.allSatisfy { $0.due.isoWeekday == 7 })
    }

    @Test func yearOngoingExternalAndRange() {
        #expect(
            Milestones.derive(from: Timeframe(text: "Trong năm", kind: .year), planYear: 2024).map(\.due) == [
                Self.d(12, 31)
            ])
        #expect(Milestones.derive(from: Timeframe(text: "Thường xuyên", kind: .ongoing), planYear: 2024).isEmpty)
        var options = Milestones.Options()
        options.ongoing = .quarterlyCheckpoints
        let checks = Milestones.derive(
            from: Timeframe(text: "Thường xuyên", kind: .ongoing), planYear: 2024, options: options)
        #expect(checks.map(\.kind) == Array(repeating: .checkpoint, count: 4))
        #expect(
            Milestones.derive(from: Timeframe(text: "Theo kế hoạch của tỉnh", kind: .external), planYear: 2024).isEmpty)
        let range = DateRange.parse("từ 01/3 đến 30/6", defaultYear: 2024)!
        #expect(range.from == Self.d(3, 1))
        #expect(Milestones.derive(from: range).map(\.due) == [Self.d(6, 30)])
        #expect(DateRange.parse("từ ngày 1/3 đến ngày 30/6/2025", defaultYear: 2024)?.from == Self.d(3, 1, 2025))
        #expect(DateRange.parse("từ 30/6 đến 01/3", defaultYear: 2024) == nil)
        let all = Milestones.derive(
            from: Timeframe(text: "x", kind: .recurring, every: .quarter, count: 4), planYear: 2024)
        #expect(Milestones.next(all, onOrAfter: Self.d(4, 1))?.due == Self.d(6, 30))
    }
}

@Suite struct ExpectedOutputTests {
    @Test func targetsWithTheirUnits() {
        #expect(ExpectedOutput.parse("phát hành 04 số (01 số/quý)") == [ExpectedOutput(count: 4, unit: "số")])
        #expect(
            ExpectedOutput.parse("Tổ chức 02 lớp tập huấn cho cán bộ cấp xã") == [
                ExpectedOutput(count: 2, unit: "lớp tập huấn")
            ])
        #expect(
            ExpectedOutput.parse("Đăng tải 100 tin, bài về hoạt động đối ngoại") == [
                ExpectedOutput(count: 100, unit: "tin, bài")
            ])
        #expect(
            ExpectedOutput.parse("sản xuất 1.000 cuốn sách ảnh và 05 phóng sự")
                == [ExpectedOutput(count: 1000, unit: "cuốn sách ảnh"), ExpectedOutput(count: 5, unit: "phóng sự")])
    }

    @Test func numbersThatAreNotTargets() {
        #expect(ExpectedOutput.parse("Quý II năm 2024").isEmpty)
        #expect(ExpectedOutput.parse("theo Nghị định số 72/2015/NĐ-CP ngày 07/9/2015").isEmpty)
        #expect(ExpectedOutput.parse("trước ngày 15 hằng tháng").isEmpty)
        #expect(ExpectedOutput.parse("tăng 1.5 lần, đạt 30%").isEmpty)
    }
}

@Suite struct ICalendarTests {
    static let stamp = Date(timeIntervalSince1970: 1_706_745_600)  // 2024-02-01 00:00 UTC

    @Test func shapeOfTheFeed() {
        let uid = ICalendar.uid(plan: "kh-05/2024", task: "II.3.1", milestone: "q2-2024")
        #expect(uid == "kh-05_2024-II.3.1-q2-2024@ttdn")
        let feed = ICalendar(
            name: "Nhiệm vụ: Sở Ngoại vụ",
            events: [
                ICalendar.Event(
                    uid: uid, date: LocalDate(year: 2024, month: 6, day: 30)!,
                    summary: "Hết Quý II/2024: Mở lớp tập huấn",
                    description: "Kế hoạch 05/KH-SNgV", url: "https://ttdn.example/plans/1#II.3.1")
            ], stamp: Self.stamp
        ).render()
        #expect(feed.hasPrefix("BEGIN:VCALENDAR\r\nPRODID:"))
        #expect(feed.hasSuffix("END:VCALENDAR\r\n"))
        #expect(feed.contains("\r\nVERSION:2.0\r\nCALSCALE:GREGORIAN\r\n"))
        #expect(feed.contains("\r\nX-WR-CALNAME:Nhiệm vụ: Sở Ngoại vụ\r\n"))
        #expect(feed.contains("\r\nDTSTART;VALUE=DATE:20240630\r\nDTEND;VALUE=DATE:20240701\r\n"))
        #expect(feed.contains("\r\nDTSTAMP:20240201T000000Z\r\n"))
        #expect(feed.contains("\r\nUID:\(uid)\r\n"))
        #expect(feed.contains("\r\nURL:https://ttdn.example/plans/1#II.3.1\r\n"))
        // No bare LF anywhere.
        #expect(!feed.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func escaping() {
        #expect(ICalendar.escape("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf")
    }

    @Test func foldingAt75OctetsOnCharacterBoundaries() {
        let line = "SUMMARY:" + String(repeating: "Đơn vị phối hợp ", count: 12)
        let folded = ICalendar.fold(line)
        let physical = folded.components(separatedBy: "\r\n")
        #expect(physical.count > 1)
        for (k, l) in physical.enumerated() {
            #expect(l.utf8.count <= 75)
            if k > 0 { #expect(l.hasPrefix(" ")) }
        }
        // Unfolding gives the line back exactly (no split inside a UTF-8 sequence).
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
        #expect(ICalendar.fold("SHORT:x") == "SHORT:x")
    }
}
