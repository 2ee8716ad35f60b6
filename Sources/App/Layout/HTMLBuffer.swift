/// HTML written in Swift for the few tables that repeat a row hundreds of times (a plan's tasks, the
/// reporting grid, an agency's tasks). Leaf resolves and escapes every `#(…)` one at a time, which was half
/// the time of those pages at ten years' scale; their rows are written here instead and handed to the
/// template whole (`#unsafeHTML`). Text goes through `text(_:)`, which escapes exactly as Leaf does
/// (`& " ' < >`), so the page reads the same whichever wrote it; only markup this code spells out goes
/// through `raw(_:)`.
struct HTMLBuffer {
    private(set) var html = ""

    init(capacity: Int = 0) { html.reserveCapacity(capacity) }

    /// Markup, as written.
    mutating func raw(_ markup: String) { html += markup }

    /// Text (or an attribute's value), escaped.
    mutating func text(_ value: String) {
        // Most text has nothing to escape: append it whole.
        guard value.utf8.contains(where: { $0 == 0x26 || $0 == 0x22 || $0 == 0x27 || $0 == 0x3C || $0 == 0x3E })
        else {
            html += value
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": html += "&amp;"
            case "\"": html += "&quot;"
            case "'": html += "&#39;"
            case "<": html += "&lt;"
            case ">": html += "&gt;"
            default: html.unicodeScalars.append(scalar)
            }
        }
    }

    /// Text between two pieces of markup: `wrap("<li>", name, "</li>")`.
    mutating func wrap(_ open: String, _ value: String, _ close: String) {
        raw(open)
        text(value)
        raw(close)
    }

    /// `<a href="…">text</a>`.
    mutating func link(_ href: String, _ value: String, class name: String? = nil) {
        raw(name.map { "<a class=\"\($0)\" href=\"" } ?? "<a href=\"")
        text(href)
        raw("\">")
        text(value)
        raw("</a>")
    }

    /// Opens a table cell named by its column (`data-label`), for the cards a table becomes on a phone.
    mutating func cell(label: String) { wrap("<td data-label=\"", label, "\">") }
}
