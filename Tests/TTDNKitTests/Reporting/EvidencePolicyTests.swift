import Foundation
import Testing

@testable import TTDNKit

@Suite struct EvidencePolicyTests {
    let policy = EvidencePolicy(maxBytes: 1000, maxFiles: 2)
    let pdf = Data("%PDF-1.7\n…".utf8)

    @Test func acceptsAKnownTypeWhoseBytesAgree() {
        #expect(policy.check(filename: "Biên bản.pdf", data: pdf) == .success("application/pdf"))
        #expect(
            policy.check(filename: "ảnh.PNG", data: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1]))
                == .success("image/png"))
    }

    @Test func refusesWhatIsNotEvidence() {
        #expect(policy.check(filename: "x.exe", data: pdf) == .failure(.init(problem: .type)))
        #expect(
            policy.check(filename: "trang.pdf", data: Data("<html>".utf8)) == .failure(.init(problem: .contentMismatch))
        )
        #expect(policy.check(filename: "a.pdf", data: Data()) == .failure(.init(problem: .empty)))
        #expect(policy.check(filename: "a.pdf", data: pdf + Data(count: 1000)) == .failure(.init(problem: .tooLarge)))
        #expect(policy.check(filename: "a.pdf", data: pdf, alreadyAttached: 2) == .failure(.init(problem: .tooMany)))
        #expect(policy.check(filename: "/", data: pdf) == .failure(.init(problem: .name)))
    }

    @Test func namesLoseTheirPathsAndQuotes() {
        #expect(EvidencePolicy.cleanName("C:\\Users\\x\\Báo \"cáo\".docx") == "Báo cáo.docx")
        #expect(EvidencePolicy.cleanName("../../etc/passwd") == "passwd")
        let long = EvidencePolicy.cleanName(String(repeating: "a", count: 300) + ".pdf")
        #expect(long.count <= 180 && long.hasSuffix(".pdf"))
    }
}

@Suite struct EvidenceSampleTests {
    /// Fed in pieces cut anywhere, the sample answers what the whole file would: size, head, text or not.
    @Test func chunksGiveTheSameAnswerAsTheWholeFile() {
        var random = SplitMix64(seed: 0x7574_6638)  // the same inputs on every run
        let alphabet: [[UInt8]] = [
            Array("a".utf8), Array("ệ".utf8), Array("𝄞".utf8), [0xC0, 0xAF], [0xED, 0xA0, 0x80],
            [0xF4, 0x90, 0x80, 0x80],
            [0xE2, 0x82], [0x00], [0xFF], [0x80],
        ]
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...8, using: &random) {
                bytes += alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
            }
            var sample = EvidenceSample()
            var rest = bytes[...]
            while !rest.isEmpty {
                let cut = Int.random(in: 1...rest.count, using: &random)
                sample.append(rest.prefix(cut))
                rest = rest.dropFirst(cut)
            }
            #expect(sample.size == bytes.count)
            #expect(sample.head == Array(bytes.prefix(8)))
            #expect(sample.isUTF8 == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
            #expect(sample.containsNUL == bytes.contains(0))
        }
    }

    @Test func aStreamedFileIsJudgedLikeOneInMemory() {
        let policy = EvidencePolicy(maxBytes: 1000)
        var sample = EvidenceSample(Array("%PD".utf8))
        sample.append(Array("F-1.7 …".utf8))
        #expect(policy.check(filename: "a.pdf", sample: sample) == .success("application/pdf"))
        var text = EvidenceSample([0xE1, 0xBB])
        #expect(policy.check(filename: "a.txt", sample: text) == .failure(.init(problem: .contentMismatch)))
        text.append([0x87])
        #expect(policy.check(filename: "a.txt", sample: text) == .success("text/plain; charset=utf-8"))
    }
}
