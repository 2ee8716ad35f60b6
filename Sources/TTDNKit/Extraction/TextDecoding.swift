import Foundation

/// Bytes of a text file to Unicode NFC: UTF-8 (with or without BOM), UTF-16 (BOM or by its zero
/// bytes), or a legacy Vietnamese encoding.
enum TextDecoding {
    struct Decoded {
        var text: String
        var encoding: String
    }

    static func decode(_ data: Data) throws(PlanReadError) -> Decoded {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(bytes: bytes.dropFirst(3), encoding: .utf8) else {
                throw .unreadable("invalid UTF-8 after a UTF-8 byte order mark")
            }
            return try checked(text, "utf-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try utf16(bytes.dropFirst(2), littleEndian: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try utf16(bytes.dropFirst(2), littleEndian: false) }
        if let endian = utf16Guess(bytes) { return try utf16(bytes[...], littleEndian: endian) }
        if let text = String(bytes: bytes, encoding: .utf8) {
            if let repaired = LegacyEncoding.repairFontEncoded(text) {
                return try checked(repaired.text, repaired.encoding.rawValue)
            }
            return try checked(text, "utf-8")
        }
        try refuseBinary(bytes)
        let (text, encoding) = try LegacyEncoding.detect(bytes)
        return try checked(text, encoding.rawValue)
    }

    /// UTF-16 without a BOM: ASCII characters leave a zero in every other byte.
    static func utf16Guess(_ bytes: [UInt8]) -> Bool? {
        let sample = bytes.prefix(4096)
        guard sample.count >= 8, sample.count % 2 == 0 else { return nil }
        var evenZeros = 0
        var oddZeros = 0
        for (i, b) in sample.enumerated() where b == 0 {
            if i % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let half = sample.count / 2
        if oddZeros * 10 > half * 3 && evenZeros * 10 < half { return true }
        if evenZeros * 10 > half * 3 && oddZeros * 10 < half { return false }
        return nil
    }

    static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) throws(PlanReadError) -> Decoded {
        let even = bytes.count - bytes.count % 2
        let data = Data(bytes.prefix(even))
        guard let text = String(data: data, encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian) else {
            throw .unreadable("invalid UTF-16")
        }
        return try checked(text, littleEndian ? "utf-16le" : "utf-16be")
    }

    /// Text with many control characters is a binary file that happens to decode.
    static func checked(_ text: String, _ encoding: String) throws(PlanReadError) -> Decoded {
        var controls = 0
        var total = 0
        UTF8Text.forEachScalar(text) { v in
            total += 1
            if v < 0x20 && v != 0x0A && v != 0x0D && v != 0x09 && v != 0x0C { controls += 1 }
            return total < 65_536
        }
        if total > 0 && controls * 20 > total { throw .unsupportedFormat("binary data") }
        // NFC is applied once, by the cleaner.
        return Decoded(text: text, encoding: encoding)
    }

    static func refuseBinary(_ bytes: [UInt8]) throws(PlanReadError) {
        var controls = 0
        let sample = bytes.prefix(65_536)
        for b in sample where b < 0x20 && b != 0x0A && b != 0x0D && b != 0x09 && b != 0x0C { controls += 1 }
        if controls * 20 > sample.count { throw .unsupportedFormat("binary data") }
    }
}
