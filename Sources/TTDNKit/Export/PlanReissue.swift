import Foundation

/// "Reissue for year Y": next year's plan starts as a copy of this one (issue 11). The copy moves the year on
/// — in the title, the plan's year and every timeframe that names it — and clears what only the issued
/// document has: its number, its date and the signer's name. Everything else (tasks with their text,
/// agencies, Tổ chức thực hiện, reporting duties) stays for the office to edit.
public enum PlanReissue {
    public static func reissue(_ plan: PlanDocument, to year: Int) -> PlanDocument {
        var out = plan
        out.number = nil
        out.date = nil
        out.signer.name = nil
        out.year = year
        guard let old = plan.year, old != year else { return out }
        out.title = moveYear(in: plan.title, from: old, to: year)
        out.tasks = plan.tasks.map { task in
            var task = task
            if var timeframe = task.timeframe {
                if timeframe.year == old { timeframe.year = year }
                timeframe.text = moveYear(in: timeframe.text, from: old, to: year)
                task.timeframe = timeframe
            }
            return task
        }
        return out
    }

    /// `old` as a whole number (not inside `12026` or `2026/QĐ`'s neighbours' digits) becomes `new`.
    static func moveYear(in text: String, from old: Int, to new: Int) -> String {
        let target = Array(String(old))
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            let fits = i + target.count <= chars.count && Array(chars[i..<(i + target.count)]) == target
            let before = i > 0 ? chars[i - 1] : " "
            let after = i + target.count < chars.count ? chars[i + target.count] : " "
            if fits, !before.isNumber, !after.isNumber {
                out += String(new)
                i += target.count
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return out
    }
}
