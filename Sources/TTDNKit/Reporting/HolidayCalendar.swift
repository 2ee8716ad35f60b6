/// Which days are working days for state agencies, for deadlines counted in working days.
///
/// Two layers, both data the app stores: `rules` (what the law makes a holiday every year: fixed dates, Tết
/// and Giỗ Tổ from the lunar calendar, compensation for holidays on weekends) and `adjustments` (what the
/// Government announces for one year: extra days off, make-up working Saturdays, its own Tết schedule).
/// An adjustment wins over the rules for its date, so an admin can correct any generated day: mark a
/// generated day off as `.workingDay` to cancel it, or add a `.dayOff`.
public struct HolidayCalendar: Codable, Sendable, Equatable {
    /// One admin-entered exception for one date.
    public struct Adjustment: Codable, Sendable, Equatable, Hashable {
        public enum Kind: String, Codable, Sendable, CaseIterable {
            /// An announced day off (ngày nghỉ theo thông báo), e.g. a day swapped to lengthen Tết.
            case dayOff = "day-off"
            /// A make-up working day (ngày làm bù), usually a Saturday.
            case workingDay = "working-day"
        }

        public var date: LocalDate
        public var kind: Kind
        public var note: String

        public init(date: LocalDate, kind: Kind, note: String = "") {
            self.date = date
            self.kind = kind
            self.note = note
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            date = try c.decode(LocalDate.self, forKey: .date)
            kind = try c.decode(Kind.self, forKey: .kind)
            note = try c.decodeIfPresent(String.self, forKey: .note) ?? ""
        }
    }

    /// A day in `holidays(in:)`: why it is not an ordinary day.
    public struct Entry: Codable, Sendable, Equatable {
        public enum Kind: String, Codable, Sendable {
            /// A holiday of the law (Bộ luật Lao động Art. 112), generated from `rules`.
            case publicHoliday = "holiday"
            /// The working day after a holiday that fell on a weekend (Art. 111.3), generated.
            case compensatoryDayOff = "compensatory-day-off"
            /// An announced day off (an adjustment).
            case announcedDayOff = "announced-day-off"
            /// A make-up working day (an adjustment).
            case makeUpWorkingDay = "make-up-working-day"
            /// A generated day off that an adjustment turned back into a working day.
            case cancelledDayOff = "cancelled-day-off"
        }

        public var date: LocalDate
        public var kind: Kind
        /// The law's holiday the day is, makes up for or gives back (`HolidayRules` codes, `tet` for Tết's
        /// days); nil for an announced day with no holiday behind it.
        public var holiday: String?
        /// For Tết's days, the lunar date ("mùng 2").
        public var lunar: LunarDate?
        /// What the admin wrote on the adjustment for this day; when there is one it names the day.
        public var note: String

        public init(
            date: LocalDate, kind: Kind, holiday: String? = nil, lunar: LunarDate? = nil, note: String = ""
        ) {
            self.date = date
            self.kind = kind
            self.holiday = holiday
            self.lunar = lunar
            self.note = note
        }

        /// Whether agencies work that day.
        public var isWorkingDay: Bool { kind == .makeUpWorkingDay || kind == .cancelledDayOff }
    }

    public var rules: HolidayRules
    public var adjustments: [Adjustment]
    /// The lunar calendar for Tết and Giỗ Tổ (Vietnam, UTC+7). Not stored: it is not a setting.
    public var lunarCalendar: LunarCalendar { .vietnam }

    public init(rules: HolidayRules = .laborCode2019, adjustments: [Adjustment] = []) {
        self.rules = rules
        self.adjustments = adjustments
    }

    /// The law's holidays with no announced adjustments.
    public static let vietnam = HolidayCalendar()

