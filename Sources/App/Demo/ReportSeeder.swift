import Fluent
import Foundation
import TTDNKit

/// Reporting data for the demo and the benchmark: submissions for the obligations already due (a fixed
/// pattern: most accepted on time, some late, some returned, some missing), and a synthetic plan of any
/// size (agencies, tasks with leads, a monthly regime).
struct ReportSeeder {
    let db: any Database
    let audit: AuditContext

    /// Fills the obligations of `planID` that are due by `today`. Deterministic: the pattern follows each
    /// obligation's agency and period, so two runs on two databases look alike.
    @discardableResult
    func fill(planID: UUID, today: LocalDate) async throws -> Int {
        let regimes = try await RegimeRecord.query(on: db).filter(\.$plan.$id == planID).all().compactMap(\.id)
        guard !regimes.isEmpty else { return 0 }
        let names = try await PlanAgencyNames.load(on: db, today: today)
        // In period order, then by agency name (not by id, which differs from one database to the next).
        let obligations = try await Obligation.query(on: db).filter(\.$regime.$id ~~ regimes).all().sorted {
            ($0.periodKey, names.agencies[$0.$agency.id]?.sortKey ?? "")
                < ($1.periodKey, names.agencies[$1.$agency.id]?.sortKey ?? "")
        }
        let written = try await ObligationService.submittedObligationIDs(obligations.compactMap(\.id), on: db)
        return try await db.transaction { tx in
            var count = 0
            // An agency's tasks are the same for every period.
            var tasksByAgency: [UUID: [ReportTasks]] = [:]
            for (k, o) in obligations.enumerated() where !written.contains(o.id!) {
                guard let due = o.due, due <= today else { continue }
                let pick = k % 20
                if pick >= 17 { continue }  // 15%: missing
                let tasks: [ReportTasks]
                if let known = tasksByAgency[o.$agency.id] {
                    tasks = known
                } else {
                    tasks = try await ReportTasks.load(agencyID: o.$agency.id, planID: planID, names: names, on: tx)
                    tasksByAgency[o.$agency.id] = tasks
                }
                var content = ReportContent()
                for (j, task) in tasks.enumerated() {
                    var entry = ReportContent.Entry()
                    entry.progress = min(100, 25 * (1 + (k + j) % 4))
                    entry.status =
                        entry.progress == 100 ? PlanTask.Status.completed.rawValue : PlanTask.Status.inProgress.rawValue
                    entry.done =
                        "Triển khai \(task.title.prefix(60).lowercased()) theo kế hoạch; kết quả kỳ \(o.periodLabel)."
                    if j == 0 && k % 3 == 0 { entry.difficulties = "Kinh phí bố trí chậm." }
                    if j == 0 && k % 5 == 0 {
                        entry.proposals = "Đề nghị bổ sung kinh phí cho hoạt động thông tin đối ngoại."
                    }
                    for indicator in task.indicators { entry.values[indicator.id.uuidString] = Double(1 + (k + j) % 5) }
                    content.tasks[task.id.uuidString] = entry
                }
                content.summary = "Đơn vị đã triển khai các nhiệm vụ được giao trong kỳ."
                let late = pick >= 14
                let sentDay = late ? due.addingDays(3) : due.addingDays(-2)
                let sent = sentDay.startOfDay().addingTimeInterval(10 * 3600)
                let row = Submission(obligationID: o.id!)
                row.version = 1
                row.report = content
                row.firstSubmittedAt = sent
                row.lastSubmittedAt = sent
                if pick == 12 || pick == 13 {
                    row.state = Submission.State.returned.rawValue
                    row.returnedAt = sent.addingTimeInterval(86_400)
                    row.reviewComment = "Đề nghị bổ sung số liệu cụ thể."
                } else if pick < 12 || late {
                    row.state = Submission.State.accepted.rawValue
                    row.acceptedAt = sent.addingTimeInterval(2 * 86_400)
                } else {
                    row.state = Submission.State.submitted.rawValue
                }
                try await row.auditedCreate(on: tx, by: audit)
                count += 1
            }
            return count
        }
    }

    /// A plan of `tasks` tasks for `agencies` new agencies (each leads some tasks, supports others) with a
    /// monthly regime for `year`; returns the plan and the regime.
    /// `directory`: the directory's agencies in force instead of new ones (years of plans over one directory,
    /// as a province has them).
    func syntheticPlan(agencies: Int, tasks: Int, year: Int, directory: [UUID]? = nil, regime: Bool = true)
        async throws -> (plan: UUID, regime: UUID?)
    {
        try await db.transaction { tx in
            var ids: [UUID] = directory ?? []
            for k in 1...agencies where directory == nil {
                let agency = Agency(
                    code: "bench-\(year)-\(k)", officialName: "Đơn vị thử nghiệm \(k)", kind: .department)
                agency.refreshKeys()
                try await agency.auditedCreate(on: tx, by: audit)
                ids.append(agency.id!)
            }
            let plan = Plan()
            plan.kind = "KẾ HOẠCH"
            plan.number = "99"
            plan.symbol = "KH-UBND"
            plan.place = "Lạng Sơn"
            plan.documentDate = "\(year)-01-10"
            plan.title = "Thực hiện công tác thông tin đối ngoại năm \(year) (dữ liệu thử nghiệm)"
            plan.year = year
            plan.purposes = ""
            plan.budget = ""
            plan.status = Plan.Status.issued.rawValue
            plan.signerName = "Nguyễn Văn A"
            plan.signerPosition = "PHÓ CHỦ TỊCH"
            plan.signerAuthority = "KT. CHỦ TỊCH"
            plan.recipients = []
            plan.version = 1
            plan.searchKey = ""
            plan.refreshKeys()
            try await plan.auditedCreate(on: tx, by: audit)
            let planID = plan.id!
            for t in 0..<tasks {
                let task = PlanTask(
                    planID: planID, parentID: nil, ref: "II.\(t + 1)", position: t,
                    title: "Nhiệm vụ thử nghiệm số \(t + 1)",
                    timeframe: Timeframe(text: "Thường xuyên", kind: .ongoing))
                try await task.auditedCreate(on: tx, by: audit)
                let lead = ids[t % ids.count]
                let support = ids[(t * 7 + 3) % ids.count]
                try await TaskAgency(
                    taskID: task.id!, role: .lead, position: 0, wording: "Đơn vị \(t % ids.count + 1)", agencyID: lead,
                    groupID: nil
                )
                .auditedCreate(on: tx, by: audit)
                if support != lead {
                    try await TaskAgency(
                        taskID: task.id!, role: .support, position: 1, wording: "Đơn vị", agencyID: support,
                        groupID: nil
                    )
                    .auditedCreate(on: tx, by: audit)
                }
            }
            guard regime else { return (planID, nil) }
            var definition = ReportingRegime(
                name: "Báo cáo hằng tháng", frequency: .monthly, due: .beforeDayOfLastMonth(20))
            definition.planID = planID
            let record = RegimeRecord(planID: planID, year: year, position: 0, regime: definition)
            try await record.auditedCreate(on: tx, by: audit)
            try await ObligationService.sync(planID: planID, on: tx, by: audit)
            return (planID, record.id!)
        }
    }
}
