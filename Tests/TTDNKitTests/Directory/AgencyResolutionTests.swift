import Foundation
import Testing

@testable import TTDNKit

@Suite struct AgencyResolutionTests {
    let small = SmallDirectory()

    private func matched(_ resolution: AgencyResolution, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> AgencyMatch
    {
        try #require(resolution.match, "expected a match, got \(resolution)", sourceLocation: sourceLocation)
    }

    @Test func exactOfficialName() throws {
        let match = try matched(small.resolve("Sở Ngoại vụ"))
        #expect(match.target == .agency(small.id("so-ngoai-vu")))
        #expect(match.how == [.exact])
        #expect(match.confidence == 1)
        #expect(match.chain == [small.id("so-ngoai-vu")])
    }

    @Test func caseSpacingAndPunctuationAreNoise() throws {
        #expect(try matched(small.resolve("SỞ  NGOẠI VỤ")).how == [.exact])
        #expect(try matched(small.resolve("Sở Văn hóa - Thể thao và Du lịch")).how == [.exact])
        #expect(try matched(small.resolve("Sở Văn hóa Thể thao Du lịch")).target == .agency(small.id("so-vhttdl")))
        let dai = try matched(small.resolve("Đài Phát thanh và Truyền hình Lạng Sơn", on: "2024-05-01"))
        #expect(dai.matched == .agency(small.id("dai")))
    }

    @Test func decomposedInputIsNormalised() throws {
        let decomposed = "Sở Ngoại vụ".decomposedStringWithCanonicalMapping
        #expect(try matched(small.resolve(decomposed)).how == [.exact])
    }

    @Test func toneMarkPlacementIsAVariant() throws {
        let match = try matched(small.resolve("Uỷ ban nhân dân tỉnh Lạng Sơn"))
        #expect(match.target == .agency(small.id("ubnd-tinh")))
        #expect(match.how == [.toneVariant])
        #expect(match.confidence < 1 && match.confidence > 0.95)
    }

    @Test func oldNameResolvesToSuccessorKeepingTheChain() throws {
        let match = try matched(small.resolve("Ban Tuyên giáo Tỉnh uỷ", on: "2023-02-03"))
        #expect(match.matched == .agency(small.id("ban-tg")))
        #expect(match.target == .agency(small.id("ban-tgdv")))
        #expect(match.chain == [small.id("ban-tg"), small.id("ban-tgdv")])
        #expect(match.how == [.toneVariant, .predecessorToSuccessor])
    }

    @Test func successionsNotYetInForceAreNotFollowed() throws {
        let match = try matched(
            small.resolve("Sở Thông tin và Truyền thông", today: DirectoryTestSupport.date("2024-12-31")))
        #expect(match.target == .agency(small.id("so-tttt")))
        #expect(match.how == [.exact])
    }

    @Test func chainsOfSeveralSuccessionsAreFollowed() throws {
        // Thanh tra Sở (2023) → Thanh tra tỉnh (from 1 July 2025).
        let match = try matched(small.resolve("Thanh tra Sở", issuer: "so-ngoai-vu"))
        #expect(match.target == .agency(small.id("thanh-tra-tinh")))
        #expect(match.how == [.contextual, .predecessorToSuccessor])
    }

    @Test func abbreviationsAreExpanded() throws {
        let tttt = try matched(small.resolve("Sở TT&TT"))
        #expect(tttt.target == .agency(small.id("so-khcn")))
        #expect(tttt.how == [.abbreviationExpanded, .predecessorToSuccessor])
        #expect(try matched(small.resolve("Sở TTTT")).target == .agency(small.id("so-khcn")))
        let vp = try matched(small.resolve("VP UBND tỉnh"))
        #expect(vp.target == .agency(small.id("van-phong-ubnd")))
        #expect(vp.how == [.abbreviationExpanded])
        #expect(try matched(small.resolve("Sở VHTTDL")).target == .agency(small.id("so-vhttdl")))
        #expect(try matched(small.resolve("Đài PT-TH Lạng Sơn")).matched == .agency(small.id("dai")))
        #expect(try matched(small.resolve("BCH BĐBP tỉnh")).target == .agency(small.id("bdbp")))
        #expect(try matched(small.resolve("Ban Tuyên giáo TU")).matched == .agency(small.id("ban-tg")))
    }

    @Test func abbreviationsAreWholeWordsAndCaseSensitive() {
        let abbreviations = AgencyAbbreviations.standard
        #expect(abbreviations.expand("(UBND tỉnh)") == "(Ủy ban nhân dân tỉnh)")
        #expect(abbreviations.expand("tu bổ") == nil)
        #expect(abbreviations.expand("UBNDX") == nil)
    }

    @Test func anAgencysOwnAbbreviationMatches() throws {
        let match = try matched(small.resolve("SNgV"))
        #expect(match.target == .agency(small.id("so-ngoai-vu")))
        #expect(match.how == [.abbreviationExpanded])
    }

    @Test func aliasesMatchWithAliasStep() throws {
        let match = try matched(small.resolve("UBND tỉnh"))
        #expect(match.target == .agency(small.id("ubnd-tinh")))
        #expect(match.how == [.alias])
    }

    @Test func diacriticsFoldedAsALastResort() throws {
        let match = try matched(small.resolve("So Ngoai vu"))
        #expect(match.target == .agency(small.id("so-ngoai-vu")))
        #expect(match.how == [.diacriticFolded])
        #expect(match.confidence == MatchStep.diacriticFolded.weight)
    }

    @Test func documentNoiseAroundNamesIsIgnored() throws {
        for text in ["Đề nghị Sở Tài chính", "- Sở Tài chính;", "Sở Tài chính (chủ trì)", "+ Sở Tài chính."] {
            let match = try matched(small.resolve(text))
            #expect(match.target == .agency(small.id("so-tai-chinh")), "\(text)")
            #expect(match.how == [.exact], "\(text)")
        }
    }

    @Test func provinceAndTinhAreDroppedInContext() throws {
        let bdbp = try matched(small.resolve("Bộ chỉ huy Bộ Đội biên phòng tỉnh"))
        #expect(bdbp.target == .agency(small.id("bdbp")))
        #expect(bdbp.how == [.contextual])
        #expect(try matched(small.resolve("Sở Ngoại vụ tỉnh Lạng Sơn")).how == [.contextual])
        #expect(try matched(small.resolve("Sở Tài chính Lạng Sơn")).target == .agency(small.id("so-tai-chinh")))
        #expect(try matched(small.resolve("Công an tỉnh")).target == .agency(small.id("cong-an")))
        #expect(try matched(small.resolve("Sở Ngoại vụ tỉnh")).target == .agency(small.id("so-ngoai-vu")))
        // The province put back: `Đài … tỉnh` is `Đài … Lạng Sơn`.
        #expect(try matched(small.resolve("Đài Phát thanh - Truyền hình tỉnh")).matched == .agency(small.id("dai")))
        #expect(try matched(small.resolve("Mặt trận Tổ quốc")).target == .agency(small.id("mttq")))
    }

    @Test func anotherProvincesNameDoesNotMatch() {
        let resolution = small.resolve("Sở Ngoại vụ tỉnh Cao Bằng")
        #expect(resolution.match == nil)
        #expect(resolution.suggestions.first?.target == .agency(small.id("so-ngoai-vu")))
        // Without the context's province, a place-suffixed name is not guessed either.
        #expect(small.resolve("Sở Tài chính Lạng Sơn", province: nil).match == nil)
    }

    @Test func aProvinceNameIsNotStrippedToOneWord() {
        #expect(small.resolve("Báo").match == nil)
        #expect(small.resolve("Đài").match == nil)
    }

    @Test func issuerContextReadsRelativeNames() throws {
        let ngv = try matched(small.resolve("Văn phòng Sở", issuer: "so-ngoai-vu"))
        #expect(ngv.target == .agency(small.id("sngv-van-phong")))
        #expect(ngv.how == [.contextual])
        let tc = try matched(small.resolve("Văn phòng Sở", issuer: "so-tai-chinh"))
        #expect(tc.target == .agency(small.id("stc-van-phong")))
        #expect(
            try matched(small.resolve("Văn phòng", issuer: "so-ngoai-vu")).target == .agency(small.id("sngv-van-phong"))
        )
        #expect(
            try matched(small.resolve("Văn phòng", issuer: "ubnd-tinh")).target == .agency(small.id("van-phong-ubnd")))
        // From a unit, the department's other units are still in scope.
        #expect(
            try matched(small.resolve("Văn phòng Sở", issuer: "sngv-qlbg")).target
                == .agency(small.id("sngv-van-phong")))
        // Without an issuer there is nothing to be relative to.
        #expect(small.resolve("Văn phòng Sở").match == nil)
        #expect(small.resolve("Văn phòng").match == nil)
    }

    @Test func sameNameUnderTwoParentsIsAmbiguousUnlessTheIssuerSays() throws {
        let resolution = small.resolve("Trung tâm Dịch vụ đối ngoại")
        guard case .unresolved(let suggestions, let ambiguous) = resolution else {
            Issue.record("expected ambiguity, got \(resolution)")
            return
        }
        #expect(ambiguous)
        #expect(
            Set(suggestions.prefix(2).map(\.target)) == [
                .agency(small.id("sngv-trung-tam")), .agency(small.id("stc-trung-tam")),
            ])
        let scoped = try matched(small.resolve("Trung tâm Dịch vụ đối ngoại", issuer: "so-ngoai-vu"))
        #expect(scoped.target == .agency(small.id("sngv-trung-tam")))
        #expect(scoped.how == [.exact])
    }

    @Test func theDocumentsDateChoosesBetweenNamesakes() throws {
        #expect(try matched(small.resolve("Sở Du lịch", on: "2005-01-01")).target == .agency(small.id("so-du-lich-cu")))
        #expect(try matched(small.resolve("Sở Du lịch", on: "2024-06-01")).target == .agency(small.id("so-du-lich")))
        #expect(small.resolve("Sở Du lịch", on: "2015-01-01").match == nil)
    }

    @Test func abolishedAgenciesSayWhenTheyEnded() throws {
        let match = try matched(small.resolve("UBND huyện Cao Lộc", on: "2021-03-01"))
        #expect(match.target == .agency(small.id("ubnd-cao-loc")))
        #expect(match.endedOn == DirectoryTestSupport.date("2025-06-30"))
        #expect(try matched(small.resolve("Sở Ngoại vụ")).endedOn == nil)
    }

    @Test func groupsResolveAsGroups() throws {
        let sbn = try matched(small.resolve("các sở, ban, ngành"))
        #expect(sbn.target == .group(small.id("cac-so-ban-nganh")))
        #expect(sbn.how == [.contextual])
        #expect(try matched(small.resolve("Các sở, ban, ngành tỉnh")).how == [.exact])
        #expect(try matched(small.resolve("Sở, ban, ngành")).target == .group(small.id("cac-so-ban-nganh")))
        let communes = try matched(small.resolve("UBND các xã, phường"))
        #expect(communes.target == .group(small.id("ubnd-cac-xa")))
        #expect(communes.how == [.abbreviationExpanded])
    }

    @Test func unknownNamesGetRankedSuggestionsNotGuesses() {
        let resolution = small.resolve("Sở Văn hóa và Thể thao")
        #expect(resolution.match == nil)
        let suggestions = resolution.suggestions
        #expect(suggestions.first?.target == .agency(small.id("so-vhttdl")))
        #expect(zip(suggestions, suggestions.dropFirst()).allSatisfy { $0.score >= $1.score })
        #expect(suggestions.allSatisfy { $0.score >= 0.34 && $0.score <= 1 })
        #expect(small.resolve("Hợp tác xã Bình Minh").suggestions.isEmpty)
        #expect(small.resolve("   ").suggestions.isEmpty)
    }

    @Test func confidenceFallsWithLooserSteps() throws {
        let exact = try matched(small.resolve("Sở Ngoại vụ")).confidence
        let alias = try matched(small.resolve("UBND tỉnh")).confidence
        let contextual = try matched(small.resolve("Sở Ngoại vụ tỉnh")).confidence
        let folded = try matched(small.resolve("So Ngoai vu")).confidence
        #expect(exact > alias && alias > contextual && contextual > folded)
    }

    @Test func resolvingThousandsOfNamesIsFast() {
        let names = [
            "Sở Ngoại vụ", "UBND tỉnh", "Sở TT&TT", "Bộ chỉ huy Bộ Đội biên phòng tỉnh", "các sở, ban, ngành",
            "So Ngoai vu", "Sở Văn hóa và Thể thao", "Văn phòng Sở",
        ]
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for i in 0..<4000 { _ = small.resolve(names[i % names.count], issuer: "so-ngoai-vu") }
        }
        #expect(elapsed < .seconds(10), "4000 resolutions took \(elapsed)")
    }
}
