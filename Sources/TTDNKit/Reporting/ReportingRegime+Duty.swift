extension ReportingRegime {
    /// The regime a plan's extracted reporting duty asks for. Data window: Nghị định 09 (the plan is an
    /// administrative document, so its reports are administrative reports). Due rule from the wording:
    ///
    /// - "trước ngày 20 hằng tháng" (monthly, before day 20) → `before-day:20` of each month;
    /// - "trước ngày 15 của tháng cuối quý" (quarterly, before day 15, last month of the quarter) →
    ///   `before-day:15` of the quarter's last month;
    /// - "trước ngày 15/11 hằng năm" (yearly, before 15, month 11) → `before:15/11`;
    /// - "đột xuất" or a duty without a day → `requester` for ad-hoc, Art. 13's `by-day:25` otherwise.
    ///
    /// Reporters default to the leads of the plan's tasks; the recipient is kept as written until the app
    /// resolves it in the directory.
    public init(duty: ReportingDuty, name: String) {
        let frequency = ReportingFrequency(duty.frequency)
        let due: DueRule
        switch (frequency, duty.beforeDay, duty.month) {
        case (.adHoc, _, _), (.specialTopic, _, _):
            due = .setByRequester
        case (_, nil, _):
            due = .nd09Article13
        case (.yearly, let day?, .number(let month)?), (.nineMonth, let day?, .number(let month)?):
            due = .beforeDate(day: day, month: month)
        case (_, let day?, _):
            // Monthly: the month itself; quarterly and half-yearly: the period's last month (`lastOfQuarter`
            // or no month). A numbered month on a sub-year duty is not representable and is ignored.
            due = .beforeDayOfLastMonth(day)
        }
        self.init(
            name: name, frequency: frequency, window: .nd09, due: due,
            recipients: Recipients(named: duty.to))
    }
}
