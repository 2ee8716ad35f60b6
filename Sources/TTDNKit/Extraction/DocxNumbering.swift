import Foundation

/// Word's automatic numbering (`word/numbering.xml`), replayed to rebuild the `I.`, `1.`, `a)` labels a
/// plan shows but its text does not contain.
struct DocxNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = "%1."
    }

    /// abstractNumId → levels by ilvl.
    private var abstract: [String: [Int: Level]] = [:]
    /// numId → (abstractNumId, start overrides by ilvl).
    private var instances: [String: (abstract: String, starts: [Int: Int])] = [:]
    /// numId → current counters by ilvl.
    private var counters: [String: [Int: Int]] = [:]

    init() {}

    init(xml: [UInt8]) throws(XMLTokenizer.XMLError) {
        var tokenizer = XMLTokenizer(xml)
        var currentAbstract: String?
        var currentNum: String?
        var level: (ilvl: Int, value: Level)?
        var overrideLevel: Int?
        while let event = try tokenizer.next() {
            switch event {
            case .start(let name, let attributes, let selfClosing):
                let val = Self.attribute(attributes, "val")
                switch name {
                case "abstractNum":
                    currentAbstract = Self.attribute(attributes, "abstractNumId")
                case "lvl" where currentAbstract != nil:
                    level = (Int(Self.attribute(attributes, "ilvl") ?? "0") ?? 0, Level())
                    if selfClosing { level = nil }
                case "start":
                    if level != nil, let v = val.flatMap({ Int($0) }) { level!.value.start = v }
                case "numFmt":
                    if level != nil, let v = val { level!.value.format = v }
                case "lvlText":
                    if level != nil, let v = val { level!.value.text = v }
                case "num":
                    currentNum = Self.attribute(attributes, "numId")
                case "abstractNumId":
                    if let num = currentNum, let v = val { instances[num] = (v, instances[num]?.starts ?? [:]) }
                case "lvlOverride":
                    overrideLevel = Int(Self.attribute(attributes, "ilvl") ?? "")
                case "startOverride":
                    if let num = currentNum, let ilvl = overrideLevel, let v = val.flatMap({ Int($0) }) {
                        instances[num, default: ("", [:])].starts[ilvl] = v
                    }
                default: break
                }
            case .end(let name):
                switch name {
                case "lvl":
                    if let l = level, let a = currentAbstract, (0...8).contains(l.ilvl) {
                        abstract[a, default: [:]][l.ilvl] = l.value
                    }
                    level = nil
                case "abstractNum": currentAbstract = nil
                case "num": currentNum = nil
                case "lvlOverride": overrideLevel = nil
                default: break
                }
            case .text: break
            }
        }
    }

    static func attribute(_ attributes: [(Substring, String)], _ name: String) -> String? {
        attributes.first { $0.0 == name }?.1
    }

    /// The label of the next paragraph numbered (numId, ilvl); advances the counters. nil for none.
    mutating func nextLabel(numId: String, ilvl: Int) -> String? {
        guard numId != "0", (0...8).contains(ilvl), let instance = instances[numId],
            let levels = abstract[instance.abstract],
            let level = levels[ilvl]
        else { return nil }
        var current = counters[numId] ?? [:]
        let start = instance.starts[ilvl] ?? level.start
        current[ilvl] = (current[ilvl].map { $0 + 1 }) ?? start
        for deeper in (ilvl + 1)...9 { current[deeper] = nil }
        counters[numId] = current
        if level.format == "bullet" { return "-" }
        if level.format == "none" { return nil }
        var label = level.text
        for k in (0...ilvl).reversed() {
            let placeholder = "%\(k + 1)"
            guard label.contains(placeholder) else { continue }
            let value = current[k] ?? (instance.starts[k] ?? levels[k]?.start ?? 1)
            label = label.replacingOccurrences(
                of: placeholder, with: Self.format(value, levels[k]?.format ?? "decimal"))
        }
        return label.isEmpty ? nil : label
    }

    static func format(_ n: Int, _ format: String) -> String {
        switch format {
        case "upperRoman": return OutlineLabels.roman(min(max(n, 1), 39))
        case "lowerRoman": return OutlineLabels.roman(min(max(n, 1), 39)).lowercased()
        case "lowerLetter": return letter(n)
        case "upperLetter": return letter(n).uppercased()
        case "decimalZero": return n < 10 ? "0\(n)" : "\(n)"
        default: return "\(n)"
        }
    }

    static func letter(_ n: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let i = max(0, n - 1)
        return String(repeating: String(letters[i % 26]), count: i / 26 + 1)
    }
}
