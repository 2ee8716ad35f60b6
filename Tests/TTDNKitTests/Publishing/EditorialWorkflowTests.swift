import Foundation
import TTDNKit
import Testing

/// The editorial workflow per language version, the security gate and who may move what.
@Suite("Editorial workflow")
struct EditorialWorkflowTests {
    let now = Date(timeIntervalSince1970: 1_780_000_000)
    let reviewer = UUID()

    func check(_ decision: SecurityCheck.Decision, signOff: String? = nil, flagged: [String] = []) -> SecurityCheck {
        SecurityCheck(
            decision: decision, reviewerID: reviewer, reviewerName: "Hà Văn Thành", at: now, flaggedTerms: flagged,
            signOff: signOff)
    }

    @Test("Each move goes from its states to one state; nothing else moves")
    func transitions() {
        #expect(EditorialMove.submit.target(from: .draft) == .inReview)
        #expect(EditorialMove.approve.target(from: .inReview) == .approved)
        #expect(EditorialMove.approve.target(from: .draft) == nil, "no approval without review")
        #expect(EditorialMove.publish.target(from: .inReview) == nil, "no publishing without approval")
        #expect(EditorialMove.publish.target(from: .scheduled) == .published)
        #expect(EditorialMove.returnToDraft.target(from: .approved) == .draft)
        #expect(EditorialMove.reopen.target(from: .archived) == .draft)
        #expect(EditorialMove.unpublish.target(from: .published) == .unpublished)
        #expect(EditorialMove.available(from: .draft) == [.submit, .archive])
        #expect(EditorialMove.available(from: .approved) == [.returnToDraft, .schedule, .publish])
        // Every state but `published` is kept from the public, and `published` is reached only through approval.
        #expect(EditorialState.allCases.filter(\.isPublic) == [.published])
        let intoPublished = EditorialState.allCases.filter { EditorialMove.publish.target(from: $0) != nil }
        #expect(Set(intoPublished) == [.approved, .scheduled])
        // Changing checked text sends it back to review.
        #expect(EditorialMove.editReturnsToDraft(.approved) && !EditorialMove.editReturnsToDraft(.draft))
    }

    @Test("A published version being reworked keeps its published revision until the new one is published")
    func liveRevision() {
        // Editing published text starts a new draft; the revision on the site stays.
        #expect(EditorialMove.editReturnsToDraft(.published))
        #expect(EditorialMove.submit.liveRevision(current: 4, live: 3) == 3)
        #expect(EditorialMove.approve.liveRevision(current: 4, live: 3) == 3)
        #expect(EditorialMove.publish.liveRevision(current: 4, live: 3) == 4)
        #expect(EditorialMove.unpublish.liveRevision(current: 4, live: 3) == nil)
        #expect(EditorialMove.archive.liveRevision(current: 4, live: 3) == nil)
        // Taking the old revision down leaves the new work where it stands; without one there is nothing to take.
        #expect(EditorialMove.unpublish.target(from: .inReview, live: true) == .inReview)
        #expect(EditorialMove.unpublish.target(from: .inReview, live: false) == nil)
        #expect(EditorialMove.unpublish.target(from: .published, live: true) == .unpublished)
        #expect(EditorialMove.unpublish.target(from: .archived, live: true) == nil)
        #expect(!EditorialState.archived.isEditable && EditorialState.published.isEditable)
    }

    @Test("An image without its description in the version's language holds the version back")
    func altText() {
        for move in [EditorialMove.submit, .approve, .publish] {
            let state: EditorialState = move == .submit ? .draft : move == .approve ? .inReview : .approved
            let found = EditorialGate.blocks(
                move, from: state, check: check(.clear), checkedCurrentText: true, flagged: [], altMissing: true,
                now: now)
            #expect(found.contains(.altTextMissing), "\(move)")
        }
        let unpublish = EditorialGate.blocks(
            .unpublish, from: .published, check: nil, checkedCurrentText: false, flagged: [], altMissing: true, now: now
        )
        #expect(unpublish.isEmpty, "taking down is never held back")
    }

