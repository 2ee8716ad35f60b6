import Foundation

@testable import TTDNKit

/// Helpers shared by the extraction tests.
enum ExtractionFixture {
    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures/Extraction/\(name)", withExtension: nil)!
    }

    static func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

    static func plan(_ text: String) -> PlanDocument { PlanReader.read(text: text).plan }

    /// A minimal plan around `content` (the body of part II), so each test states only what it checks.
    static func planWithContent(_ content: String, implementation: String = "1. Sở Ngoại vụ theo dõi.") -> PlanDocument
    {
        plan(
            """
            Số: 5/KH-UBND
            Hà Giang, ngày 02 tháng 3 năm 2024

            KẾ HOẠCH
            Thông tin đối ngoại năm 2024

            I. MỤC ĐÍCH, YÊU CẦU

            1. Không phải nhiệm vụ.

            II. NỘI DUNG

            \(content)

            III. TỔ CHỨC THỰC HIỆN

            \(implementation)

            Nơi nhận:
            - Lưu: VT.

            CHỦ TỊCH

            Lê Văn Tám
            """)
    }

    /// Encodes NFC text into a legacy 8-bit encoding by reversing its table (composed characters
    /// first, else base letter plus combining tone marks, as Windows-1258 stores them).
    static func encode(_ text: String, _ encoding: LegacyEncoding) -> [UInt8] {
        let table = encoding.table
        var bytes: [UInt8] = []
        for ch in text.precomposedStringWithCanonicalMapping {
            let scalars = Array(String(ch).unicodeScalars)
            if scalars.count == 1, scalars[0].value < 0x80 {
                bytes.append(UInt8(scalars[0].value))
                continue
            }
            if scalars.count == 1, let i = table.firstIndex(of: scalars[0].value) {
                bytes.append(UInt8(0x80 + i))
                continue
            }
            // Windows-1258 style: the letter with its vowel mark precomposed (`ê`), the tone combining.
            let parts = Array(String(ch).decomposedStringWithCanonicalMapping.unicodeScalars)
            var rest = parts.dropFirst()
            var base = String(parts[0])
            for (k, mark) in rest.enumerated() {
                let joined = (base + String(mark)).precomposedStringWithCanonicalMapping.unicodeScalars
                if joined.count == 1, table.contains(joined.first!.value) {
                    base = String(joined.first!)
                    var remaining = Array(rest)
                    remaining.remove(at: k)
                    rest = remaining[...]
                    break
                }
            }
            for scalar in [base.unicodeScalars.first!] + Array(rest) {
                if scalar.value < 0x80 {
                    bytes.append(UInt8(scalar.value))
                } else if let i = table.firstIndex(of: scalar.value) {
                    bytes.append(UInt8(0x80 + i))
                }
            }
        }
        return bytes
    }
}
