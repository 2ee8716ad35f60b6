import Testing

@testable import TTDNKit

@Suite("Output progress")
struct OutputProgressTests {
    static func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    /// `phát hành 04 số (01 số/quý)` in 2026.
    static let quarterly = Milestones.derive(
        from: Timeframe(text: "phát hành 04 số (01 số/quý)", kind: .recurring, every: .quarter, count: 4),
        planYear: 2026)

    @Test("A quarterly bulletin: two issues out in time, the third due by the end of quarter III")
    func quarterlyOnTrack() {
        let progress = OutputProgress.measure(
            milestones: Self.quarterly, expected: 4, produced: [Self.day("2026-03-20"), Self.day("2026-06-25")],
            today: Self.day("2026-08-01"))
        #expect(progress.expected == 4 && progress.produced == 2 && progress.producedLate == 0)
        #expect(progress.next == .init(number: 3, due: Self.day("2026-09-30")))
        #expect(progress.state == .onTrack)
    }

    @Test("A missing issue whose quarter has ended makes the task late; one that came out after it was late")
    func quarterlyLate() {
        let late = OutputProgress.measure(
            milestones: Self.quarterly, expected: 4, produced: [Self.day("2026-03-20")], today: Self.day("2026-07-01"))
        #expect(late.state == .late && late.next == .init(number: 2, due: Self.day("2026-06-30")))
        let caughtUp = OutputProgress.measure(
            milestones: Self.quarterly, expected: 4, produced: [Self.day("2026-03-20"), Self.day("2026-07-10")],
            today: Self.day("2026-07-15"))
        #expect(caughtUp.state == .onTrack && caughtUp.producedLate == 1)
        // The order the outputs are given in does not matter.
        let shuffled = OutputProgress.measure(
            milestones: Self.quarterly, expected: 4, produced: [Self.day("2026-07-10"), Self.day("2026-03-20")],
            today: Self.day("2026-07-15"))
        #expect(shuffled == caughtUp)
    }

    @Test("All four out: done, and more than expected still counts")
    func done() {
        let days = ["2026-03-01", "2026-06-01", "2026-09-01", "2026-12-01", "2026-12-20"].map(Self.day)
        let progress = OutputProgress.measure(
            milestones: Self.quarterly, expected: 4, produced: days, today: Self.day("2026-12-31"))
        #expect(progress.state == .done && progress.produced == 5 && progress.next == nil)
    }

    @Test("A handbook due in quarter III: the whole count by the quarter's end")
    func datedSingleOutput() {
        let milestones = Milestones.derive(
            from: Timeframe(text: "Quý III", kind: .quarters, quarters: [3]), planYear: 2026)
        let waiting = OutputProgress.measure(
            milestones: milestones, expected: 1, produced: [], today: Self.day("2026-09-01"))
        #expect(waiting.state == .onTrack && waiting.next == .init(number: 1, due: Self.day("2026-09-30")))
        let overdue = OutputProgress.measure(
            milestones: milestones, expected: 1, produced: [], today: Self.day("2026-10-01"))
        #expect(overdue.state == .late)
    }

    @Test("An ongoing task: a count without a date is never late; without a count only what was produced")
    func ongoing() {
        let counted = OutputProgress.measure(
            milestones: [], expected: 100, produced: [Self.day("2026-02-01")], today: Self.day("2026-12-31"))
        #expect(counted.state == .onTrack && counted.next == .init(number: 2, due: nil))
        let uncounted = OutputProgress.measure(
            milestones: [], expected: nil, produced: [Self.day("2026-02-01")], today: Self.day("2026-12-31"))
        #expect(uncounted.state == .untargeted && uncounted.produced == 1 && uncounted.expected == nil)
    }
}