    @Test("Approval needs a check of the current text, and a sign-off when the text holds sensitive terms")
    func gate() {
        func blocks(_ check: SecurityCheck?, current: Bool = true, flagged: [String] = []) -> [EditorialGate.Block] {
            EditorialGate.blocks(
                .approve, from: .inReview, check: check, checkedCurrentText: current, flagged: flagged, now: now)
        }
        #expect(blocks(nil) == [.checkMissing])
        #expect(blocks(check(.clear), current: false) == [.checkStale])
        #expect(blocks(check(.clear)).isEmpty)
        #expect(blocks(check(.clear), flagged: ["biên giới"]) == [.signOffMissing])
        #expect(blocks(check(.clear, signOff: "  "), flagged: ["biên giới"]) == [.signOffMissing])
        #expect(blocks(check(.clear, signOff: "Tin đã được Bộ Chỉ huy BĐBP duyệt."), flagged: ["biên giới"]).isEmpty)
        #expect(blocks(check(.classified)).contains(.classified))
    }

    @Test("Classified text never goes toward the public, whatever state it is in")
    func classifiedIsFinal() {
        let secret = check(.classified)
        for state in EditorialState.allCases {
            for move in [EditorialMove.approve, .schedule, .publish] {
                let found = EditorialGate.blocks(
                    move, from: state, check: secret, checkedCurrentText: true, flagged: [],
                    publishAt: now.addingTimeInterval(3600), now: now)
                #expect(found.contains(.classified), "\(move) from \(state)")
            }
        }
        // Taking it down or archiving it stays possible.
        #expect(
            EditorialGate.blocks(
                .unpublish, from: .published, check: secret, checkedCurrentText: true, flagged: [], now: now
            )
            .isEmpty)
    }

    @Test("Scheduling needs a time after now")
    func schedule() {
        func blocks(_ at: Date?) -> [EditorialGate.Block] {
            EditorialGate.blocks(
                .schedule, from: .approved, check: check(.clear), checkedCurrentText: true, flagged: [], publishAt: at,
                now: now)
        }
        #expect(blocks(now.addingTimeInterval(60)).isEmpty)
        #expect(blocks(now) == [.timeInPast])
        #expect(blocks(nil) == [.timeInPast])
    }

    @Test("Editors write any language, translators translations; approvers approve and publish")
    func who() {
        func actor(_ roles: Set<Role>) -> Actor { Actor(userID: UUID(), roles: roles, agencyID: nil) }
        let editor = actor([.editor])
        let translator = actor([.translator])
        let approver = actor([.approver])
        #expect(Policy.mayWriteArticle(editor, translation: false) && Policy.mayWriteArticle(editor, translation: true))
        #expect(!Policy.mayWriteArticle(translator, translation: false))
        #expect(Policy.mayWriteArticle(translator, translation: true))
        #expect(!Policy.mayWriteArticle(approver, translation: true) && !Policy.mayWriteArticle(nil, translation: true))
        #expect(Policy.mayMove(translator, .submit, translation: true))
        #expect(!Policy.mayMove(translator, .submit, translation: false))
        #expect(!Policy.mayMove(editor, .approve, translation: false))
        #expect(!Policy.mayMove(editor, .publish, translation: false))
        for move in [EditorialMove.returnToDraft, .approve, .schedule, .publish, .unpublish, .archive] {
            #expect(Policy.mayMove(approver, move, translation: false))
        }
        #expect(!Policy.mayMove(approver, .submit, translation: false))
        #expect(!Policy.mayMove(actor([.viewer, .agencyOfficer]), .submit, translation: true))
        #expect(EditorialMove.allCases.allSatisfy { Policy.mayMove(actor([.admin]), $0, translation: false) })
    }
}
