import Foundation
import Testing

@testable import TTDNKit

/// Writes sample files for the Python checks and the LibreOffice screenshot (`scripts/check-exports`):
/// `plan.docx`, `plan.ics` and `tasks.csv` in `$EXPORT_SAMPLES_DIR`, or `.build/export-samples` under
/// the working directory (the package root when run by `swift test`).
@Suite struct ExportSamples {
    static var directory: URL {
        if let dir = ProcessInfo.processInfo.environment["EXPORT_SAMPLES_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir)
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(
            ".build/export-samples")
    }

    @Test func writeSamples() throws {
        let dir = Self.directory
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let official = OfficialPlan(from: ExportFixtures.plan, extras: ExportFixtures.extras)
        try PlanDocxWriter.docx(official, options: ExportFixtures.options).write(
            to: dir.appendingPathComponent("plan.docx"))

        var events: [ICalendar.Event] = []
        var rows: [PlanTaskCSV.Row] = []
        let today = LocalDate(year: 2024, month: 4, day: 1)!
        for task in official.tasks {
            let milestones = task.timeframe.map { Milestones.derive(from: $0, planYear: official.year ?? 2024) } ?? []
            rows.append(
                PlanTaskCSV.Row(
                    task: task, nextMilestone: Milestones.next(milestones, onOrAfter: today)?.due,
                    status: "chưa bắt đầu", progress: 0))
            for m in milestones {
                events.append(
                    ICalendar.Event(
                        uid: ICalendar.uid(plan: "05-KH-SNgV-2024", task: task.ref, milestone: m.key),
                        date: m.due, summary: "\(m.title): \(task.title)",
                        description:
                            "Kế hoạch số 05/KH-SNgV; mục \(task.ref)\nĐơn vị chủ trì: \(task.lead.joined(separator: ", "))",
                        url: "https://ttdn.example/plans/05-2024/tasks/\(task.ref)"))
            }
        }
        let feed = ICalendar(
            name: "Nhiệm vụ của đơn vị: Sở Ngoại vụ", events: events, stamp: ExportFixtures.options.created
        ).render()
        try Data(feed.utf8).write(to: dir.appendingPathComponent("plan.ics"))
        try PlanTaskCSV.data(rows).write(to: dir.appendingPathComponent("tasks.csv"))
        #expect(events.count > 10)
    }
}
