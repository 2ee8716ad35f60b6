import Foundation
import Testing

@testable import TTDNKit

/// Every agency name the extraction gold files hold (tasks' lead and support, responsibilities' agencies)
/// must resolve, not merely get suggestions, against a directory of that province; old names to their 2025
/// successors, group mentions to groups. The gold lives outside the repository (../shared); CI has it.
@Suite struct GoldAgencyNamesTests {
    struct GoldDocument {
        var file: String
        var province: String
        var date: LocalDate
        var symbol: String?
        var names: [String]
    }

    /// The province of each gold document, by its place or, when the place is missing, by its title.
    static let provinces = ["Cao Bằng": "cao-bang", "Lạng Sơn": "lang-son", "Nghệ An": "nghe-an"]

    static func loadGold() throws -> [GoldDocument] {
        let files = try FileManager.default.contentsOfDirectory(atPath: DirectoryTestSupport.goldDirectory.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        return try files.map { file in
            let data = try Data(contentsOf: DirectoryTestSupport.goldDirectory.appendingPathComponent(file))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let title = json["title"] as? String ?? ""
            let place = json["place"] as? String
            let province = try #require(
                place ?? provinces.keys.first { title.contains($0) }, "\(file): no province in place or title")
            // Dates may be a day, a month (`2020-11`), or missing (then the plan's year).
            let dateText = json["date"] as? String ?? ""
            let year = json["year"] as? Int ?? 2023
            let date =
                LocalDate(iso: dateText) ?? LocalDate(iso: dateText + "-01")
                ?? LocalDate(year: year, month: 1, day: 1)!
            var names: [String] = []
            for task in json["tasks"] as? [[String: Any]] ?? [] {
                names += task["lead"] as? [String] ?? []
                names += task["support"] as? [String] ?? []
            }
            for responsibility in json["responsibilities"] as? [[String: Any]] ?? [] {
                names += responsibility["agencies"] as? [String] ?? []
            }
            var seen: Set<String> = []
            return GoldDocument(
                file: file, province: province, date: date, symbol: json["symbol"] as? String,
                names: names.filter { seen.insert($0).inserted })
        }
    }

    /// A group mention: a plural (`các …`, `… các xã`) or a list of sorts of body (`Sở, ban, ngành`).
    static func isGroupMention(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasPrefix("các ") || lower.contains(" các ") || lower.hasPrefix("sở, ban")
    }

    /// Resolves every name of `document`, the issuer taken from the symbol (`KH-SNgV` → `SNgV`).
    static func check(_ document: GoldDocument, against directory: AgencyDirectory, label: String) throws {
        let today = DirectoryTestSupport.today
        var issuerID: UUID?
        if let symbol = document.symbol, let issuerPart = symbol.split(separator: "-").last {
            let issuer = directory.resolve(
                String(issuerPart), on: document.date,
                context: ResolutionContext(province: document.province, today: today))
            issuerID = issuer.match?.target.id
            #expect(issuerID != nil, "\(label): issuer \(symbol) did not resolve")
        }
        let context = ResolutionContext(issuerID: issuerID, province: document.province, today: today)
        for name in document.names {
            let resolution = directory.resolve(name, on: document.date, context: context)
            guard let match = resolution.match else {
                Issue.record(
                    "\(label): “\(name)” unresolved; suggestions: \(resolution.suggestions.map { "\($0.name) \($0.score)" })"
                )
                continue
            }
            if isGroupMention(name) {
                guard case .group = match.target else {
                    Issue.record(
                        "\(label): “\(name)” is a group mention but resolved to \(directory.name(of: match.target) ?? "?")"
                    )
                    continue
                }
            }
            // Whatever the name, the answer is what the agency is today: never one that has merged away.
            if case .agency(let id) = match.target, let agency = directory.agency(id) {
                #expect(
                    agency.successions.allSatisfy { $0.effective > today },
                    "\(label): “\(name)” stopped at a predecessor")
            }
            #expect(match.confidence >= 0.7, "\(label): “\(name)” confidence \(match.confidence)")
        }
    }

    @Test(.enabled(if: DirectoryTestSupport.runGold, "../shared/plan-extraction/gold is absent (CI has it)"))
    func everyGoldAgencyNameResolvesAgainstItsProvincesFixture() throws {
        let documents = try Self.loadGold()
        #expect(!documents.isEmpty)
        for document in documents {
            let fixture = try #require(Self.provinces[document.province], "no fixture for \(document.province)")
            let directory = try DirectoryTestSupport.fixtureDirectory(fixture)
            try Self.check(document, against: directory, label: "\(document.file) vs \(fixture).csv")
        }
    }

    @Test(.enabled(if: DirectoryTestSupport.runGold, "../shared/plan-extraction/gold is absent (CI has it)"))
    func lang_SonGoldNamesResolveAgainstTheDemoDirectory() throws {
        let decoded = try DirectoryTestSupport.decodeFile(DemoDirectoryTests.demoURL)
        let directory = AgencyDirectory(agencies: decoded.agencies, groups: decoded.groups)
        for document in try Self.loadGold() where document.province == "Lạng Sơn" {
            try Self.check(document, against: directory, label: "\(document.file) vs demo")
        }
    }

    /// The 2025 successions the gold names must land on, spelled out.
    @Test(.enabled(if: DirectoryTestSupport.runGold, "../shared/plan-extraction/gold is absent (CI has it)"))
    func oldNamesInGoldLandOnTheirSuccessors() throws {
        let today = DirectoryTestSupport.today
        for (fixture, province) in [("cao-bang", "Cao Bằng"), ("lang-son", "Lạng Sơn")] {
            let directory = try DirectoryTestSupport.fixtureDirectory(fixture)
            let context = ResolutionContext(province: province, today: today)
            let date = DirectoryTestSupport.date("2023-02-03")
            func code(_ name: String) -> String? {
                directory.resolve(name, on: date, context: context).match.flatMap { match in
                    directory.agency(match.target.id)?.code ?? directory.group(match.target.id)?.code
                }
            }
            #expect(code("Sở Thông tin và Truyền thông") == "so-khoa-hoc-cong-nghe")
            #expect(code("Sở Kế hoạch và Đầu tư") == "so-tai-chinh")
            #expect(code("Ban Tuyên giáo Tỉnh ủy") == "ban-tuyen-giao-dan-van-tinh-uy")
        }
        let caoBang = try DirectoryTestSupport.fixtureDirectory("cao-bang")
        let context = ResolutionContext(province: "Cao Bằng", today: today)
        let dai = try #require(
            caoBang.resolve(
                "Đài Phát thanh - Truyền hình tỉnh Cao Bằng", on: DirectoryTestSupport.date("2023-02-03"),
                context: context
            ).match)
        #expect(caoBang.agency(dai.target.id)?.code == "bao-phat-thanh-truyen-hinh")
        #expect(dai.chain.count == 2)
    }
}

