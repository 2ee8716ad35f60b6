import Testing

@testable import TTDNKit

/// A cell that a spreadsheet would run as a formula is written as text; the directory's import reads it back.
@Suite struct CSVInjectionTests {
    @Test(arguments: ["=HYPERLINK(\"http://x\",\"y\")", "+1+cmd", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "-", "=1"])
    func formulasAreWrittenAsText(_ cell: String) {
        let line = CSVTable.encode([[cell, "b"]])
        let first = CSVTable.parse(line).records[0].fields[0]
        #expect(!line.hasPrefix("="), "\(line)")
        #expect(line.hasPrefix("'") || line.hasPrefix("\"'"), "\(line)")
        // Read back by our own import, the cell is what was written.
        #expect(first == cell)
    }

    @Test(arguments: ["-5", "+3.5", "12", "Sở Ngoại vụ", "'quoted", "a=b", "2025-01-01"])
    func ordinaryCellsAreUnchanged(_ cell: String) {
        #expect(CSVTable.guarded(cell) == cell)
        #expect(CSVTable.parse(CSVTable.encode([[cell]])).records[0].fields == [cell])
    }
}
