import Foundation

/// A target number a plan gives for a task: `phát hành 04 số` → 4 `số`, `02 lớp tập huấn` → 2 `lớp tập
/// huấn`, `100 tin, bài` → 100 `tin, bài`. Progress is measured against these.
public struct ExpectedOutput: Sendable, Hashable, Codable {
    public var count: Int
    public var unit: String

    public init(count: Int, unit: String) {
        self.count = count
        self.unit = unit
    }

    /// Words that end a unit: what follows is who, where or what about, not what is counted.
    static let unitStops: Set<String> = [
        "cho", "tại", "tai", "về", "ve", "của", "cua", "trên", "tren", "với", "voi", "và", "va", "để", "de", "nhằm",
        "nham",
        "trong", "theo", "mỗi", "moi", "năm", "nam", "quý", "quy", "tháng", "thang", "từ", "tu", "đến", "den", "được",
        "duoc",
        "do", "ở", "o", "gồm", "gom", "hoặc", "hoac",
    ]
    /// Units written with a comma inside (`tin, bài`).
    static let pairedUnits: [(String, String)] = [("tin", "bài"), ("bài", "tin"), ("tin", "ảnh"), ("sách", "ấn phẩm")]

    /// Every count followed by a unit in `text`. Skipped: rates (`01 số/quý`), years (`2024`), dates
    /// (`15/11`), ordinal or document numbers (`số 72`, `Quý 2`, `ngày 5`), percentages.
    public static func parse(_ text: String) -> [ExpectedOutput] {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\n" }).map(String.init)
        var out: [ExpectedOutput] = []
        var i = 0
        while i < words.count {
            defer { i += 1 }
            var token = words[i]
            while let first = token.first, "(“\"".contains(first) { token.removeFirst() }
            let digits = token.filter { $0 != "." }
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), token.first?.isNumber == true,
                let n = Int(digits), n > 0, n < 1_000_000
            else { continue }
            // A year, or a number written as `1.5`.
            if (1900...2100).contains(n) && digits.count == 4 { continue }
            if token.contains(".") && !isThousands(token) { continue }
            let before = i > 0 ? VietnameseText.fold(words[i - 1]).trimmingCharacters(in: .punctuationCharacters) : ""
            if ["so", "ngay", "thang", "nam", "quy", "lan thu", "thu", "khoan", "muc", "dieu", "tuan", "ky"].contains(
                before)
            {
                continue
            }
            guard i + 1 < words.count else { continue }
            // A rate or a date (`01 số/quý`, `15/11`) is not a target.
            if words[i + 1].contains("/") || token.contains("/") || words[i + 1].hasPrefix("%") { continue }
            var unit: [String] = []
            var j = i + 1
            while j < words.count, unit.count < 3 {
                var w = words[j]
                let folded = VietnameseText.fold(w.trimmingCharacters(in: .punctuationCharacters))
                if unitStops.contains(folded) || w.first?.isNumber == true || w.first == "(" { break }
                var ends = false
                if let last = w.last, ",;.:)".contains(last) {
                    ends = true
                    while let l = w.last, ",;.:)".contains(l) { w.removeLast() }
                }
                guard !w.isEmpty, w.first?.isLetter == true else { break }
                unit.append(w)
                j += 1
                if ends {
                    // `tin, bài`: a known pair across the comma is one unit.
                    if words[j - 1].hasSuffix(","), unit.count == 1, j < words.count {
                        let next = words[j].trimmingCharacters(in: CharacterSet(charactersIn: ",;.:)"))
                        if pairedUnits.contains(where: { $0.0 == unit[0].lowercased() && $0.1 == next.lowercased() }) {
                            unit[0] += ", " + next
                            j += 1
                        }
                    }
                    break
                }
            }
            guard !unit.isEmpty else { continue }
            out.append(ExpectedOutput(count: n, unit: unit.joined(separator: " ")))
            i = j - 1
        }
        return out
    }

    /// `1.000` (a thousands separator), not `1.5`.
    static func isThousands(_ token: String) -> Bool {
        let groups = token.split(separator: ".", omittingEmptySubsequences: false)
        return groups.count > 1 && groups.dropFirst().allSatisfy { $0.count == 3 } && (1...3).contains(groups[0].count)
    }
}
