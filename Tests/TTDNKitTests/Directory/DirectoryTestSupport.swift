import Foundation
import Testing

@testable import TTDNKit

/// Shared helpers for the directory tests: a small hand-made directory, fixture loading, repository paths.
enum DirectoryTestSupport {
    /// The repository root, found from this file (symlinks resolved, so a side package that links the test
    /// folder still finds the real tree).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `../shared/plan-extraction/gold` next to the repository (present on CI and on the team's machines).
    static let goldDirectory = repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/plan-extraction/gold", isDirectory: true)

    static var goldAvailable: Bool {
        FileManager.default.fileExists(atPath: goldDirectory.path)
    }

    /// Whether the gold tests run: where the gold is, and always in CI (`CI` set), where an absent gold
    /// directory then fails them instead of skipping them.
    static var runGold: Bool {
        let ci = ProcessInfo.processInfo.environment["CI"] ?? ""
        return goldAvailable || (!ci.isEmpty && ci != "0" && ci.lowercased() != "false")
    }

    /// Decodes a CSV file into records, failing the test with every error if it does not decode.
    static func decodeFile(_ url: URL) throws -> AgencyCSV.Decoded {
        let data = try Data(contentsOf: url)
        switch AgencyCSV.decode(data) {
        case .success(let decoded): return decoded
        case .failure(let failure):
            Issue.record("\(url.lastPathComponent): \(failure.errors.map(\.message).joined(separator: "\n"))")
            throw failure
        }
    }

    static func fixtureDirectory(_ name: String) throws -> AgencyDirectory {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures/Directory"),
            "fixture \(name).csv is bundled")
        let decoded = try decodeFile(url)
        return AgencyDirectory(agencies: decoded.agencies, groups: decoded.groups)
    }

    static func date(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    /// "Today" for the tests: after the 2025 reorganisation, pinned so the suite does not drift.
    static let today = date("2026-01-15")
}

/// A small directory of a Lạng Sơn-like province, written by hand so each rule has its own case.
struct SmallDirectory {
    let directory: AgencyDirectory
    private let codes: [String: UUID]

