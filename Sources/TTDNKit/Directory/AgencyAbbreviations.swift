/// Abbreviations that documents use inside agency names, expanded before matching (rules.md §7).
///
/// Matching is on whole words and case-sensitive: `TU` is Tỉnh ủy, but `tu` is an ordinary syllable.
/// Keys and values are NFC. A directory may be built with its own table (`AgencyDirectory(…abbreviations:)`).
public struct AgencyAbbreviations: Sendable {
    public let table: [String: String]

    public init(_ table: [String: String]) {
        var normalised: [String: String] = [:]
        for (key, value) in table { normalised[VietnameseText.nfc(key)] = VietnameseText.nfc(value) }
        self.table = normalised
    }

    /// rules.md §7 plus the department names that provincial documents abbreviate most.
    public static let standard = AgencyAbbreviations([
        "UBND": "Ủy ban nhân dân",
        "HĐND": "Hội đồng nhân dân",
        "TT&TT": "Thông tin và Truyền thông",
        "TTTT": "Thông tin và Truyền thông",
        "TT-TT": "Thông tin và Truyền thông",
        "VHTTDL": "Văn hóa, Thể thao và Du lịch",
        "VHTT&DL": "Văn hóa, Thể thao và Du lịch",
        "VH-TT&DL": "Văn hóa, Thể thao và Du lịch",
        "VH,TT&DL": "Văn hóa, Thể thao và Du lịch",
        "KH&ĐT": "Kế hoạch và Đầu tư",
        "KHĐT": "Kế hoạch và Đầu tư",
        "KH&CN": "Khoa học và Công nghệ",
        "KHCN": "Khoa học và Công nghệ",
        "MTTQ": "Mặt trận Tổ quốc",
        "MTTQVN": "Mặt trận Tổ quốc Việt Nam",
        "CT-XH": "chính trị - xã hội",
        "CTXH": "chính trị - xã hội",
        "PTTH": "Phát thanh - Truyền hình",
        "PT-TH": "Phát thanh - Truyền hình",
        "PT&TH": "Phát thanh và Truyền hình",
        "TTĐN": "thông tin đối ngoại",
        "BCĐ": "Ban Chỉ đạo",
        "BCH": "Bộ Chỉ huy",
        "BĐBP": "Bộ đội Biên phòng",
        "QS": "Quân sự",
        "VP": "Văn phòng",
        "TU": "Tỉnh ủy",
        "VPTU": "Văn phòng Tỉnh ủy",
        "LĐ-TB&XH": "Lao động - Thương binh và Xã hội",
        "LĐTB&XH": "Lao động - Thương binh và Xã hội",
        "LĐTBXH": "Lao động - Thương binh và Xã hội",
        "TN&MT": "Tài nguyên và Môi trường",
        "TNMT": "Tài nguyên và Môi trường",
        "NN&PTNT": "Nông nghiệp và Phát triển nông thôn",
        "NN&MT": "Nông nghiệp và Môi trường",
        "GD&ĐT": "Giáo dục và Đào tạo",
        "GDĐT": "Giáo dục và Đào tạo",
        "GTVT": "Giao thông vận tải",
        "DT&TG": "Dân tộc và Tôn giáo",
        "BQL": "Ban Quản lý",
        "KKT": "Khu kinh tế",
        "LĐLĐ": "Liên đoàn Lao động",
        "LHPN": "Liên hiệp Phụ nữ",
        "TNCS": "Thanh niên Cộng sản",
    ])

    /// Expands every abbreviation word of `text`, keeping punctuation around it (`(UBND)` → `(Ủy ban nhân dân)`).
    /// Returns nil when nothing was expanded, so callers can tell an expansion happened.
    public func expand(_ text: String) -> String? {
        var changed = false
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            // Peel punctuation that cannot be part of an abbreviation (`&` and `-` can).
            var core = Substring(word)
            var leading = Substring("")
            var trailing = Substring("")
            while let first = core.first, "(\"'“‘[".contains(first) {
                leading.append(first)
                core = core.dropFirst()
            }
            while let last = core.last, ",;:.)\"'”’]".contains(last) {
                trailing.insert(last, at: trailing.startIndex)
                core = core.dropLast()
            }
            if let expansion = table[String(core)] {
                changed = true
                return String(leading) + expansion + String(trailing)
            }
            return String(word)
        }
        return changed ? words.joined(separator: " ") : nil
    }
}
