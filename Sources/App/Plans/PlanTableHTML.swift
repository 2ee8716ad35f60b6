/// The plan page's task rows (`plans/_task-table`), written in Swift: a plan of a hundred tasks is a
/// thousand values that Leaf would resolve and escape one by one (see `HTMLBuffer`). The markup is the one
/// the template had, with `plans/_task-text` and `plans/_agency` inlined.
enum PlanTableHTML {
    static func rows(_ rows: [PlanTableRow], labels: PlanShowPage.Labels) -> String {
        var out = HTMLBuffer(capacity: rows.count * 1_500)
        for row in rows {
            out.wrap("\n  <tr id=\"", row.anchor, "\">\n    <td class=\"ref\" data-label=\"")
            out.wrap("", labels.ref, "\">")
            out.wrap("", row.ref, "</td>\n    ")
            out.raw("<td class=\"depth-\(row.depth) title-cell\">")
            out.text(row.title)
            taskText(row, labels: labels, into: &out)
            if let outputs = row.outputs {
                out.raw("<ul class=\"outputs\">")
                for output in outputs { out.wrap("<li>", output, "</li>") }
                out.raw("</ul>")
            }
            outputProgress(row, into: &out)
            if let actions = row.actions {
                out.raw("\n      <span class=\"task-actions\">")
                out.link(row.editHref ?? "", labels.edit)
                out.raw(" ")
                out.link(actions.addHref, labels.addChild)
                for (direction, label) in [("up", actions.upLabel), ("down", actions.downLabel)] {
                    guard let label else { continue }
                    out.wrap(" <button type=\"submit\" class=\"link\" formaction=\"", actions.href, "/move\" ")
                    out.wrap("name=\"direction\" value=\"\(direction):\(actions.version)\" aria-label=\"", label, "\">")
                    out.raw(direction == "up" ? "↑</button>" : "↓</button>")
                }
                out.raw(" ")
                out.link(actions.href + "/remove", labels.remove)
                out.raw("</span>")
            } else if let edit = row.editHref {
                out.raw(" ")
                out.link(edit, labels.edit, class: "edit")
            }
            out.raw("</td>")
            for (label, named) in [(labels.lead, row.lead), (labels.support, row.support)] {
                out.raw("\n    ")
                out.cell(label: label)
                if named.isEmpty { out.raw("<span class=\"muted\">—</span>") }
                for (k, agency) in named.enumerated() {
                    if k > 0 { out.raw(";<br>") }
                    self.agency(agency, labels: labels, into: &out)
                }
                out.raw("</td>")
            }
            out.raw("\n    ")
            out.cell(label: labels.timeframe)
            if let timeframe = row.timeframe {
                out.text(timeframe)
                out.wrap("<br><span class=\"tag\">", row.timeframeKind ?? "", "</span>")
            } else {
                out.raw("<span class=\"muted\">—</span>")
            }
            out.raw("</td>\n    ")
            out.cell(label: labels.milestone)
            milestone(row, into: &out)
            out.raw("</td>\n    ")
            out.cell(label: labels.status)
            status(row, into: &out)
            out.wrap("</td>\n    <td class=\"num\" data-label=\"", labels.progress, "\">")
            progress(row, labels: labels, into: &out)
            out.raw("</td>\n  </tr>")
        }
        return out.html
    }

    /// What the task's linked work adds up to (`OutputProgress`), under its title.
    static func outputProgress(_ row: PlanTableRow, into out: inout HTMLBuffer) {
        guard let progress = row.outputProgress, let state = row.outputState else { return }
        out.raw("<p class=\"output-progress\">")
        if let label = row.outputStateLabel { out.wrap("<span class=\"chip output-\(state)\">", label, "</span> ") }
        out.wrap("", progress, "</p>")
    }

    /// The next milestone's date and what is due then, or a dash.
    static func milestone(_ row: PlanTableRow, into out: inout HTMLBuffer) {
        guard let milestone = row.milestone else {
            out.raw("<span class=\"muted\">—</span>")
            return
        }
        out.text(milestone.date)
        if let label = milestone.label { out.wrap(" <span class=\"muted\">", label, "</span>") }
    }

    static func status(_ row: PlanTableRow, into out: inout HTMLBuffer) {
        out.wrap("<span class=\"tag status-", row.status, "\">")
        out.wrap("", row.statusLabel, "</span>")
    }

    static func progress(_ row: PlanTableRow, labels: PlanShowPage.Labels, into out: inout HTMLBuffer) {
        out.wrap("<progress max=\"100\" value=\"\(row.progress)\" aria-label=\"", labels.progress, "\"></progress>")
        out.raw(" \(row.progress)%")
    }

    /// `plans/_task-text`: the start of what the task asks, the whole behind "xem thêm".
    static func taskText(_ row: PlanTableRow, labels: PlanShowPage.Labels, into out: inout HTMLBuffer) {
        guard let start = row.textStart else { return }
        guard let whole = row.textWhole else {
            out.wrap("<p class=\"task-text\">", start, "</p>")
            return
        }
        out.wrap("<details class=\"task-text\"><summary><span class=\"start\">", start, "</span> ")
        out.wrap("<span class=\"more\">", labels.more, "</span>")
        out.wrap("<span class=\"less\">", labels.less, "</span></summary>")
        for paragraph in whole { out.wrap("<p>", paragraph, "</p>") }
        out.raw("</details>")
    }

    /// `plans/_agency`: the directory's name linked, the document's wording when it differs.
    static func agency(_ agency: PlanAgencyNames.Named, labels: PlanShowPage.Labels, into out: inout HTMLBuffer) {
        if agency.unresolved {
            out.wrap("<mark class=\"unresolved\" title=\"", labels.unresolvedHint, "\">")
            out.wrap("", agency.name, "</mark>")
            return
        }
        out.link(agency.href ?? "", agency.name)
        if let wording = agency.wording {
            out.wrap(" <span class=\"wording\">(", labels.wording, " ")
            out.wrap("", wording, ")</span>")
        }
    }
}
