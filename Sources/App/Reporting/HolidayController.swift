import Fluent
import Foundation
import TTDNKit
import Vapor

/// The year's holidays as the law gives them, and the days off and make-up working days the Government
/// announces each year, entered here. Every change re-dates the obligations (due dates move off days off).
enum HolidayController {
    struct Page: Encodable {
        struct Day: Encodable {
            let date: String
            let weekday: String
            let name: String
            let kind: String
            let working: Bool
            let removeValue: String?
        }

        let layout: LayoutContext
        let year: Int
        let previousYear: Int
        let nextYear: Int
        let previous: String?
        let next: String?
        let workingDays: Int
        let days: [Day]?
        let action: String
        let kinds: [SelectOption]
        let form: Form
        let error: String?
    }

    struct Form: Content {
        var date: String?
        var kind: String?
        var note: String?
        var remove: String?
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let (year, outOfRange) = self.year(req)
        let error = outOfRange ? yearError(req) : nil
        return try await req.view.render("reports/holidays", page(req, year: year, form: Form(), error: error))
            .encodeResponse(status: outOfRange ? .badRequest : .ok, for: req)
    }

    /// The `?year=` asked for, or this year. A year the lunar calendar is not trusted for (a crafted link) shows
    /// the nearest one it is, with a message, rather than computing dates that do not exist.
    static func year(_ req: Request) -> (year: Int, outOfRange: Bool) {
        let supported = LunarCalendar.supportedYears
        guard let asked = req.query[String.self, at: "year"] else { return (req.today.year, false) }
        guard let year = Int(asked), supported.contains(year) else {
            let clamped = Int(asked).map { min(max($0, supported.lowerBound), supported.upperBound) }
            return (clamped ?? req.today.year, true)
        }
        return (year, false)
    }

    static func yearError(_ req: Request) -> String {
        req.t(
            "holidays.error.year", String(LunarCalendar.supportedYears.lowerBound),
            String(LunarCalendar.supportedYears.upperBound))
    }

    static func page(_ req: Request, year: Int, form: Form, error: String?) async throws -> Page {
        let calendar = try await ObligationService.holidayCalendar(on: req.db)
        let document = ReportingReports.holidays(calendar, year: year)
        let entered = Set(calendar.adjustments.map(\.date))
        return Page(
            layout: req.layout(title: req.t("holidays.title", String(year))), year: year, previousYear: year - 1,
            nextYear: year + 1,
            previous: year > LunarCalendar.supportedYears.lowerBound
                ? SiteURL.holidays.with(["year": String(year - 1)]) : nil,
            next: year < LunarCalendar.supportedYears.upperBound
                ? SiteURL.holidays.with(["year": String(year + 1)]) : nil,
            workingDays: document.workingDays,
            days: document.days.map { d in
                Page.Day(
                    date: Formatting.date(d.date, req.locale), weekday: req.t("weekday.short.\(d.date.weekdayNumber)"),
                    name: name(d, req),
                    kind: req.t("holidays.kind.\(d.kind.rawValue)"),
                    working: d.workingDay, removeValue: entered.contains(d.date) ? d.date.iso : nil)
            }.nonEmpty,
            action: SiteURL.holidays.with(["year": String(year)]),
            kinds: HolidayCalendar.Adjustment.Kind.allCases.map {
                SelectOption(
                    value: $0.rawValue, label: req.t("holidays.adjustment.\($0.rawValue)"),
                    selected: $0.rawValue == form.kind)
            },
            form: form, error: error)
    }

    /// What the day is called in the reader's language: the admin's note when there is one, else the law's
    /// holiday behind it (with Tết's lunar day), else the kind of day.
    static func name(_ day: ReportingReports.HolidaysDocument.Day, _ req: Request) -> String {
        guard day.note.isEmpty else { return day.note }
        var holiday: String?
        if let code = day.holiday {
            let name = req.t("holidays.name.\(code)")
            if let lunar = day.lunar {
                let date =
                    lunar.month == 1
                    ? req.t("holidays.lunar.new-year", String(lunar.day))
                    : req.t("holidays.lunar.date", String(lunar.day), String(lunar.month))
                holiday = "\(name) (\(date))"
            } else {
                holiday = name
            }
        }
        switch day.kind {
        case .publicHoliday, .announcedDayOff:
            return holiday ?? req.t("holidays.kind.\(day.kind.rawValue)")
        case .compensatoryDayOff:
            return holiday.map { req.t("holidays.compensatory", $0) } ?? req.t("holidays.kind.\(day.kind.rawValue)")
        case .cancelledDayOff:
            return holiday.map { req.t("holidays.instead-of", $0) } ?? req.t("holidays.kind.\(day.kind.rawValue)")
        case .makeUpWorkingDay:
            return req.t("holidays.kind.\(day.kind.rawValue)")
        }
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let year = self.year(req).year
        let form = try req.content.decode(Form.self)
        if let remove = form.remove,
            let row = try await HolidayAdjustmentRecord.query(on: req.db).filter(\.$date == remove).first()
        {
            try await req.db.transaction { tx in
                try await row.auditedDelete(on: tx, by: req.auditContext)
                try await ObligationService.sync(planID: nil, on: tx, by: req.auditContext)
            }
            req.flash(.success, req.t("holidays.removed"))
            return req.redirect(to: SiteURL.holidays.with(["year": String(year)]))
        }
        let date = LocalDate(iso: form.date ?? "")
        let kind = form.kind.flatMap(HolidayCalendar.Adjustment.Kind.init(rawValue:))
        let note = FormText.value(form.note) ?? ""
        var error: String?
        if date == nil {
            error = "holidays.error.date"
        } else if kind == nil {
            error = "holidays.error.kind"
        } else if note.count > 200 {
            error = "holidays.error.note"
        } else if try await HolidayAdjustmentRecord.query(on: req.db).filter(\.$date == date!.iso).count() > 0 {
            error = "holidays.error.duplicate"
        }
        guard error == nil, let date, let kind else {
            return try await req.view.render(
                "reports/holidays", page(req, year: year, form: form, error: req.t(error!))
            )
            .encodeResponse(status: .badRequest, for: req)
        }
        let row = HolidayAdjustmentRecord()
        row.date = date.iso
        row.kind = kind.rawValue
        row.note = note
        try await req.db.transaction { tx in
            try await row.auditedCreate(on: tx, by: req.auditContext)
            try await ObligationService.sync(planID: nil, on: tx, by: req.auditContext)
        }
        req.flash(.success, req.t("holidays.added"))
        return req.redirect(to: SiteURL.holidays.with(["year": String(date.year)]))
    }
}
