import Testing

@testable import TTDNKit

@Suite struct ReportLifecycleTests {
    typealias L = ReportLifecycle

    static func report(_ state: L.State?, reopened: Bool = false, pastLock: Bool = false) -> L.Report {
        L.Report(state: state, reopened: reopened, pastLock: pastLock)
    }

    @Test("An agency saves and submits a new, draft or returned report; saving keeps the state")
    func draftAndReturned() {
        for state in [nil, L.State.draft, .returned] {
            #expect(L.next(.submit, by: .agency, report: Self.report(state)) == .success(.submitted))
            #expect(L.next(.save, by: .agency, report: Self.report(state)) == .success(state ?? .draft))
            #expect(L.agencyMayEdit(Self.report(state)))
        }
    }

    @Test("A submitted report is frozen: no save, no second submit, until it is recalled")
    func submittedIsFrozen() {
        let submitted = Self.report(.submitted)
        #expect(L.next(.save, by: .agency, report: submitted) == .failure(.frozen))
        #expect(L.next(.submit, by: .agency, report: submitted) == .failure(.frozen))
        #expect(!L.agencyMayEdit(submitted))
        #expect(L.agencyMayRecall(submitted))
        #expect(L.next(.recall, by: .agency, report: submitted) == .success(.draft))
        #expect(L.next(.save, by: .agency, report: Self.report(.draft)) == .success(.draft))
    }

    @Test("Recall only while the review has not started, and not past the lock date")
    func recallWindow() {
        #expect(L.next(.recall, by: .agency, report: Self.report(.draft)) == .failure(.notSubmitted))
        #expect(L.next(.recall, by: .agency, report: Self.report(nil)) == .failure(.notSubmitted))
        #expect(L.next(.recall, by: .agency, report: Self.report(.returned)) == .failure(.notSubmitted))
        #expect(L.next(.recall, by: .agency, report: Self.report(.accepted)) == .failure(.accepted))
        #expect(L.next(.recall, by: .agency, report: Self.report(.submitted, pastLock: true)) == .failure(.locked))
        #expect(
            L.next(.recall, by: .agency, report: Self.report(.submitted, reopened: true, pastLock: true))
                == .success(.draft))
        #expect(!L.agencyMayRecall(Self.report(.accepted)))
        #expect(L.next(.recall, by: .office, report: Self.report(.submitted)) == .failure(.notAllowed))
    }

    @Test("Accepted reports and reports past the lock date are closed to the agency until reopened")
    func closed() {
        #expect(L.next(.save, by: .agency, report: Self.report(.accepted)) == .failure(.accepted))
        #expect(L.next(.save, by: .agency, report: Self.report(.draft, pastLock: true)) == .failure(.locked))
        #expect(L.next(.submit, by: .agency, report: Self.report(nil, pastLock: true)) == .failure(.locked))
        #expect(
            L.next(.save, by: .agency, report: Self.report(.returned, reopened: true, pastLock: true))
                == .success(.returned))
    }

    @Test("The office accepts or returns (with a reason) a submitted report, and nothing else")
    func review() {
        let submitted = Self.report(.submitted)
        #expect(L.next(.accept, by: .office, report: submitted) == .success(.accepted))
        #expect(L.next(.return, by: .office, report: submitted, reason: "Thiếu số liệu") == .success(.returned))
        #expect(L.next(.return, by: .office, report: submitted, reason: "  \n") == .failure(.reasonRequired))
        for state in [nil, L.State.draft, .returned, .accepted] {
            #expect(L.next(.accept, by: .office, report: Self.report(state)) == .failure(.notSubmitted))
            #expect(L.next(.return, by: .office, report: Self.report(state), reason: "x") == .failure(.notSubmitted))
        }
        #expect(L.next(.accept, by: .agency, report: submitted) == .failure(.notAllowed))
        #expect(L.next(.save, by: .office, report: Self.report(.draft)) == .failure(.notAllowed))
    }

    @Test("Reopening needs an accepted or locked report and a reason; it leaves the report returned")
    func reopen() {
        #expect(
            L.next(.reopen, by: .office, report: Self.report(.accepted), reason: "Sửa số liệu") == .success(.returned))
        #expect(L.next(.reopen, by: .office, report: Self.report(.accepted)) == .failure(.reasonRequired))
        #expect(
            L.next(.reopen, by: .office, report: Self.report(.draft, pastLock: true), reason: "Gia hạn")
                == .success(.returned))
        #expect(L.next(.reopen, by: .office, report: Self.report(.submitted), reason: "x") == .failure(.notClosed))
        #expect(
            L.next(.reopen, by: .office, report: Self.report(nil, pastLock: true), reason: "x") == .failure(.notClosed))
    }

    @Test("Every state and action has an answer, and an agency edit never leaves a report submitted unseen")
    func exhaustive() {
        for state in [nil] + L.State.allCases.map(Optional.some) {
            for reopened in [false, true] {
                for pastLock in [false, true] {
                    let report = Self.report(state, reopened: reopened, pastLock: pastLock)
                    if case .success(let next) = L.next(.save, by: .agency, report: report) {
                        #expect(next != .submitted && next != .accepted)
                    }
                    #expect(L.agencyMayEdit(report) == ((try? L.next(.save, by: .agency, report: report).get()) != nil))
                }
            }
        }
    }
}
