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
