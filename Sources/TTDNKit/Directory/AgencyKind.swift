/// What sort of body an agency is. The raw values are stored as strings by the app and key the
/// interface labels (`agency.kind.<raw>`), so they must never be renamed.
public enum AgencyKind: String, CaseIterable, Codable, Sendable {
    /// Ủy ban nhân dân tỉnh.
    case provincialCommittee
    /// Hội đồng nhân dân (and its office).
    case peoplesCouncil
    /// Sở and sở-level bodies (Văn phòng UBND tỉnh, Thanh tra tỉnh).
    case department
    /// Ban: Ban Quản lý khu kinh tế, Ban Dân tộc…
    case board
    /// Tỉnh ủy and its bodies (Ban Tuyên giáo và Dân vận, Văn phòng Tỉnh ủy…).
    case partyBody
    /// Mặt trận Tổ quốc, Hội, Tỉnh đoàn, Liên đoàn Lao động…
    case massOrganisation
    /// Báo, đài, tạp chí.
    case press
    /// Công an tỉnh, Bộ Chỉ huy Quân sự, Bộ Chỉ huy Bộ đội Biên phòng.
    case armedForces
    case enterprise
    /// A unit inside an agency: phòng, trung tâm, văn phòng sở, thanh tra sở.
    case unit
    /// UBND xã/phường (the lower tier since 1 July 2025).
    case commune
    /// UBND huyện/thành phố/thị xã (abolished 1 July 2025; kept for old documents).
    case district
    /// Ban Chỉ đạo… (steering committees).
    case committee
    /// Ministries and other central bodies.
    case central
    case other
}

/// How an agency handed over to its successor. Splits are not modelled: when an agency's work went
/// several ways, its first succession is the one names resolve to (see `AgencyRecord.successions`).
public enum SuccessionKind: String, CaseIterable, Codable, Sendable {
    case mergedInto
    case renamedTo
}
