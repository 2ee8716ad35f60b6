/// Which days the law makes public holidays, as data (rules.md §1: the holiday list is *configurable*).
///
/// The defaults are Bộ luật Lao động 2019, Art. 112: 1 Jan; Tết Nguyên đán, 5 days; Giỗ Tổ Hùng Vương,
/// 10/3 lunar; 30 Apr; 1 May; Quốc khánh 2 Sep plus the day before or after. Art. 111.3: a holiday that
/// falls on the weekly rest day is compensated on the next working day (nghỉ bù). The Government announces
/// each year's exact Tết days and any swaps; those go in `HolidayCalendar.adjustments`, not here.
/// Decoding fills any missing key with its default, so a stored rule set survives new fields.
public struct HolidayRules: Codable, Sendable, Equatable {
    /// A holiday on the same Gregorian day every year.
    public struct FixedHoliday: Codable, Sendable, Equatable {
        public var month: Int
        public var day: Int
        /// Which holiday it is, as a code the app names in the reader's language (`holidays.name.<code>`).
        public var code: String
        /// One more day off next to this one (Quốc khánh's second day), or nil.
        public var adjacentDay: AdjacentDay?

        public init(month: Int, day: Int, code: String, adjacentDay: AdjacentDay? = nil) {
            self.month = month
            self.day = day
            self.code = code
            self.adjacentDay = adjacentDay
        }
    }

    /// Where the extra day next to a holiday goes. The law says "the day before or after"; the Government
    /// picks each year. `automatic` picks the side that joins a weekend (Mon → Tue, Tue → Mon, Wed → Thu,
    /// Thu → Fri, Fri → Thu, Sat → Fri, Sun → Mon), which reproduces 2021–2025's announced Quốc khánh days
    /// (3/9/2021, 1/9/2022, 1/9/2023, 3/9/2024, 1/9/2025).
    public enum AdjacentDay: String, Codable, Sendable, CaseIterable {
        case before, after, automatic
    }

    /// A holiday on a lunar date (Giỗ Tổ Hùng Vương: 10/3). If the lunar year has a leap month 3, the
    /// holiday is in the regular (first) month 3.
    public struct LunarHoliday: Codable, Sendable, Equatable {
        public var month: Int
        public var day: Int
        /// As `FixedHoliday.code`.
        public var code: String

        public init(month: Int, day: Int, code: String) {
            self.month = month
            self.day = day
            self.code = code
        }
    }

    /// Tết's days, counted from 1/1 lunar: `firstDay` −1 is the last day of the old year (29 or 30 tháng
    /// Chạp, whichever the year has), and `days` consecutive days from there.
    public struct TetRule: Codable, Sendable, Equatable {
        public var firstDay: Int
        public var days: Int

        public init(firstDay: Int = -1, days: Int = 5) {
            self.firstDay = firstDay
            self.days = days
        }
    }

    public var fixed: [FixedHoliday]
    public var lunar: [LunarHoliday]
    public var tet: TetRule
    /// Bộ luật Lao động 2019, Art. 111.3: a holiday on a weekly rest day gives a day off on the next
    /// working day.
    public var compensateWeekendHolidays: Bool
    /// ISO weekdays (1 = Monday … 7 = Sunday) that are working days: Monday to Friday for state agencies
    /// (Nghị định 101/CP 1995 and its successors).
    public var workingWeekdays: Set<Int>

    public init(
        fixed: [FixedHoliday] = HolidayRules.laborCode2019Fixed,
        lunar: [LunarHoliday] = [LunarHoliday(month: 3, day: 10, code: "hung-kings")],
        tet: TetRule = TetRule(),
        compensateWeekendHolidays: Bool = true,
        workingWeekdays: Set<Int> = [1, 2, 3, 4, 5]
    ) {
        self.fixed = fixed
        self.lunar = lunar
        self.tet = tet
        self.compensateWeekendHolidays = compensateWeekendHolidays
        self.workingWeekdays = workingWeekdays
    }

    /// The fixed-date holidays of Bộ luật Lao động 2019, Art. 112.1.
    public static let laborCode2019Fixed: [FixedHoliday] = [
        FixedHoliday(month: 1, day: 1, code: "new-year"),
        FixedHoliday(month: 4, day: 30, code: "reunification"),
        FixedHoliday(month: 5, day: 1, code: "labour-day"),
        FixedHoliday(month: 9, day: 2, code: "national-day", adjacentDay: .automatic),
    ]

    /// The code of Tết Nguyên đán's days (the `tet` rule).
    public static let tetCode = "tet"

    /// The rules in force since 1 January 2021 (Bộ luật Lao động 2019).
    public static let laborCode2019 = HolidayRules()

    enum CodingKeys: String, CodingKey {
        case fixed, lunar, tet
        case compensateWeekendHolidays = "compensate_weekend_holidays"
        case workingWeekdays = "working_weekdays"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = HolidayRules()
        fixed = try c.decodeIfPresent([FixedHoliday].self, forKey: .fixed) ?? defaults.fixed
        lunar = try c.decodeIfPresent([LunarHoliday].self, forKey: .lunar) ?? defaults.lunar
        tet = try c.decodeIfPresent(TetRule.self, forKey: .tet) ?? defaults.tet
        compensateWeekendHolidays =
            try c.decodeIfPresent(Bool.self, forKey: .compensateWeekendHolidays) ?? defaults.compensateWeekendHolidays
        workingWeekdays = try c.decodeIfPresent(Set<Int>.self, forKey: .workingWeekdays) ?? defaults.workingWeekdays
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(fixed, forKey: .fixed)
        try c.encode(lunar, forKey: .lunar)
        try c.encode(tet, forKey: .tet)
        try c.encode(compensateWeekendHolidays, forKey: .compensateWeekendHolidays)
        try c.encode(workingWeekdays.sorted(), forKey: .workingWeekdays)
    }
}

extension HolidayRules.FixedHoliday {
    enum CodingKeys: String, CodingKey {
        case month, day, code
        case adjacentDay = "adjacent_day"
    }
}

extension HolidayRules.AdjacentDay {
    /// The extra day for a holiday on `date`.
    func extraDay(for date: LocalDate) -> LocalDate {
        switch self {
        case .before: return date.addingDays(-1)
        case .after: return date.addingDays(1)
        case .automatic:
            // Mon, Wed, Thu, Sun → the day after; Tue, Fri, Sat → the day before.
            switch date.weekdayNumber {
            case 2, 5, 6: return date.addingDays(-1)
            default: return date.addingDays(1)
            }
        }
    }
}