@Suite struct DemoDirectoryTests {
    static let demoURL = DirectoryTestSupport.repositoryRoot.appendingPathComponent("Resources/Demo/agencies.csv")

    @Test func demoDirectoryDecodesWithoutErrors() throws {
        let decoded = try DirectoryTestSupport.decodeFile(Self.demoURL)
        #expect(decoded.agencies.count + decoded.groups.count >= 60)
        // Believable as of today: the 2025 successions are there, districts have ended, communes have begun.
        let byCode = Dictionary(uniqueKeysWithValues: decoded.agencies.map { ($0.code, $0) })
        #expect(
            byCode["so-thong-tin-truyen-thong"]?.successions.first?.successorID == byCode["so-khoa-hoc-cong-nghe"]?.id)
        #expect(
            decoded.agencies.filter { $0.kind == .district }.allSatisfy {
                $0.validTo == LocalDate(iso: "2025-06-30") && $0.successions.isEmpty
            })
        #expect(decoded.agencies.contains { $0.kind == .commune && $0.validFrom == LocalDate(iso: "2025-07-01") })
        #expect(Set(AgencyKind.allCases).subtracting(decoded.agencies.map(\.kind)).subtracting([.other]).isEmpty)
    }

    @Test func fixturesDecodeWithoutErrors() throws {
        for name in ["cao-bang", "lang-son", "nghe-an"] {
            _ = try DirectoryTestSupport.fixtureDirectory(name)
        }
    }
}

extension GoldAgencyNamesTests {
    /// Prints how each gold name resolved (run with `GOLD_REPORT=1`): a readable record for reviewers.
    @Test(.enabled(if: DirectoryTestSupport.goldAvailable && ProcessInfo.processInfo.environment["GOLD_REPORT"] != nil))
    func report() throws {
        for document in try Self.loadGold() {
            let directory = try DirectoryTestSupport.fixtureDirectory(Self.provinces[document.province]!)
            var issuerID: UUID?
            if let part = document.symbol?.split(separator: "-").last {
                issuerID =
                    directory.resolve(
                        String(part), on: document.date, context: ResolutionContext(province: document.province)
                    ).match?.target.id
            }
            let context = ResolutionContext(
                issuerID: issuerID, province: document.province, today: DirectoryTestSupport.today)
            print("== \(document.file) (\(document.province), \(document.date))")
            for name in document.names {
                let r = directory.resolve(name, on: document.date, context: context)
                if let m = r.match {
                    let chain = m.chain.compactMap { directory.agency($0)?.officialName }.joined(separator: " → ")
                    print(
                        "  \(name) ⇒ \(directory.name(of: m.target)!) [\(m.how.map(\.rawValue).joined(separator: ","))] \(String(format: "%.3f", m.confidence))\(m.chain.count > 1 ? " via " + chain : "")"
                    )
                } else {
                    print("  \(name) ⇒ UNRESOLVED \(r.suggestions.map(\.name))")
                }
            }
        }
    }
}
