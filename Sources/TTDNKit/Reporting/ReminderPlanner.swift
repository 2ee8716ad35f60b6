import Foundation

/// Which reminders are due on a day: for each obligation not yet sent (open, overdue or returned), the
/// regime's schedule dates that fall on `today`. Each reminder has a stable key, so whoever sends it (an app
/// instance's scheduler, `ttdn remind` from cron) can claim it once and nobody sends it twice.
public enum ReminderPlanner {
    public struct Item: Sendable, Equatable {
        public var obligationID: UUID
        public var agencyID: UUID
        public var due: LocalDate
        public var status: ReportStatus
        public var schedule: ReminderSchedule

        public init(
            obligationID: UUID, agencyID: UUID, due: LocalDate, status: ReportStatus, schedule: ReminderSchedule
        ) {
            self.obligationID = obligationID
            self.agencyID = agencyID
            self.due = due
            self.status = status
            self.schedule = schedule
        }
    }

    public struct Reminder: Sendable, Equatable {
        public enum Kind: String, Sendable { case before, after }
        public var obligationID: UUID
        public var agencyID: UUID
        public var due: LocalDate
        public var kind: Kind
        /// Days before (or after) the due date.
        public var days: Int

        /// `reminder|<obligation>|<day>`: the claim key.
        public func key(on day: LocalDate) -> String { "reminder|\(obligationID.uuidString.lowercased())|\(day.iso)" }
    }

    /// Statuses that still need chasing.
    public static func needsChasing(_ status: ReportStatus) -> Bool {
        status == .open || status == .missingOverdue || status == .returned || status == .notYetDue
    }

    public static func due(on today: LocalDate, _ items: [Item]) -> [Reminder] {
        var out: [Reminder] = []
        for item in items where needsChasing(item.status) {
            if let d = item.schedule.daysBefore.first(where: { item.due.addingDays(-$0) == today }) {
                out.append(
                    Reminder(
                        obligationID: item.obligationID, agencyID: item.agencyID, due: item.due, kind: .before, days: d)
                )
            } else if let d = item.schedule.daysAfter.first(where: { item.due.addingDays($0) == today }) {
                out.append(
                    Reminder(
                        obligationID: item.obligationID, agencyID: item.agencyID, due: item.due, kind: .after, days: d))
            }
        }
        return out.sorted { ($0.due, $0.obligationID.uuidString) < ($1.due, $1.obligationID.uuidString) }
    }
}
