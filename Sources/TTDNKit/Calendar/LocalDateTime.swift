import Foundation

/// A time of day in Vietnam as a form's `datetime-local` field writes it (`2026-12-03T15:30`): the time an
/// editor schedules an article for is the time on the office's clock, whatever the server's zone.
public enum LocalDateTime {
    /// The moment the field's value names in Vietnam, or nil when it is not a valid `YYYY-MM-DDTHH:MM[:SS]`.
    public static func parse(_ text: String) -> Date? {
        let text = text.trimmingCharacters(in: .whitespaces)
        let parts = text.split(separator: "T", maxSplits: 1)
        guard parts.count == 2, let day = LocalDate(iso: String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":").map { Int($0) }
        guard (2...3).contains(clock.count), clock.allSatisfy({ $0 != nil }), parts[1].count <= 8 else { return nil }
        let hour = clock[0]!
        let minute = clock[1]!
        let second = clock.count == 3 ? clock[2]! : 0
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        var components = DateComponents()
        components.year = day.year
        components.month = day.month
        components.day = day.day
        components.hour = hour
        components.minute = minute
        components.second = second
        return LocalDate.gregorian.date(from: components)
    }

    /// The field's value for `date` (to the minute), in Vietnam.
    public static func format(_ date: Date) -> String {
        let parts = LocalDate.gregorian.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
    }
}
