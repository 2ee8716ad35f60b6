import Foundation

/// The words Vietnamese agency names begin with, and the words that end them.
///
/// Names are recognised by their head (`Sở`, `Ban`, `UBND`, `các` + a kind of body), never by a list of
/// the names themselves: every province has different ones.
enum AgencyLexicon {
    /// Heads written with a capital (`Sở Ngoại vụ`). Keys are lower case; the word must be capitalised.
    static let heads: [[String]] = [
        "sở", "ban", "ủy ban", "hội đồng", "báo", "đài", "công an", "bộ", "văn phòng", "trung tâm",
        "phòng", "hội", "mặt trận", "liên minh", "liên đoàn", "liên hiệp", "tỉnh đoàn", "thành đoàn",
        "huyện đoàn", "đoàn", "tỉnh ủy", "thành ủy", "huyện ủy", "thị ủy", "đảng ủy", "đảng đoàn",
        "cục", "chi cục", "tổng cục", "viện", "trường", "học viện", "đại học", "bệnh viện", "thanh tra",
        "kho bạc", "ngân hàng", "bảo hiểm", "hải quan", "tòa án", "thông tấn xã", "tạp chí", "công ty",
        "tổng công ty", "hiệp hội", "quân khu", "bộ đội", "cảnh sát", "chi nhánh", "cổng", "cảng vụ",
        "đồn", "hạt", "lãnh đạo", "thường trực", "thành viên", "các", "những", "cơ quan", "đơn vị",
        "ủy viên", "chủ tịch", "giám đốc", "tổ", "đội", "câu lạc bộ", "nhà", "khu", "vườn quốc gia",
    ].map { $0.split(separator: " ").map(String.init) }

    /// Heads written as capitalised abbreviations (rules.md §7). Matched on the key.
    static let abbreviations: Set<String> = [
        "ubnd", "hđnd", "mttq", "bch", "bđbp", "vp", "vpubnd", "ttđn", "đbqh", "ubmttq", "đtn", "tw",
        "ttxvn", "vtv", "vov", "ptth", "pt-th",
    ]

    /// Heads that are only a head when followed by the kind of body they group (`các sở`, not `các nội dung`).
    static let groupHeads: Set<String> = ["các", "những"]

    /// Nouns that make a name of the verb after them: `Nhà in Báo Lạng Sơn`, `Nhà xuất bản Thông tấn`.
    static let nameHeads: Set<String> = ["nhà"]

    /// A head and the lower-case word that continues it as a name, though the word also starts a predicate:
    /// `Ngân hàng Nhà nước`, `Ban quản lý dự án`, `Ban chỉ đạo`, `Ban tổ chức`.
    static let nameContinuations: Set<[String]> = [
        ["ngân", "hàng"], ["ban", "quản"], ["ban", "chỉ"], ["ban", "tổ"],
        // `Bộ Ngoại giao`, `Học viện Ngoại giao`: `giao` (to assign) is part of `ngoại giao` (diplomacy).
        ["ngoại", "giao"],
    ]

    /// Kinds of body a group mention can name: `các sở, ban, ngành`, `các cơ quan, đơn vị có liên quan`.
    static let groupNouns: [[String]] = [
        "sở", "ban", "ngành", "cơ quan", "đơn vị", "địa phương", "tổ chức", "doanh nghiệp", "huyện",
        "xã", "phường", "thị trấn", "thành phố", "thị xã", "phòng", "trung tâm", "hội", "đoàn thể",
        "trường", "cơ sở", "thành viên", "hiệp hội", "ủy ban", "bộ", "cấp", "đảng ủy", "huyện ủy",
        "thành ủy", "thị ủy", "cục", "chi cục", "chi bộ", "báo", "đài", "tòa soạn", "nhà trường",
        "đồn", "đồn biên phòng", "ban ngành", "sở ngành", "ngành chức năng", "thôn", "bản", "làng",
        "cụm", "tỉnh", "nước", "đối tác",
    ].map { $0.split(separator: " ").map(String.init) }

    /// Heads that start a new name after `và` (a shorter list than after a comma: `Văn phòng Đoàn ĐBQH
    /// và HĐND tỉnh` is one body).
    static let headsAfterAnd: Set<String> = [
        "sở", "ban", "ủy", "ubnd", "báo", "đài", "công", "bộ", "văn", "trung", "phòng", "hội", "mặt",
        "các", "những", "tỉnh", "liên", "cục", "chi", "thanh", "ngân", "trường", "viện", "mttq",
    ]

