import Foundation

/// The labels of a plan's outline as Nghị định 30/2020 prints them: `I.` for parts, `1.` and `3.1.` for
/// clauses, `a)` for points, with the Vietnamese alphabet (no f, j, w, z; `đ` after `d`).
public enum OutlineLabels {
    /// The letters points are labelled with, in order.
    public static let vietnameseLetters: [String] = [
        "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x",
        "y",
    ]

    /// The letter of the `n`th point (1-based); past `y` the letters double (`aa`), which no plan reaches.
    public static func letter(_ n: Int) -> String {
        guard n >= 1 else { return vietnameseLetters[0] }
        let count = vietnameseLetters.count
        if n <= count { return vietnameseLetters[n - 1] }
        return letter((n - 1) / count) + vietnameseLetters[(n - 1) % count]
    }

    public static func roman(_ n: Int) -> String {
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var n = max(1, n)
        var out = ""
        for (value, numeral) in table {
            while n >= value {
                out += numeral
                n -= value
            }
        }
        return out
    }

    /// Whether a ref component is a Roman numeral (the part a task sits in).
    static func isRoman(_ component: Substring) -> Bool {
        !component.isEmpty && component.allSatisfy { "IVXLCDM".contains($0) }
    }

    /// What is printed before a task's title for its ref: `II.3.1` → `3.1.`, `II.3.1.a` → `a)`,
    /// `II.3` → `3.`. The reader rebuilds the same ref from these labels under the part's numeral.
    public static func label(forRef ref: String) -> String {
        let path = components(ofRef: ref)
        guard let last = path.last else { return "" }
        if last.allSatisfy({ $0.isNumber }) {
            let numbers = path.reversed().prefix { $0.allSatisfy(\.isNumber) }.reversed()
            return numbers.joined(separator: ".") + "."
        }
        return last + ")"
    }

    /// The ref without its Roman part: `II.3.1.a` → [`3`, `1`, `a`].
    public static func components(ofRef ref: String) -> [String] {
        var parts = ref.split(separator: ".")
        if let first = parts.first, isRoman(first) { parts.removeFirst() }
        return parts.map(String.init)
    }

    /// How deep a task sits under its part: `3` → 1, `3.1` → 2, `3.1.a` → 3.
    public static func depth(ofRef ref: String) -> Int {
        max(1, components(ofRef: ref).count)
    }

    /// The same place under another part: `III.2.a` under part 2 → `II.2.a`.
    public static func ref(_ ref: String, inPart part: Int) -> String {
        ([roman(part)] + components(ofRef: ref)).joined(separator: ".")
    }
}
