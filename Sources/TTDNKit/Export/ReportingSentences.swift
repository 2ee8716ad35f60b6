import Foundation

/// A reporting duty written as the sentence a plan would print, one duty per sentence, worded so the
/// reader's reporting rules (a period word, `trước ngày …`, `về` + the recipient) find it again.
public enum ReportingSentences {
    public static func sentence(_ duty: ReportingDuty, subject: String = "Các cơ quan, đơn vị") -> String {
        let to = duty.to.map { " về \($0)" } ?? ""
        var deadline = duty.beforeDay.map { " trước ngày \(String(format: "%02d", $0))" } ?? ""
        let period: String
        switch duty.frequency {
        case .monthly:
            period = "hằng tháng"
        case .quarterly:
            period = "hằng quý"
            if !deadline.isEmpty, duty.month == .lastOfQuarter { deadline += " của tháng cuối quý" }
        case .halfYearly:
            period = "6 tháng"
        case .yearly:
            period = "hằng năm"
            // `trước ngày 15/11 hằng năm`, as plans write it: the date never ends the sentence, where a
            // reader could take its full stop for part of the month.
            if let b = duty.beforeDay, case .number(let m)? = duty.month {
                deadline = " trước ngày \(String(format: "%02d", b))/\(m) hằng năm"
            }
        case .adHoc:
            return "\(subject) báo cáo đột xuất\(to) khi có yêu cầu."
        }
        return "\(subject) báo cáo kết quả thực hiện \(period)\(to)\(deadline)."
    }
}

/// How a list of agencies is printed on a `- Đơn vị chủ trì: …` line.
enum AgencyListText {
    /// Officials separate names with commas; a name that holds a comma itself (`Sở Văn hóa, Thể thao và
    /// Du lịch`) or does not start like an agency name would be cut or merged by a reader there, so such a
    /// list is separated with semicolons, which no name contains.
    static func join(_ names: [String]) -> String {
        let cleaned = names.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let ambiguous = cleaned.enumerated().contains { index, name in
            name.contains(",") || name.contains(";")
                || (index > 0 && !AgencyLexicon.startsName(Words.split(name), at: 0))
        }
        return cleaned.joined(separator: ambiguous ? "; " : ", ")
    }
}
