import Testing

@testable import TTDNKit

@Suite("Word diff")
struct TextDiffTests {
    func side(_ segments: [TextDiff.Segment], without kind: TextDiff.Kind) -> String {
        segments.filter { $0.kind != kind }.map(\.text).joined()
    }

    @Test func aChangedWordIsMarkedAndBothSidesComeBack() {
        let old = "Phát hành số 1, 1.000 bản.\nĐã gửi các sở."
        let new = "Phát hành số 1, 2.000 bản.\nĐã gửi các sở và huyện."
        let diff = TextDiff.words(old, new)
        #expect(side(diff, without: .added) == old)
        #expect(side(diff, without: .removed) == new)
        #expect(diff.contains(TextDiff.Segment(.removed, "1.000 ")))
        #expect(diff.contains(TextDiff.Segment(.added, "2.000 ")))
        #expect(diff.first == TextDiff.Segment(.same, "Phát hành số 1, "))
        // The removed words come before the words that replace them.
        let removed = diff.firstIndex(of: TextDiff.Segment(.removed, "1.000 "))
        let added = diff.firstIndex(of: TextDiff.Segment(.added, "2.000 "))
        #expect(removed != nil && added != nil && removed! < added!)
    }

    @Test func emptyAndEqualTexts() {
        #expect(TextDiff.words("", "") == [])
        #expect(TextDiff.words("a b", "a b") == [.init(.same, "a b")])
        #expect(TextDiff.words("", "mới") == [.init(.added, "mới")])
        #expect(TextDiff.words("cũ", "") == [.init(.removed, "cũ")])
    }

    @Test func hugeTextsFallBackToOneRemovalAndOneAddition() {
        let old = (0..<3000).map { "a\($0)" }.joined(separator: " ")
        let new = (0..<3000).map { "b\($0)" }.joined(separator: " ")
        let diff = TextDiff.words(old, new)
        #expect(diff.count == 2 && diff[0].kind == .removed && diff[1].kind == .added)
        #expect(side(diff, without: .added) == old && side(diff, without: .removed) == new)
    }
}
