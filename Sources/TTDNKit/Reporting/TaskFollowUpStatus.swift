/// The four task categories of the Văn phòng Chính phủ follow-up system (QĐ 42/2014/QĐ-TTg, as amended by
/// 23/2018/QĐ-TTg; Báo cáo 1270/BC-TCTTTg): done on time, done late, not done and within the deadline,
/// not done and overdue.
public enum TaskFollowUpStatus: String, Codable, Sendable, CaseIterable {
    case completedOnTime = "completed-on-time"
    case completedLate = "completed-late"
    case inProgressWithinDeadline = "in-progress-within-deadline"
    case inProgressOverdue = "in-progress-overdue"

    /// The category of a task with `deadline` (the last day allowed), finished on `completedOn` (nil if
    /// not finished), seen on `today`. A task without a deadline ("thường xuyên", ongoing) is never late.
    public static func of(deadline: LocalDate?, completedOn: LocalDate?, today: LocalDate) -> TaskFollowUpStatus {
        if let completedOn {
            guard let deadline else { return .completedOnTime }
            return completedOn <= deadline ? .completedOnTime : .completedLate
        }
        guard let deadline else { return .inProgressWithinDeadline }
        return today <= deadline ? .inProgressWithinDeadline : .inProgressOverdue
    }
}
