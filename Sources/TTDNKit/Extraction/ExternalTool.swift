import Foundation

/// A converter run in a temporary folder (`pdftotext`, LibreOffice's `soffice`): found on `PATH` unless a
/// path is given, bounded in time, its output read from a file. The folder goes away afterwards.
enum ExternalTool {
    enum Failure: Error {
        case missing
        case timedOut
        case status(Int32)
        case io(String)
    }

    static func find(_ names: [String], given: String?) -> String? {
        if let given { return FileManager.default.isExecutableFile(atPath: given) ? given : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in names {
            for dir in path.split(separator: ":") {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Writes `input` as `inputName` in a fresh folder, runs `tool` with `arguments(folder)`, and returns the
    /// bytes of `outputName` from that folder.
    static func convert(
        _ input: Data, inputName: String, outputName: String, tool: String, timeout: TimeInterval,
        arguments: (URL) -> [String]
    ) throws(Failure) -> Data {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ttdn-tool-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try input.write(to: dir.appendingPathComponent(inputName))
        } catch {
            throw .io("cannot write a temporary file")
        }
        defer { try? FileManager.default.removeItem(at: dir) }
        try run(tool, arguments(dir), in: dir, until: Date().addingTimeInterval(timeout))
        guard let out = try? Data(contentsOf: dir.appendingPathComponent(outputName)) else {
            throw .io("no output")
        }
        return out
    }

    /// Runs `tool` in `dir` and waits for it, at most until `deadline` (elapsed time, not the time of day:
    /// a bound on how long the tool may run).
    static func run(_ tool: String, _ arguments: [String], in dir: URL, until deadline: Date) throws(Failure) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.currentDirectoryURL = dir
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw .missing }
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                throw .timedOut
            }
            usleep(10_000)
        }
        guard process.terminationStatus == 0 else { throw .status(process.terminationStatus) }
    }
}
