import Foundation
import TTDNKit

#if !FUZZING
    /// Without `-DFUZZING` this target is the benchmark and seed tool:
    ///
    ///     ExtractFuzz bench SECONDS FILE…     plans per second for each file, on one core
    ///     ExtractFuzz make-docx IN.txt OUT.docx
    ///     ExtractFuzz replay FILE…            runs the fuzz entry on saved inputs (crash reproduction)
    ///     ExtractFuzz json FILE               the `ttdn extract --json` document, without building Vapor
    ///                                         (score.py --cmd '.build-bench/release/ExtractFuzz json {}')
    ///     ExtractFuzz roundtrip FILE [OUT]    the JSON of FILE exported as an official DOCX (kept as OUT) and
    ///                                         read back
    ///     ExtractFuzz ocr-json PAGE.tsv…      the JSON of pages Tesseract read (its TSV), as a scanned PDF is read
    ///     ExtractFuzz dump FILE               that JSON, then the source, outline and warnings in full
    ///                                         (outputs to compare byte for byte around a speed change)
    @main
    enum Driver {
        static func main() throws {
            let args = Array(CommandLine.arguments.dropFirst())
            switch args.first {
            case "bench":
                guard args.count >= 3, let seconds = Double(args[1]) else { usage() }
                for path in args.dropFirst(2) { try bench(path, seconds: seconds) }
            case "make-docx":
                guard args.count == 3 else { usage() }
                let text = try String(contentsOfFile: args[1], encoding: .utf8)
                try SimpleDocxWriter.docx(fromText: text).write(to: URL(fileURLWithPath: args[2]))
            case "replay":
                for path in args.dropFirst() {
                    let data = try Data(contentsOf: URL(fileURLWithPath: path))
                    _ = data.withUnsafeBytes { raw in
                        extractFuzzOne(
                            raw.bindMemory(to: UInt8.self).baseAddress ?? UnsafePointer(bitPattern: 1)!, data.count)
                    }
                    print("ok \(path)")
                }
            case "json", "dump", "roundtrip", "ocr-json", "ocr-dump":
                let ocr = args[0].hasPrefix("ocr-")
                guard args.count == 2 || (args.count == 3 && args[0] == "roundtrip") || (ocr && args.count > 1) else {
                    usage()
                }
                var extraction =
                    ocr
                    ? PlanReader.read(
                        ocrPages: try args.dropFirst().map { try String(contentsOfFile: $0, encoding: .utf8) })
                    : try PlanReader.read(fileAt: URL(fileURLWithPath: args[1]))
                if args[0] == "roundtrip" {
                    // Exported as an official DOCX and read back: what the export keeps of the plan.
                    let docx = try PlanDocxWriter.docx(
                        OfficialPlan(from: extraction.plan),
                        options: .init(created: Date(timeIntervalSince1970: 1_735_689_600)))
                    if args.count == 3 { try docx.write(to: URL(fileURLWithPath: args[2])) }
                    extraction = try PlanReader.read(data: docx, filename: "roundtrip.docx")
                }
                let encoder = JSONEncoder()
                // The settings of `ExtractCommand`, so this prints byte for byte what `ttdn extract --json` prints.
                encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
                var output = String(decoding: try encoder.encode(extraction.plan), as: UTF8.self) + "\n"
                if args[0].hasSuffix("dump") {
                    output += "source \(extraction.source.format.rawValue) \(extraction.source.encoding)\n"
                    for node in extraction.outline {
                        output +=
                            "outline \(node.kind.rawValue) \(node.label) \(node.ref) \(node.depth) \(node.line) \(node.text)\n"
                    }
                    for warning in extraction.warnings {
                        output += "warning \(warning.code.rawValue) \(warning.ref ?? "-") \(warning.args)\n"
                    }
                }
                FileHandle.standardOutput.write(Data(output.utf8))
            default:
                usage()
            }
        }

        static func usage() -> Never {
            FileHandle.standardError.write(
                Data(
                    "usage: ExtractFuzz bench SECONDS FILE… | make-docx IN OUT | replay FILE… | json FILE | dump FILE | ocr-json PAGE.tsv…\n"
                        .utf8))
            exit(64)
        }

        static func bench(_ path: String, seconds: Double) throws {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let name = URL(fileURLWithPath: path).lastPathComponent
            _ = try PlanReader.read(data: data, filename: name)  // warm up, and fail loudly on a bad file
            var runs = 0
            let start = Date()
            var tasks = 0
            while Date().timeIntervalSince(start) < seconds {
                tasks = try PlanReader.read(data: data, filename: name).plan.tasks.count
                runs += 1
            }
            let elapsed = Date().timeIntervalSince(start)
            let rate = Double(runs) / elapsed
            print(
                String(
                    format: "%@  %d bytes  %.1f plans/s  %.2f ms/plan  (%d tasks)", name, data.count, rate, 1000 / rate,
                    tasks))
        }
    }
#endif
