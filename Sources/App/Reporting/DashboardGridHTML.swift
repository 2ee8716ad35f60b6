/// The reporting grid's rows (`reports/dashboard`), written in Swift: 64 agencies × 12 months are 768
/// cells of six values each, which Leaf would resolve and escape one by one (see `HTMLBuffer`). The markup
/// is the one the template had.
enum DashboardGridHTML {
    static func rows(_ rows: [DashboardPage.Row], rateLabel: String) -> String {
        var out = HTMLBuffer(capacity: rows.count * (rows.first?.cells.count ?? 1) * 160)
        for row in rows {
            out.wrap("\n  <tr>\n    <th scope=\"row\" class=\"agency\">", row.agency, "</th>\n    ")
            for cell in row.cells {
                out.wrap("<td class=\"cell send-", cell.sending, " rev-")
                out.wrap("", cell.review, "\" data-label=\"")
                out.wrap("", cell.period, "\">")
                if let href = cell.href { out.link(href, cell.label) } else { out.text(cell.label) }
                if let review = cell.reviewLabel { out.wrap("<span class=\"review\">", review, "</span>") }
                out.raw("</td>")
            }
            out.wrap("\n    <td class=\"num\" data-label=\"", rateLabel, "\">")
            out.wrap("", "\(row.tally.submitted)/\(row.tally.expected) · \(row.tally.onTimeRate)", "</td>\n  </tr>")
        }
        return out.html
    }
}
