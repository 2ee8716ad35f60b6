import Foundation
import TTDNKit

/// libFuzzer's entry point: any bytes, as any of the formats, must come back as a plan or a
/// `PlanReadError`, never a crash, a hang or a runaway allocation.
@_cdecl("LLVMFuzzerTestOneInput")
public func extractFuzzOne(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    var options = PlanReader.Options()
    options.maxInputBytes = 1 << 20
    options.maxExpandedDocxBytes = 4 << 20
    // PDF goes to an external tool; the fuzzer exercises our own code.
    options.pdftotextPath = "/nonexistent/pdftotext"
    for name in ["fuzz.txt", "fuzz.docx"] {
        _ = try? PlanReader.read(data: data, filename: name, options: options)
    }
    return 0
}

#if FUZZING
    /// SwiftPM links an executable target's entry point as `ExtractFuzz_main`; in the fuzz build it hands
    /// control to libFuzzer's driver (the fuzzer's own `main` is then not linked in).
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
    ) -> CInt

    @_cdecl("ExtractFuzz_main")
    public func extractFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var count = argc
        var arguments = argv
        return LLVMFuzzerRunDriver(&count, &arguments) { data, size in extractFuzzOne(data, size) }
    }
#endif
