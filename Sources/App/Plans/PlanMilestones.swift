import Foundation
import TTDNKit

/// The milestones of a task (TTDNKit's `Milestones.derive`), for the plan table, "Nhiệm vụ của đơn vị",
/// the CSV export and the calendar feed.
enum PlanMilestones {
    struct Next: Encodable, Sendable {
        /// `2025-06-30`.
        let iso: String
        /// The date as the reader's language writes it.
        let date: String
        /// What is due (`Hết Quý II/2025`, `Lần 2/4 (Quý II/2025)`).
        let label: String?
    }

    /// Every milestone of the timeframe; a plan without a year falls back on the timeframe's, then this year.
    static func all(_ timeframe: Timeframe?, planYear: Int?, today: LocalDate) -> [Milestone] {
        guard let timeframe else { return [] }
        return Milestones.derive(from: timeframe, planYear: planYear ?? timeframe.year ?? today.year)
    }

    /// The first milestone due on or after `today`.
    static func nextMilestone(_ timeframe: Timeframe?, planYear: Int?, today: LocalDate) -> Milestone? {
        Milestones.next(all(timeframe, planYear: planYear, today: today), onOrAfter: today)
    }

    static func next(_ timeframe: Timeframe?, planYear: Int?, today: LocalDate, locale: AppLocale) -> Next? {
        guard let milestone = nextMilestone(timeframe, planYear: planYear, today: today) else { return nil }
        return Next(iso: milestone.due.iso, date: Formatting.date(milestone.due, locale), label: milestone.title)
    }
}
