import Foundation

#if canImport(zlib)
    import zlib
#elseif canImport(CZlib)
    import CZlib
#endif

/// Reads one ZIP entry's bytes ourselves: the local header located in the archive's bytes, then a raw
/// inflate that stops at the end of its input.
///
/// ZIPFoundation only lists the entries. Its own extraction loops for ever on a corrupted deflate
/// stream that never reaches its end (it keeps asking for input past the end of the file): the fuzzer
/// found such a file within minutes.
enum ZipInflate {
    enum Failure: Error {
        case corrupt(String)
        case overLimit
    }

    /// The bytes of the entry named `path`, whose central directory gives `compressedSize`, stored or
    /// deflated, expanded to at most `limit` bytes.
    static func contents(of path: String, compressedSize: Int, isCompressed: Bool, in archive: [UInt8], limit: Int)
        throws(Failure) -> [UInt8]
    {
        guard let start = dataStart(of: path, in: archive) else { throw .corrupt("no local header for \(path)") }
        guard compressedSize >= 0, start + compressedSize <= archive.count else {
            throw .corrupt("\(path) runs past the end of the file")
        }
        let raw = archive[start..<(start + compressedSize)]
        if !isCompressed {
            guard raw.count <= limit else { throw .overLimit }
            return Array(raw)
        }
        return try inflate(raw, limit: limit)
    }

    /// Where the data of `path` begins: after its local header (`PK\u{3}\u{4}`), name and extra field.
    static func dataStart(of path: String, in bytes: [UInt8]) -> Int? {
        let name = Array(path.utf8)
        var i = 0
        while i + 30 <= bytes.count {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x03, bytes[i + 3] == 0x04 {
                let nameLength = Int(bytes[i + 26]) | Int(bytes[i + 27]) << 8
                let extraLength = Int(bytes[i + 28]) | Int(bytes[i + 29]) << 8
                let nameStart = i + 30
                if nameLength == name.count, nameStart + nameLength <= bytes.count,
                    bytes[nameStart..<(nameStart + nameLength)].elementsEqual(name)
                {
                    let data = nameStart + nameLength + extraLength
                    return data <= bytes.count ? data : nil
                }
            }
            i += 1
        }
        return nil
    }

    static func inflate(_ input: ArraySlice<UInt8>, limit: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corrupt("zlib would not start")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, input.count * 4))
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var input = Array(input)
        let inputCount = input.count
        var failure: Failure?
        input.withUnsafeMutableBufferPointer { inPointer in
            stream.next_in = inPointer.baseAddress
            stream.avail_in = UInt32(inputCount)
            while true {
                let produced: Int
                let result: Int32 = buffer.withUnsafeMutableBufferPointer { outPointer in
                    stream.next_out = outPointer.baseAddress
                    stream.avail_out = UInt32(outPointer.count)
                    return cInflate(&stream)
                }
                produced = buffer.count - Int(stream.avail_out)
                if output.count + produced > limit {
                    failure = .overLimit
                    return
                }
                output.append(contentsOf: buffer[0..<produced])
                if result == Z_STREAM_END { return }
                if result != Z_OK && result != Z_BUF_ERROR {
                    failure = .corrupt("deflate data is corrupt")
                    return
                }
                // No input left and no progress: the stream ends early. Stop instead of waiting.
                if produced == 0 && (stream.avail_in == 0 || result == Z_BUF_ERROR) {
                    failure = .corrupt("deflate data ends early")
                    return
                }
            }
        }
        if let failure { throw failure }
        return output
    }
}

/// zlib's `inflate`, out of reach of `ZipInflate.inflate`'s name.
private func cInflate(_ stream: inout z_stream) -> Int32 {
    inflate(&stream, Z_NO_FLUSH)
}