    /// Words that begin the predicate after a subject (`Sở Tài chính tham mưu …`). Matched only in
    /// lower case: `Ban Chỉ đạo` and `Ban Quản lý` are names, `chỉ đạo` after a name is a verb.
    static let predicates: [[String]] = [
        "là", "có trách nhiệm", "chịu trách nhiệm", "chủ trì", "phối hợp", "tham mưu", "tổ chức",
        "triển khai", "thực hiện", "chỉ đạo", "hướng dẫn", "xây dựng", "tuyên truyền", "giới thiệu",
        "quảng bá", "cung cấp", "theo dõi", "đôn đốc", "kịp thời", "chủ động", "tăng cường", "đẩy mạnh",
        "nghiên cứu", "bố trí", "tổng hợp", "bảo đảm", "đảm bảo", "sản xuất", "căn cứ", "nghiêm túc",
        "khẩn trương", "rà soát", "hỗ trợ", "huy động", "lồng ghép", "biên soạn", "phát hành", "đăng tải",
        "cập nhật", "duy trì", "vận hành", "phổ biến", "tiếp tục", "định kỳ", "báo cáo", "gửi", "trình",
        "ban hành", "tập trung", "nâng cao", "quán triệt", "dự kiến", "thường xuyên", "phát huy",
        "quan tâm", "giúp", "để", "nhằm", "cùng", "tiến hành", "thẩm định", "xem xét", "kiểm tra",
        "giám sát", "đề xuất", "ký kết", "biên tập", "phát sóng", "đưa tin", "vận động", "xử lý",
        "đấu tranh", "theo", "đề nghị", "được", "sẽ", "cần", "phải", "làm", "thống nhất", "tích cực",
        "chuẩn bị", "mở", "đón", "tiếp", "cử", "giao", "lựa chọn", "đăng", "in", "xuất bản", "hoàn thành",
        "tranh thủ", "mời", "thông báo", "đánh giá", "khai thác", "quản lý",
        // Not verbs, but a name never goes on past them: `… về Sở Ngoại vụ khi có yêu cầu`.
        "khi", "trước", "hằng", "hàng", "vào", "chậm nhất", "kể từ",
    ].map { $0.split(separator: " ").map(String.init) }

    /// Words after which the rest of a clause is what is charged, not who: `Giao Sở X chủ trì`.
    static let leadIns: Set<String> = ["giao", "do", "đề nghị", "yêu cầu"]

    /// Phrases grouped by their first word, longest first: one dictionary look-up per word instead
    /// of a scan of the whole list (the lists are consulted for nearly every word of a plan).
    static func index(_ phrases: [[String]]) -> [String: [[String]]] {
        var out: [String: [[String]]] = [:]
        for phrase in phrases { out[phrase[0], default: []].append(phrase) }
        return out.mapValues { $0.sorted { $0.count > $1.count } }
    }

    static let headIndex = index(heads)
    static let groupNounIndex = index(groupNouns)
    static let predicateIndex = index(predicates)

    /// Whether an agency name starts at `index`. `requireCapital` is off for group heads (`các`).
    static func startsName(_ words: [Word], at index: Int) -> Bool {
        guard index < words.count else { return false }
        let word = words[index]
        if abbreviations.contains(word.key) || isAcronymHead(word) { return true }
        if groupHeads.contains(word.key) {
            return groupNoun(words, at: index + 1) > 0
        }
        guard word.isCapitalised else { return false }
        if index + 1 < words.count, notNames[word.key]?.contains(words[index + 1].key) == true { return false }
        return headIndex[word.key]?.contains { Words.matches(words, at: index, $0) } ?? false
    }

    /// A head word followed by these is a common word, not a body: `Báo cáo kết quả …` is a report, `Hội
    /// nghị` a meeting, `Ban hành` to issue, `Phòng, chống` to prevent.
    static let notNames: [String: Set<String>] = [
        "báo": ["cáo", "chí"], "hội": ["nghị", "thảo", "chợ", "nhập", "thi", "diễn", "báo", "đàm", "ý"],
        "ban": ["hành"], "phòng": ["chống", "ngừa", "tránh"], "sở": ["hữu", "thích", "dĩ"],
        "trung": ["thực", "thành", "bình"], "đài": ["tưởng"],
    ]

    /// A word in capitals of 2–8 letters (`UBND`, `BTGTU`) reads as an abbreviated body; a Roman numeral
    /// (`XIII` in `Đại hội XIII của Đảng`) does not.
    static func isAcronymHead(_ word: Word) -> Bool {
        let letters = word.letterCount
        guard letters >= 2, letters <= 8, word.isAllCaps else { return false }
        if word.core.allSatisfy({ "IVXLCDM".contains($0) }) { return false }
        return word.startsWithLetter
    }

    /// The number of words a group noun spans at `index` (0 when none).
    static func groupNoun(_ words: [Word], at index: Int) -> Int {
        guard index < words.count, let candidates = groupNounIndex[words[index].key] else { return 0 }
        for noun in candidates where index + noun.count <= words.count {
            var ok = true
            for (offset, part) in noun.enumerated() where words[index + offset].key != part {
                ok = false
                break
            }
            if ok { return noun.count }
        }
        return 0
    }

    /// `Sở Ngoại vụ - cơ quan thường trực …`: a dash before a word that describes a role opens an apposition
    /// that is not part of the name. Names hold dashes too (`Sở Lao động - Thương binh và Xã hội`, `các tổ
    /// chức chính trị - xã hội`), so only these role words count.
    static func opensApposition(_ words: [Word], at index: Int) -> Bool {
        guard index + 1 < words.count, words[index].key == "-" || words[index].key == "–" else { return false }
        return appositionStarts.contains { Words.matches(words, at: index + 1, $0) }
    }

    static let appositionStarts: [[String]] = [
        ["cơ", "quan"], ["đơn", "vị"], ["thường", "trực"], ["thành", "viên"],
    ]

    /// The number of words a lower-case predicate spans at `index` (0 when none).
    static func predicate(_ words: [Word], at index: Int) -> Int {
        guard index < words.count, words[index].startsLowercase else { return 0 }
        // After `các`/`những` a verb is a noun: `các tổ chức chính trị - xã hội`.
        if index > 0, groupHeads.contains(words[index - 1].key) || nameHeads.contains(words[index - 1].key) { return 0 }
        if index > 0, nameContinuations.contains([words[index - 1].key, words[index].key]) { return 0 }
        for phrase in predicateIndex[words[index].key] ?? [] where Words.matches(words, at: index, phrase) {
            return phrase.count
        }
        return 0
    }
}
