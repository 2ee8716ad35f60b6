/// The reporting grid's rows (`reports/dashboard`), written in Swift: 64 agencies × 12 months are 768
/// cells of six values each, which Leaf would resolve and escape one by one (see `HTMLBuffer`). The markup
/// is the one the template had.
enum DashboardGridHTML {
    static func rows(_ rows: [DashboardPage.Row], rateLabel: String) -> String {
        var out = HTMLBuffer(capacity: rows.count * (rows.first?.cells.count ?? 1) * 160)
        for row in rows {
            out.raw("\n  <tr>\n    <th scope=\"row\" class=\"agency\">")
            out.text(row.agency)
            out.raw("</th>\n    ")
            for cell in row.cells {
                out.raw("<td class=\"cell send-")
                out.text(cell.sending)
                out.raw(" rev-")
                out.text(cell.review)
                out.raw("\" data-label=\"")
                out.text(cell.period)
                out.raw("\">")
                if let href = cell.href {
                    out.raw("<a href=\"")
                    out.text(href)
                    out.raw("\">")
                    out.text(cell.label)
                    out.raw("</a>")
                } else {
                    out.text(cell.label)
                }
                if let review = cell.reviewLabel {
                    out.raw("<span class=\"review\">")
                    out.text(review)
                    out.raw("</span>")
                }
                out.raw("</td>")
            }
            out.raw("\n    <td class=\"num\" data-label=\"")
            out.text(rateLabel)
            out.raw("\">")
            out.text("\(row.tally.submitted)/\(row.tally.expected) · \(row.tally.onTimeRate)")
            out.raw("</td>\n  </tr>")
        }
        return out.html
    }
}