    enum CodingKeys: String, CodingKey { case rules, adjustments }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rules = try c.decodeIfPresent(HolidayRules.self, forKey: .rules) ?? .laborCode2019
        adjustments = try c.decodeIfPresent([Adjustment].self, forKey: .adjustments) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rules, forKey: .rules)
        try c.encode(adjustments, forKey: .adjustments)
    }

    // MARK: Queries

    /// Monday–Friday (per `rules.workingWeekdays`), not a holiday, compensatory or announced day off; or
    /// a make-up working day.
    public func isWorkingDay(_ date: LocalDate) -> Bool {
        var days = WorkingDays(calendar: self)
        return days.isWorkingDay(date)
    }

    /// The day `count` working days after `date` (before it if negative); `date` itself is not counted,
    /// so `addingWorkingDays(1, to: friday)` is the next Monday when that is a working day. Zero returns
    /// `date` unchanged, working day or not.
    public func addingWorkingDays(_ count: Int, to date: LocalDate) -> LocalDate {
        var days = WorkingDays(calendar: self)
        return days.adding(count, to: date)
    }

    /// `date` if it is a working day, else the next working day.
    public func workingDay(onOrAfter date: LocalDate) -> LocalDate {
        var days = WorkingDays(calendar: self)
        return days.onOrAfter(date)
    }

    /// Working days strictly after `start` up to and including `end` (0 if `end` ≤ `start`).
    public func workingDays(after start: LocalDate, through end: LocalDate) -> Int {
        var days = WorkingDays(calendar: self)
        return days.count(after: start, through: end)
    }

    /// Every day of Gregorian `year` that is not an ordinary day, by date: holidays, compensatory days off,
    /// announced days off, make-up working days, and generated days off cancelled by an adjustment.
    /// Empty for a year outside `LunarCalendar.supportedYears`, whose lunar dates are not known.
    public func holidays(in year: Int) -> [Entry] {
        guard LunarCalendar.supportedYears.contains(year) else { return [] }
        var byDate: [LocalDate: Entry] = [:]
        for entry in generatedDaysOff(in: year) { byDate[entry.date] = entry }
        for adjustment in adjustments where adjustment.date.year == year {
            let generated = byDate[adjustment.date]
            switch adjustment.kind {
            case .dayOff:
                byDate[adjustment.date] = Entry(
                    date: adjustment.date, kind: .announcedDayOff, holiday: generated?.holiday,
                    lunar: generated?.lunar, note: adjustment.note)
            case .workingDay:
                if let generated {
                    byDate[adjustment.date] = Entry(
                        date: adjustment.date, kind: .cancelledDayOff, holiday: generated.holiday,
                        lunar: generated.lunar, note: adjustment.note)
                } else {
                    byDate[adjustment.date] = Entry(
                        date: adjustment.date, kind: .makeUpWorkingDay, note: adjustment.note)
                }
            }
        }
        return byDate.values.sorted { $0.date < $1.date }
    }

    // MARK: Generated days

    /// The days off the rules alone give in `year`: public holidays and compensatory days, sorted.
    func generatedDaysOff(in year: Int) -> [Entry] {
        // Compensation can move a late-December holiday into January, so start from the year before.
        (publicHolidays(in: year - 1) + publicHolidays(in: year))
            .compensated(by: rules)
            .filter { $0.date.year == year }
    }

    /// The law's holidays falling in `year` (duplicates removed, first name kept), sorted.
    func publicHolidays(in year: Int) -> [Entry] {
        guard LunarCalendar.supportedYears.contains(year) else { return [] }
        var days: [Entry] = []
        func add(_ date: LocalDate?, _ code: String, lunar: LunarDate? = nil) {
            guard let date, date.year == year, !days.contains(where: { $0.date == date }) else { return }
            days.append(Entry(date: date, kind: .publicHoliday, holiday: code, lunar: lunar))
        }
        for holiday in rules.fixed {
            guard let date = LocalDate(year: year, month: holiday.month, day: holiday.day) else { continue }
            add(date, holiday.code)
            if let side = holiday.adjacentDay {
                add(side.extraDay(for: date), holiday.code)
            }
        }
        // Tết of this lunar year, and of the next one in case a configured Tết starts in late December.
        for lunarYear in [year, year + 1] where LunarCalendar.supportedYears.contains(lunarYear) {
            let tet = lunarCalendar.tet(year: lunarYear)
            for offset in rules.tet.firstDay..<(rules.tet.firstDay + max(rules.tet.days, 0)) {
                let date = tet.addingDays(offset)
                add(date, HolidayRules.tetCode, lunar: lunarCalendar.lunar(date))
            }
        }
        if LunarCalendar.supportedYears.contains(year) {
            for holiday in rules.lunar {
                add(lunarCalendar.solar(lunarDay: holiday.day, month: holiday.month, year: year), holiday.code)
            }
        }
        return days.sorted { $0.date < $1.date }
    }
}

extension [HolidayCalendar.Entry] {
    /// These holidays plus, if the rules say so, a compensatory day off for each one on a weekly rest day:
    /// the next day that is a working weekday and neither a holiday nor already a compensatory day.
    func compensated(by rules: HolidayRules) -> [HolidayCalendar.Entry] {
        guard rules.compensateWeekendHolidays else { return self }
        let holidayDates = Set(map(\.date))
        var taken = holidayDates
        var result = self
        for holiday in sorted(by: { $0.date < $1.date })
        where !rules.workingWeekdays.contains(holiday.date.weekdayNumber) {
            var day = holiday.date.addingDays(1)
            var guardDays = 0  // no working weekday configured at all: give up rather than loop
            while (!rules.workingWeekdays.contains(day.weekdayNumber) || taken.contains(day)) && guardDays < 366 {
                day = day.addingDays(1)
                guardDays += 1
            }
            taken.insert(day)
            result.append(
                HolidayCalendar.Entry(
                    date: day, kind: .compensatoryDayOff, holiday: holiday.holiday, lunar: holiday.lunar))
        }
        return result.sorted { $0.date < $1.date }
    }
}
