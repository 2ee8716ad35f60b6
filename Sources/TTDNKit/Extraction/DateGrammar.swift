import Foundation

/// Dates as Vietnamese documents write them: `07/9/2015`, `07-9-2015`, `ngày 03 tháng 02 năm 2023`,
/// and with the day left blank: `ngày    tháng 11 năm 2020`.
enum DateGrammar {
    struct Found: Equatable {
        var year: Int
        var month: Int?
        var day: Int?
        /// Characters consumed from the start of the text given.
        var length: Int

        /// ISO text: `2023-02-03`, `2020-11` (blank day), `2020` (blank month); nil when impossible.
        var iso: String? {
            guard (1900...2200).contains(year) else { return nil }
            guard let month else { return String(format: "%04d", year) }
            guard (1...12).contains(month) else { return nil }
            guard let day else { return String(format: "%04d-%02d", year, month) }
            return LocalDate(year: year, month: month, day: day)?.iso
        }
    }

    /// Reads a date at the very start of `text` (after `ngày`, which the caller may leave in).
    static func parse(_ text: Substring) -> Found? {
        let chars = Array(text.prefix(48))
        var i = 0
        func skipSpaces() { while i < chars.count, chars[i] == " " || chars[i] == "\u{00A0}" { i += 1 } }
        func number(maxDigits: Int) -> Int? {
            var j = i
            while j < chars.count, j - i < maxDigits, chars[j].isASCII, chars[j].isNumber { j += 1 }
            guard j > i, let n = Int(String(chars[i..<j])) else { return nil }
            if j < chars.count, chars[j].isASCII, chars[j].isNumber { return nil }
            i = j
            return n
        }
        func word(_ w: String) -> Bool {
            let target = Array(w)
            guard i + target.count <= chars.count else { return false }
            for (k, ch) in target.enumerated() where chars[i + k].lowercased() != String(ch) { return false }
            i += target.count
            return true
        }
        skipSpaces()
        if word("ngày") { skipSpaces() }
        let dayStart = i
        let day = number(maxDigits: 2)
        skipSpaces()
        // `dd/mm/yyyy`
        if let day, i < chars.count, "/-.".contains(chars[i]) {
            let sep = chars[i]
            i += 1
            skipSpaces()
            guard let month = number(maxDigits: 2) else { return nil }
            skipSpaces()
            guard i < chars.count, chars[i] == sep else { return nil }
            i += 1
            skipSpaces()
            guard let year = number(maxDigits: 4), year >= 1000 else { return nil }
            return Found(year: year, month: month, day: day, length: i)
        }
        // `dd tháng mm năm yyyy`, day possibly blank
        if day == nil { i = dayStart }
        skipSpaces()
        guard word("tháng") else { return nil }
        skipSpaces()
        let month = number(maxDigits: 2)
        skipSpaces()
        guard word("năm") else { return nil }
        skipSpaces()
        guard let year = number(maxDigits: 4), year >= 1000 else { return nil }
        return Found(year: year, month: month, day: month == nil ? nil : day, length: i)
    }
}
