import Foundation
import Testing

@testable import TTDNKit

@Suite struct AgencyMergeTests {
    let province = UUID()
    let tttt = UUID()
    let khcn = UUID()
    let unit = UUID()
    let unitOfUnit = UUID()

    var directory: AgencyMerge.Directory {
        AgencyMerge.Directory(
            parents: [tttt: province, khcn: province, unit: tttt, unitOfUnit: unit], successors: [:])
    }

    func request(
        successor: UUID?, found: Bool = true, current: Bool = true, kind: SuccessionKind? = .mergedInto,
        effective: String? = "2025-03-01", validFrom: String? = "2008-01-01"
    ) -> AgencyMerge.Request {
        AgencyMerge.Request(
            agency: tttt, agencyValidFrom: validFrom.flatMap(LocalDate.init(iso:)), successor: successor,
            successorFound: found, successorIsCurrent: current, kind: kind,
            effective: effective.flatMap(LocalDate.init(iso:)))
    }

    @Test("A merge into a current agency outside the agency's own tree may be recorded")
    func accepted() {
        #expect(AgencyMerge.problems(request(successor: khcn), in: directory).isEmpty)
    }

    @Test("Each refusal names its field and its code")
    func refusals() {
        #expect(AgencyMerge.problems(request(successor: nil), in: directory) == [.successor: .successorMissing])
        #expect(
            AgencyMerge.problems(request(successor: nil, found: false), in: directory) == [
                .successor: .successorUnknown
            ])
        #expect(AgencyMerge.problems(request(successor: tttt), in: directory) == [.successor: .sameAgency])
        #expect(
            AgencyMerge.problems(request(successor: khcn, current: false), in: directory) == [
                .successor: .successorNotCurrent
            ])
        #expect(AgencyMerge.problems(request(successor: unitOfUnit), in: directory) == [.successor: .descendant])
        #expect(AgencyMerge.problems(request(successor: khcn, kind: nil), in: directory) == [.kind: .kind])
        #expect(AgencyMerge.problems(request(successor: khcn, effective: nil), in: directory) == [.effective: .date])
        #expect(
            AgencyMerge.problems(request(successor: khcn, effective: "2008-01-01"), in: directory)
                == [.effective: .dateBeforeStart])
    }

    @Test("A succession recorded already, or one closing a loop, is refused")
    func existingAndCycles() {
        var recorded = directory
        recorded.successors = [tttt: [khcn]]
        #expect(AgencyMerge.problems(request(successor: khcn), in: recorded) == [.successor: .exists])
        var loop = directory
        let other = UUID()
        loop.successors = [khcn: [other], other: [tttt]]
        #expect(AgencyMerge.problems(request(successor: khcn), in: loop) == [.successor: .cycle])
    }

    @Test("The hand-over: ends the day before, passes memberships the successor lacks, moves current units")
    func handOver() {
        let shared = UUID()
        let own = UUID()
        let ended = UUID()
        let result = AgencyMerge.handOver(
            effective: LocalDate(iso: "2025-03-01")!, agencyGroups: [shared, own], successorGroups: [shared],
            units: [.init(id: unit, isCurrent: true), .init(id: ended, isCurrent: false)])
        #expect(result.endsOn == LocalDate(iso: "2025-02-28"))
        #expect(result.groupsPassed == [own])
        #expect(result.groupsDropped == [shared])
        #expect(result.unitsMoved == [unit])
    }

    @Test("Codes are the suffixes of the application's texts")
    func codes() {
        #expect(AgencyMerge.Problem.sameAgency.rawValue == "self")
        #expect(AgencyMerge.Field.successor.rawValue == "successor_id")
    }
}
