import Foundation
import TTDNKit

/// Dates and numbers as each language writes them, always in Vietnam's time zone.
enum Formatting {
    static func dateTime(_ date: Date, _ locale: AppLocale) -> String {
        var style = Date.FormatStyle(
            date: .numeric, time: .shortened, locale: locale.foundation, timeZone: LocalDate.vietnam)
        if locale == .en {
            style = Date.FormatStyle(
                date: .abbreviated, time: .shortened, locale: locale.foundation, timeZone: LocalDate.vietnam)
        }
        return date.formatted(style)
    }

    static func date(_ day: LocalDate, _ locale: AppLocale) -> String {
        switch locale {
        case .vi: String(format: "%02d/%02d/%04d", day.day, day.month, day.year)
        case .en:
            day.startOfDay().formatted(
                Date.FormatStyle(date: .long, time: .omitted, locale: locale.foundation, timeZone: LocalDate.vietnam))
        }
    }

    static func date(iso: String?, _ locale: AppLocale) -> String? {
        guard let iso, let day = LocalDate(iso: iso) else { return nil }
        return date(day, locale)
    }

    static func number(_ value: Int, _ locale: AppLocale) -> String {
        value.formatted(.number.locale(locale.foundation))
    }
}
