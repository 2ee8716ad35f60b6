import Foundation
import Testing

@testable import TTDNKit

@Suite struct PolicyTests {
    let agencyA = UUID()
    let agencyB = UUID()

    func actor(_ roles: Role..., agency: UUID? = nil) -> Actor {
        Actor(userID: UUID(), roles: Set(roles), agencyID: agency)
    }

    @Test func anonymousOnlyGetsPublicAccess() {
        for permission in Permission.allCases {
            #expect(Policy.allows(nil, permission) == (permission == .publicAccess), "\(permission)")
        }
    }

    @Test func onlyAdminsManageUsersAndReadTheAudit() {
        for role in Role.allCases {
            #expect(Policy.allows(actor(role), .manageUsers) == (role == .admin))
            #expect(Policy.allows(actor(role), .viewAudit) == (role == .admin))
        }
    }

    @Test func theNewsroomIsForThoseWhoWriteTranslateAndApprove() {
        for role in Role.allCases {
            #expect(
                Policy.allows(actor(role), .newsroom)
                    == [.admin, .coordinator, .editor, .translator, .approver].contains(role), "\(role)")
            #expect(Policy.allows(actor(role), .manageSite) == [.admin, .coordinator].contains(role))
            // Writers never clear their own text for publication.
            #expect(Policy.mayCheckSecurity(actor(role)) == [.admin, .approver].contains(role))
            // Work counts toward the plan when those who make or publish it say so; nobody else links it.
            #expect(
                Policy.mayLinkOutputs(actor(role)) == [.admin, .coordinator, .editor, .approver].contains(role),
                "\(role)")
        }
        #expect(!Policy.mayLinkOutputs(nil))
    }

    @Test func coordinatorsEditTheDirectoryViewersDoNot() {
        #expect(Policy.allows(actor(.coordinator), .editDirectory))
        #expect(!Policy.allows(actor(.viewer), .editDirectory))
        #expect(!Policy.allows(actor(.agencyOfficer, agency: agencyA), .editDirectory))
        #expect(Policy.allows(actor(.viewer), .viewDirectory))
    }

    @Test func onlyTheCoordinatingOfficeAndAdminsEditPlans() {
        for role in Role.allCases {
            #expect(Policy.allows(actor(role), .editPlans) == [.admin, .coordinator].contains(role))
            #expect(Policy.allows(actor(role), .viewPlans))
        }
    }

    @Test func reportsAreFiledByOfficersAndReviewedByTheCoordinatingOffice() {
        for role in Role.allCases {
            #expect(Policy.allows(actor(role), .viewReports))
            #expect(Policy.allows(actor(role), .fileReports) == [.admin, .coordinator, .agencyOfficer].contains(role))
            #expect(Policy.allows(actor(role), .reviewReports) == [.admin, .coordinator].contains(role))
        }
        #expect(!Policy.allows(nil, .viewReports))
        // The consolidated report holds every agency's text: only those who may read them all get it.
        for role in Role.allCases {
            #expect(
                Policy.allows(actor(role), .readAllReports)
                    == [.admin, .coordinator, .approver, .viewer].contains(role))
            #expect(
                Policy.allows(actor(role), .readAllReports)
                    == Policy.mayRead(actor(role, agency: agencyA), reportOf: agencyB))
        }
        #expect(!Policy.allows(nil, .readAllReports))
        #expect(Policy.mayRead(actor(.agencyOfficer, agency: agencyA), reportOf: agencyA))
        #expect(!Policy.mayRead(actor(.agencyOfficer, agency: agencyA), reportOf: agencyB))
        #expect(Policy.mayRead(actor(.approver), reportOf: agencyB))
        #expect(!Policy.mayRead(actor(.editor), reportOf: agencyB))
    }

    @Test func officersActOnlyForTheirOwnAgency() {
        let officer = actor(.agencyOfficer, agency: agencyA)
        #expect(Policy.mayActFor(officer, agency: agencyA))
        #expect(!Policy.mayActFor(officer, agency: agencyB))
        #expect(Policy.mayActFor(actor(.coordinator), agency: agencyB))
        #expect(!Policy.mayActFor(actor(.editor), agency: agencyA))
        #expect(!Policy.mayActFor(nil, agency: agencyA))
        // Reports are written only by the agency's own people: the office reviews, it does not write.
        #expect(Policy.mayWriteReport(officer, of: agencyA))
        #expect(!Policy.mayWriteReport(officer, of: agencyB))
        #expect(!Policy.mayWriteReport(actor(.coordinator), of: agencyB))
        #expect(!Policy.mayWriteReport(actor(.admin), of: agencyA))
        #expect(Policy.mayWriteReport(actor(.coordinator, agency: agencyB), of: agencyB))
        #expect(!Policy.mayWriteReport(nil, of: agencyA))
    }
}

@Suite struct LoginThrottleTests {
    let rules = LoginThrottle.Limits(
        freeFailures: 3, lockAfter: 6, window: 900, baseDelay: 2, maxDelay: 60, lockDuration: 600)
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func firstFailuresCostNothing() {
        var state = LoginThrottle.State()
        for i in 0..<2 { state = rules.recordingFailure(state, now: t0.addingTimeInterval(Double(i))) }
        #expect(rules.decide(state, now: t0.addingTimeInterval(2)) == .allowed)
    }

    @Test func thenAttemptsMustWaitLongerEachTime() {
        var state = LoginThrottle.State()
        for _ in 0..<3 { state = rules.recordingFailure(state, now: t0) }
        #expect(rules.decide(state, now: t0) == .wait(seconds: 2))
        #expect(rules.decide(state, now: t0.addingTimeInterval(2)) == .allowed)
        state = rules.recordingFailure(state, now: t0.addingTimeInterval(2))
        #expect(rules.decide(state, now: t0.addingTimeInterval(2)) == .wait(seconds: 4))
    }

    @Test func locksAfterTooManyFailuresAndUnlocksLater() {
        var state = LoginThrottle.State()
        for _ in 0..<6 { state = rules.recordingFailure(state, now: t0) }
        #expect(rules.decide(state, now: t0.addingTimeInterval(599)) == .locked(until: t0.addingTimeInterval(600)))
        #expect(rules.decide(state, now: t0.addingTimeInterval(601)) == .allowed)
    }

    @Test func staleFailuresAreForgotten() {
        var state = LoginThrottle.State()
        for _ in 0..<5 { state = rules.recordingFailure(state, now: t0) }
        #expect(rules.decide(state, now: t0.addingTimeInterval(901)) == .allowed)
        #expect(rules.current(state, now: t0.addingTimeInterval(901)).failures == 0)
    }
}
