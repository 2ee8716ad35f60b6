import Foundation

/// The 8-bit Vietnamese encodings of older documents: convert to Unicode NFC, or refuse.
///
/// A conversion is accepted only when the result reads as Vietnamese (common words appear); a guess
/// that leaves mojibake is worse than a refusal.
enum LegacyEncoding: String, Sendable, CaseIterable {
    case windows1258 = "windows-1258"
    case tcvn3 = "tcvn3"

    var table: [UInt32] {
        switch self {
        case .windows1258: return LegacyTables.windows1258
        case .tcvn3: return LegacyTables.tcvn3
        }
    }

    /// Decodes bytes; nil when a byte is undefined in this encoding.
    func decode(_ bytes: some Collection<UInt8>) -> String? {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if byte < 0x80 {
                scalars.append(Unicode.Scalar(byte))
                continue
            }
            let value = table[Int(byte) - 0x80]
            guard value != 0xFFFD, let scalar = Unicode.Scalar(value) else { return nil }
            scalars.append(scalar)
        }
        return VietnameseText.nfc(String(scalars))
    }

    /// Words that make up a good share of any Vietnamese administrative text.
    static let commonWords: Set<String> = [
        "của", "và", "các", "trong", "được", "năm", "thông", "tin", "tỉnh", "người", "những", "với", "cho",
        "này", "đối", "ngoại", "thực", "hiện", "công", "tác", "kế", "hoạch", "nhân", "dân", "về", "là", "có",
        "một", "không", "đã", "theo", "ban", "sở", "ủy", "hội", "phát", "triển", "tuyên", "truyền", "quốc",
        "tế", "việt", "nam", "nội", "dung", "đơn", "vị", "tổ", "chức", "quản", "lý", "đề", "nghị", "số",
    ]

    /// The share of words (of the first 4,000) that are common Vietnamese words.
    static func vietnameseScore(_ text: String) -> Double {
        var total = 0
        var hits = 0
        for word in text.prefix(40_000).lowercased().split(whereSeparator: { !$0.isLetter }) {
            total += 1
            if commonWords.contains(String(word)) { hits += 1 }
            if total >= 4_000 { break }
        }
        return total == 0 ? 0 : Double(hits) / Double(total)
    }

    static let acceptScore = 0.08

    /// Bytes that are not UTF-8: the legacy encoding that reads best, or a refusal.
    static func detect(_ bytes: [UInt8]) throws(PlanReadError) -> (String, LegacyEncoding) {
        var best: (String, LegacyEncoding, Double)?
        for encoding in allCases {
            guard let text = encoding.decode(bytes) else { continue }
            let score = vietnameseScore(text)
            if best == nil || score > best!.2 { best = (text, encoding, score) }
        }
        if let best, best.2 >= acceptScore { return (best.0, best.1) }
        if looksLikeVNI(bytes) { throw .legacyEncodingUnconvertible("the VNI encoding") }
        throw .legacyEncodingUnconvertible("an 8-bit encoding that is not Windows-1258 or TCVN3")
    }

    /// VNI writes a base letter followed by a mark byte (`ö`, `ø`, `ù`, `û`, `õ`, `ï`): many ASCII
    /// vowels directly followed by one of those bytes.
    static func looksLikeVNI(_ bytes: [UInt8]) -> Bool {
        let marks: Set<UInt8> = [
            0xF8, 0xF9, 0xFB, 0xF5, 0xEF, 0xE2, 0xEA, 0xF4, 0xF6, 0xD8, 0xD9, 0xDB, 0xD5, 0xCF, 0xC2, 0xCA, 0xD4, 0xD6,
        ]
        let vowels: Set<UInt8> = Set("aeiouyAEIOUY".utf8)
        var pairs = 0
        var high = 0
        for i in 1..<max(1, bytes.count) where bytes[i] >= 0x80 {
            high += 1
            if marks.contains(bytes[i]), vowels.contains(bytes[i - 1]) { pairs += 1 }
        }
        return high > 10 && pairs * 2 > high
    }

    /// Text that is valid Unicode but was typed in a legacy font (`.VnTime`): `KÕ ho¹ch` for `Kế hoạch`.
    /// Maps the characters back to bytes and decodes them, when that reads far better.
    static func repairFontEncoded(_ text: String) -> (text: String, encoding: LegacyEncoding)? {
        var latin = 0
        var vietnamese = 0
        var seen = 0
        UTF8Text.forEachScalar(text) { v in
            switch v {
            case 0x80...0xFF: latin += 1
            case 0x102, 0x103, 0x110, 0x111, 0x1A0, 0x1A1, 0x1AF, 0x1B0, 0x1EA0...0x1EF9: vietnamese += 1
            default: break
            }
            seen += 1
            return seen < 200_000
        }
        guard latin > 20, latin > vietnamese * 4 else { return nil }
        let before = vietnameseScore(text)
        let converted = convert(text, from: .tcvn3)
        let after = vietnameseScore(converted)
        // ASCII words (`tin`, `ban`) score in the mojibake too: demand a clear gain.
        guard after >= acceptScore, after > before * 1.5 else { return nil }
        return (converted, .tcvn3)
    }

    /// Re-reads Unicode text whose characters stand for legacy bytes.
    static func convert(_ text: String, from encoding: LegacyEncoding) -> String {
        var scalars = String.UnicodeScalarView()
        let table = encoding.table
        for scalar in text.unicodeScalars {
            var byte: Int?
            if scalar.value >= 0xA0 && scalar.value <= 0xFF {
                byte = Int(scalar.value)
            } else if scalar.value >= 0x80 && scalar.value < 0xA0 {
                byte = Int(scalar.value)
            } else if let index = LegacyTables.windows1252High.firstIndex(of: scalar.value) {
                byte = 0x80 + index
            }
            if let byte, table[byte - 0x80] != 0xFFFD, let mapped = Unicode.Scalar(table[byte - 0x80]) {
                scalars.append(mapped)
            } else {
                scalars.append(scalar)
            }
        }
        return VietnameseText.nfc(String(scalars))
    }
}
