/// The plan page's task rows (`plans/_task-table`), written in Swift: a plan of a hundred tasks is a
/// thousand values that Leaf would resolve and escape one by one (see `HTMLBuffer`). The markup is the one
/// the template had, with `plans/_task-text` and `plans/_agency` inlined.
enum PlanTableHTML {
    static func rows(_ rows: [PlanTableRow], labels: PlanShowPage.Labels) -> String {
        var out = HTMLBuffer(capacity: rows.count * 1_500)
        for row in rows {
            out.raw("\n  <tr id=\"")
            out.text(row.anchor)
            out.raw("\">\n    <td class=\"ref\" data-label=\"")
            out.text(labels.ref)
            out.raw("\">")
            out.text(row.ref)
            out.raw("</td>\n    <td class=\"depth-\(row.depth) title-cell\">")
            out.text(row.title)
            taskText(row, labels: labels, into: &out)
            if let outputs = row.outputs {
                out.raw("<ul class=\"outputs\">")
                for output in outputs {
                    out.raw("<li>")
                    out.text(output)
                    out.raw("</li>")
                }
                out.raw("</ul>")
            }
            if let actions = row.actions {
                out.raw("\n      <span class=\"task-actions\"><a href=\"")
                out.text(row.editHref ?? "")
                out.raw("\">")
                out.text(labels.edit)
                out.raw("</a> <a href=\"")
                out.text(actions.addHref)
                out.raw("\">")
                out.text(labels.addChild)
                out.raw("</a>")
                for (direction, label) in [("up", actions.upLabel), ("down", actions.downLabel)] {
                    guard let label else { continue }
                    out.raw(" <button type=\"submit\" class=\"link\" formaction=\"")
                    out.text(actions.href)
                    out.raw("/move\" name=\"direction\" value=\"\(direction):\(actions.version)\" aria-label=\"")
                    out.text(label)
                    out.raw(direction == "up" ? "\">↑</button>" : "\">↓</button>")
                }
                out.raw(" <a href=\"")
                out.text(actions.href)
                out.raw("/remove\">")
                out.text(labels.remove)
                out.raw("</a></span>")
            } else if let edit = row.editHref {
                out.raw(" <a class=\"edit\" href=\"")
                out.text(edit)
                out.raw("\">")
                out.text(labels.edit)
                out.raw("</a>")
            }
            out.raw("</td>")
            for (label, named) in [(labels.lead, row.lead), (labels.support, row.support)] {
                out.raw("\n    <td data-label=\"")
                out.text(label)
                out.raw("\">")
                if named.isEmpty { out.raw("<span class=\"muted\">—</span>") }
                for (k, agency) in named.enumerated() {
                    if k > 0 { out.raw(";<br>") }
                    self.agency(agency, labels: labels, into: &out)
                }
                out.raw("</td>")
            }
            out.raw("\n    <td data-label=\"")
            out.text(labels.timeframe)
            out.raw("\">")
            if let timeframe = row.timeframe {
                out.text(timeframe)
                out.raw("<br><span class=\"tag\">")
                out.text(row.timeframeKind ?? "")
                out.raw("</span>")
            } else {
                out.raw("<span class=\"muted\">—</span>")
            }
            out.raw("</td>\n    <td data-label=\"")
            out.text(labels.milestone)
            out.raw("\">")
            if let milestone = row.milestone {
                out.text(milestone.date)
                if let label = milestone.label {
                    out.raw(" <span class=\"muted\">")
                    out.text(label)
                    out.raw("</span>")
                }
            } else {
                out.raw("<span class=\"muted\">—</span>")
            }
            out.raw("</td>\n    <td data-label=\"")
            out.text(labels.status)
            out.raw("\"><span class=\"tag status-")
            out.text(row.status)
            out.raw("\">")
            out.text(row.statusLabel)
            out.raw("</span></td>\n    <td class=\"num\" data-label=\"")
            out.text(labels.progress)
            out.raw("\"><progress max=\"100\" value=\"\(row.progress)\" aria-label=\"")
            out.text(labels.progress)
            out.raw("\"></progress> \(row.progress)%</td>\n  </tr>")
        }
        return out.html
    }

    /// `plans/_task-text`: the start of what the task asks, the whole behind "xem thêm".
    static func taskText(_ row: PlanTableRow, labels: PlanShowPage.Labels, into out: inout HTMLBuffer) {
        guard let start = row.textStart else { return }
        guard let whole = row.textWhole else {
            out.raw("<p class=\"task-text\">")
            out.text(start)
            out.raw("</p>")
            return
        }
        out.raw("<details class=\"task-text\"><summary><span class=\"start\">")
        out.text(start)
        out.raw("</span> <span class=\"more\">")
        out.text(labels.more)
        out.raw("</span><span class=\"less\">")
        out.text(labels.less)
        out.raw("</span></summary>")
        for paragraph in whole {
            out.raw("<p>")
            out.text(paragraph)
            out.raw("</p>")
        }
        out.raw("</details>")
    }

    /// `plans/_agency`: the directory's name linked, the document's wording when it differs.
    static func agency(_ agency: PlanAgencyNames.Named, labels: PlanShowPage.Labels, into out: inout HTMLBuffer) {
        if agency.unresolved {
            out.raw("<mark class=\"unresolved\" title=\"")
            out.text(labels.unresolvedHint)
            out.raw("\">")
            out.text(agency.name)
            out.raw("</mark>")
            return
        }
        out.raw("<a href=\"")
        out.text(agency.href ?? "")
        out.raw("\">")
        out.text(agency.name)
        out.raw("</a>")
        if let wording = agency.wording {
            out.raw(" <span class=\"wording\">(")
            out.text(labels.wording)
            out.raw(" ")
            out.text(wording)
            out.raw(")</span>")
        }
    }
}
