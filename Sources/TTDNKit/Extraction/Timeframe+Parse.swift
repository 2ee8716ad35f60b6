extension Timeframe {
    /// Reads a timeframe as officials write it ("Quý II, III năm 2025", "Thường xuyên",
    /// "phát hành 04 số (01 số/quý)"), with the same rules as the plan reader; nil for empty text.
    /// The app uses it when someone types a timeframe on the review screen or the task form.
    public static func parse(_ text: String) -> Timeframe? {
        TimeframeParser.parse(text)
    }
}