    init() {
        var codes: [String: UUID] = [:]
        func id(_ code: String) -> UUID {
            if let id = codes[code] { return id }
            let id = UUID()
            codes[code] = id
            return id
        }
        let d = DirectoryTestSupport.date
        func agency(
            _ code: String, _ name: String, _ kind: AgencyKind, short: String? = nil, parent: String? = nil,
            aliases: [String] = [], abbreviations: [String] = [], from: String? = nil, to: String? = nil,
            successor: String? = nil, on effective: String? = nil
        ) -> AgencyRecord {
            AgencyRecord(
                id: id(code), code: code, officialName: name, shortName: short, aliases: aliases,
                abbreviations: abbreviations, kind: kind, parentID: parent.map(id), validFrom: from.map(d),
                validTo: to.map(d),
                successions: successor.map {
                    [Succession(successorID: id($0), kind: .mergedInto, effective: d(effective!))]
                } ?? [])
        }
        let agencies = [
            agency("ubnd-tinh", "Ủy ban nhân dân tỉnh Lạng Sơn", .provincialCommittee, short: "UBND tỉnh"),
            agency("van-phong-ubnd", "Văn phòng Ủy ban nhân dân tỉnh", .department, parent: "ubnd-tinh"),
            agency("so-ngoai-vu", "Sở Ngoại vụ", .department, parent: "ubnd-tinh", abbreviations: ["SNgV"]),
            agency("sngv-van-phong", "Văn phòng Sở Ngoại vụ", .unit, parent: "so-ngoai-vu"),
            agency("sngv-qlbg", "Phòng Quản lý biên giới", .unit, parent: "so-ngoai-vu"),
            agency(
                "sngv-thanh-tra", "Thanh tra Sở Ngoại vụ", .unit, parent: "so-ngoai-vu", to: "2025-06-30",
                successor: "thanh-tra-tinh", on: "2025-07-01"),
            agency("sngv-trung-tam", "Trung tâm Dịch vụ đối ngoại", .unit, parent: "so-ngoai-vu"),
            agency("thanh-tra-tinh", "Thanh tra tỉnh", .department, parent: "ubnd-tinh"),
            agency("so-tai-chinh", "Sở Tài chính", .department, parent: "ubnd-tinh"),
            agency("stc-van-phong", "Văn phòng Sở Tài chính", .unit, parent: "so-tai-chinh"),
            agency("stc-trung-tam", "Trung tâm Dịch vụ đối ngoại", .unit, parent: "so-tai-chinh"),
            agency("so-vhttdl", "Sở Văn hóa, Thể thao và Du lịch", .department, parent: "ubnd-tinh"),
            agency("so-khcn", "Sở Khoa học và Công nghệ", .department, parent: "ubnd-tinh"),
            agency(
                "so-tttt", "Sở Thông tin và Truyền thông", .department, parent: "ubnd-tinh", to: "2025-02-28",
                successor: "so-khcn", on: "2025-03-01"),
            agency("so-du-lich-cu", "Sở Du lịch", .department, parent: "ubnd-tinh", to: "2008-03-31"),
            agency("so-du-lich", "Sở Du lịch", .department, parent: "ubnd-tinh", from: "2024-01-01"),
            agency("tinh-uy", "Tỉnh ủy Lạng Sơn", .partyBody, short: "Tỉnh ủy"),
            agency("ban-tgdv", "Ban Tuyên giáo và Dân vận Tỉnh ủy", .partyBody, parent: "tinh-uy", from: "2025-03-01"),
            agency(
                "ban-tg", "Ban Tuyên giáo Tỉnh ủy", .partyBody, parent: "tinh-uy", to: "2025-02-28",
                successor: "ban-tgdv", on: "2025-03-01"),
            agency(
                "dai", "Đài Phát thanh - Truyền hình Lạng Sơn", .press, to: "2025-02-28", successor: "bao-ptth",
                on: "2025-03-01"),
            agency("bao-ptth", "Báo và Phát thanh, Truyền hình Lạng Sơn", .press, from: "2025-03-01"),
            agency("bao", "Báo Lạng Sơn", .press, to: "2025-02-28", successor: "bao-ptth", on: "2025-03-01"),
            agency("cong-an", "Công an tỉnh Lạng Sơn", .armedForces),
            agency("bdbp", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lạng Sơn", .armedForces),
            agency(
                "mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lạng Sơn", .massOrganisation,
                aliases: ["Mặt trận Tổ quốc tỉnh"]),
            agency("ubnd-cao-loc", "Ủy ban nhân dân huyện Cao Lộc", .district, parent: "ubnd-tinh", to: "2025-06-30"),
            agency("ubnd-dong-dang", "Ủy ban nhân dân xã Đồng Đăng", .commune, parent: "ubnd-tinh", from: "2025-07-01"),
        ]
        let groups = [
            AgencyGroupRecord(
                id: id("cac-so-ban-nganh"), code: "cac-so-ban-nganh", name: "Các sở, ban, ngành tỉnh",
                memberIDs: [id("so-ngoai-vu"), id("so-tai-chinh")]),
            AgencyGroupRecord(
                id: id("ubnd-cac-xa"), code: "ubnd-cac-xa", name: "Ủy ban nhân dân các xã, phường",
                memberIDs: [id("ubnd-dong-dang")]),
        ]
        self.codes = codes
        self.directory = AgencyDirectory(agencies: agencies, groups: groups)
    }

    func id(_ code: String) -> UUID { codes[code]! }

    /// Resolves as the tests usually do: a 2023 document, today pinned, Lạng Sơn's directory.
    func resolve(
        _ text: String, on date: String = "2023-06-01", issuer: String? = nil, province: String? = "Lạng Sơn",
        today: LocalDate = DirectoryTestSupport.today
    ) -> AgencyResolution {
        directory.resolve(
            text, on: DirectoryTestSupport.date(date),
            context: ResolutionContext(issuerID: issuer.map(id), province: province, today: today))
    }
}
