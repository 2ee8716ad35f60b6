import App
import Dispatch
import Foundation

/// The application, started once per process (the demo province on in-memory SQLite, every demo user signed in).
nonisolated(unsafe) var harness: RequestHarness?

/// Runs `body` to completion from libFuzzer's synchronous callback.
func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) -> T? {
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var result: T?
    Task {
        result = try? await body()
        done.signal()
    }
    done.wait()
    return result
}

/// libFuzzer's entry point: any bytes are a request (visitor, method, target, headers, body; see
/// `RequestHarness.respond(toFuzz:)`) that the application must answer with a page or a refusal, never by stopping.
/// A 5xx answer is a finding too: it means a request reached an unhandled error.
@_cdecl("LLVMFuzzerTestOneInput")
public func httpFuzzOne(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    if harness == nil {
        harness = blocking { try await RequestHarness.start() }
        guard harness != nil else { fatalError("the application did not start") }
    }
    guard let harness else { return 0 }
    let input = Array(UnsafeBufferPointer(start: bytes, count: count))
    let status = blocking { await harness.respond(toFuzz: input) } ?? nil
    if let status, status >= 500, status != 503 {
        fatalError("status \(status) for \(String(decoding: input.prefix(200), as: UTF8.self).debugDescription)")
    }
    return 0
}

#if FUZZING
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
    ) -> CInt

    /// In the fuzz build, SwiftPM's entry point hands control to libFuzzer's driver.
    @_cdecl("HTTPFuzz_main")
    public func httpFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var count = argc
        var arguments = argv
        return LLVMFuzzerRunDriver(&count, &arguments) { data, size in httpFuzzOne(data, size) }
    }
#else
    /// Without `-DFUZZING`: `HTTPFuzz replay FILE…` runs saved inputs (a crash's artifact) through the entry point.
    @main
    enum Driver {
        static func main() {
            for path in CommandLine.arguments.dropFirst().drop(while: { $0 == "replay" }) {
                guard let data = FileManager.default.contents(atPath: path) else {
                    print("cannot read \(path)")
                    exit(2)
                }
                _ = data.withUnsafeBytes { raw in
                    httpFuzzOne(raw.bindMemory(to: UInt8.self).baseAddress ?? UnsafePointer(bitPattern: 1)!, data.count)
                }
                print("\(path): answered")
            }
        }
    }
#endif
