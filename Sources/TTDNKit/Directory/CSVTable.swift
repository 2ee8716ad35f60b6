import Foundation

/// RFC 4180 comma-separated values: reading with line numbers, and writing.
///
/// Reading accepts a UTF-8 byte-order mark, CRLF or LF line ends, quoted fields with commas, doubled quotes
/// and line breaks inside. Blank lines are skipped. Every record keeps the line it starts on, so errors can
/// point at it.
public enum CSVTable {
    public struct Record: Hashable, Sendable {
        /// 1-based line of the file on which the record starts.
        public var line: Int
        public var fields: [String]
    }

    public enum ParseError: Error, Hashable, Sendable {
        /// A quoted field opened on `line` never closes.
        case unterminatedQuote(line: Int)
        /// Text after a closing quote, or a quote inside an unquoted field.
        case badQuote(line: Int)
    }

    public static func parse(_ text: String) -> (records: [Record], errors: [ParseError]) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var records: [Record] = []
        var errors: [ParseError] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var afterQuote = false
        var rowHasError = false
        var line = 1
        var rowStart = 1
        var i = 0

        func endField() {
            fields.append(unguarded(String(field)))
            field = String.UnicodeScalarView()
            afterQuote = false
        }
        func endRecord() {
            endField()
            let blank = fields.allSatisfy { $0.isEmpty }
            if !blank && !rowHasError { records.append(Record(line: rowStart, fields: fields)) }
            fields = []
            rowHasError = false
        }

        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count && scalars[i + 1] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else if c == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" {
                    field.append("\n")  // line breaks inside a field are stored as LF
                    line += 1
                    i += 1
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
            } else {
                switch c {
                case ",":
                    endField()
                case "\r", "\n":
                    if c == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" { i += 1 }
                    endRecord()
                    line += 1
                    rowStart = line
                case "\"" where field.isEmpty && !afterQuote:
                    inQuotes = true
                default:
                    if afterQuote || c == "\"" {
                        if !rowHasError { errors.append(.badQuote(line: line)) }
                        rowHasError = true
                    }
                    field.append(c)
                }
            }
            i += 1
        }
        if inQuotes {
            errors.append(.unterminatedQuote(line: rowStart))
        } else if !field.isEmpty || !fields.isEmpty || afterQuote {
            endRecord()
        }
        return (records, errors)
    }

    /// Characters that make a spreadsheet read a cell as a formula (CSV injection): `=`, `+`, `-`, `@`, and a tab or
    /// carriage return before one of them.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// A cell a spreadsheet would run as a formula, prefixed with `'` so that it is shown as text. Plain numbers
    /// (`-5`, `+3.5`) stay as they are: they compute nothing.
    public static func guarded(_ field: String) -> String {
        guard let first = field.first, formulaStarts.contains(first), !isPlainNumber(field) else { return field }
        return "'" + field
    }

    /// What `guarded` wrote, read back: a `'` before a formula character is dropped, so files exported here import
    /// unchanged.
    static func unguarded(_ field: String) -> String {
        guard field.first == "'", let second = field.dropFirst().first, formulaStarts.contains(second) else {
            return field
        }
        return String(field.dropFirst())
    }

    static func isPlainNumber(_ field: String) -> Bool {
        var rest = Substring(field)
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return !rest.isEmpty
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// One field, guarded against formulas, and quoted when it holds a comma, a quote, a line break or edge spaces.
    public static func quote(_ raw: String) -> String {
        let field = guarded(raw)
        let needsQuotes =
            field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || field.first == " " || field.last == " "
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Records joined with CRLF (RFC 4180), ending with a line break.
    public static func encode(_ rows: [[String]]) -> String {
        rows.map { $0.map(quote).joined(separator: ",") + "\r\n" }.joined()
    }
}
