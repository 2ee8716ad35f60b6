/// The rows of "Nhiệm vụ của đơn vị" (`plans/my-tasks`), written in Swift like the plan page's
/// (`PlanTableHTML`). On a phone the table becomes cards, each cell named by its column (`data-label`).
enum MyTasksHTML {
    /// The column names this table adds to the plan table's.
    struct Columns {
        let role, task, plan: String
    }

    static func rows(_ rows: [PlanTableRow], columns: Columns, labels: PlanShowPage.Labels) -> String {
        var out = HTMLBuffer(capacity: rows.count * 1_200)
        for row in rows {
            out.raw("\n  <tr>\n    ")
            out.cell(label: columns.role)
            out.wrap("<span class=\"tag role\">", row.role ?? "", "</span>")
            if let via = row.via { out.wrap("<br><span class=\"muted\">", via, "</span>") }
            out.raw("</td>\n    ")
            out.cell(label: columns.task)
            out.wrap("<span class=\"ref\">", row.ref, "</span> ")
            out.link(row.planHref ?? "", row.title)
            PlanTableHTML.taskText(row, labels: labels, into: &out)
            PlanTableHTML.outputProgress(row, into: &out)
            out.raw("</td>\n    ")
            out.cell(label: columns.plan)
            out.text(row.planTitle ?? "")
            out.raw("</td>\n    ")
            out.cell(label: labels.timeframe)
            if let timeframe = row.timeframe { out.text(timeframe) } else { out.raw("<span class=\"muted\">—</span>") }
            out.raw("</td>\n    ")
            out.cell(label: labels.milestone)
            PlanTableHTML.milestone(row, into: &out)
            out.raw("</td>\n    ")
            out.cell(label: labels.status)
            PlanTableHTML.status(row, into: &out)
            out.raw("</td>\n    <td class=\"num\" data-label=\"")
            out.text(labels.progress)
            out.raw("\">")
            PlanTableHTML.progress(row, labels: labels, into: &out)
            out.raw("</td>\n  </tr>")
        }
        return out.html
    }
}
