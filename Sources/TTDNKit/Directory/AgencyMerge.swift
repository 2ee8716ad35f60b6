import Foundation

/// The rules of an agency merge or renaming (sáp nhập, đổi tên): when it may be recorded, and what
/// passes to the successor. The application reads the directory, asks these, and writes what they say in
/// one audited transaction; refusals are codes (the application's texts are `merge.error.<code>`).
///
/// What passes: the agency ends the day before the succession takes effect; its group memberships pass
/// to the successor (dropped where the successor is already a member); its users and its current units
/// move under the successor; its open obligations follow through `ObligationSync` (an obligation with
/// anything written stays, as history). Units already ended stay where they were, as history.
public enum AgencyMerge {
    public enum Field: String, Sendable, CaseIterable {
        case successor = "successor_id"
        case kind
        case effective
    }

    public enum Problem: String, Error, Sendable, CaseIterable {
        case successorMissing = "successor_missing"
        case successorUnknown = "successor_unknown"
        case kind
        case date
        /// The succession would take effect on or before the day the agency began.
        case dateBeforeStart = "date_before_start"
        /// The agency cannot succeed itself.
        case sameAgency = "self"
        /// Agencies already ended cannot receive anything.
        case successorNotCurrent = "successor_not_current"
        /// A unit of the agency cannot be its successor (it would end up under itself).
        case descendant
        /// This succession is recorded already.
        case exists
        /// Following successions from the successor leads back to the agency.
        case cycle
    }

    /// The directory as the rules need it.
    public struct Directory: Sendable {
        /// Agency → its parent.
        public var parents: [UUID: UUID]
        /// Recorded successions, predecessor → successors.
        public var successors: [UUID: [UUID]]

        public init(parents: [UUID: UUID] = [:], successors: [UUID: [UUID]] = [:]) {
            self.parents = parents
            self.successors = successors
        }

        /// Every agency below `id` (children, their children …).
        public func descendants(of id: UUID) -> Set<UUID> {
            var children: [UUID: [UUID]] = [:]
            for (child, parent) in parents { children[parent, default: []].append(child) }
            var found: Set<UUID> = []
            var queue = children[id] ?? []
            while let next = queue.popLast() {
                guard next != id, found.insert(next).inserted else { continue }
                queue += children[next] ?? []
            }
            return found
        }

        /// Whether following successions from `start` reaches `target`.
        public func successions(from start: UUID, reach target: UUID) -> Bool {
            var seen: Set<UUID> = []
            var queue = [start]
            while let next = queue.popLast() {
                if next == target { return true }
                guard seen.insert(next).inserted else { continue }
                queue += successors[next] ?? []
            }
            return false
        }
    }

    /// What was asked for, as read from the form. `successorFound` is false when an id was given that the
    /// directory does not know; `successorIsCurrent` whether the successor is valid on the effective day.
    public struct Request: Sendable {
        public var agency: UUID
        public var agencyValidFrom: LocalDate?
        public var successor: UUID?
        public var successorFound: Bool
        public var successorIsCurrent: Bool
        public var kind: SuccessionKind?
        public var effective: LocalDate?

        public init(
            agency: UUID, agencyValidFrom: LocalDate?, successor: UUID?, successorFound: Bool = true,
            successorIsCurrent: Bool = true, kind: SuccessionKind?, effective: LocalDate?
        ) {
            self.agency = agency
            self.agencyValidFrom = agencyValidFrom
            self.successor = successor
            self.successorFound = successorFound
            self.successorIsCurrent = successorIsCurrent
            self.kind = kind
            self.effective = effective
        }
    }

    /// Field → the problem with it; empty when the merge may be recorded.
    public static func problems(_ request: Request, in directory: Directory) -> [Field: Problem] {
        var problems: [Field: Problem] = [:]
        if request.kind == nil { problems[.kind] = .kind }
        if let effective = request.effective {
            if let from = request.agencyValidFrom, effective <= from { problems[.effective] = .dateBeforeStart }
        } else {
            problems[.effective] = .date
        }
        guard let successor = request.successor else {
            problems[.successor] = request.successorFound ? .successorMissing : .successorUnknown
            return problems
        }
        if !request.successorFound {
            problems[.successor] = .successorUnknown
        } else if successor == request.agency {
            problems[.successor] = .sameAgency
        } else if !request.successorIsCurrent {
            problems[.successor] = .successorNotCurrent
        } else if directory.descendants(of: request.agency).contains(successor) {
            problems[.successor] = .descendant
        } else if directory.successors[request.agency, default: []].contains(successor) {
            problems[.successor] = .exists
        } else if directory.successions(from: successor, reach: request.agency) {
            problems[.successor] = .cycle
        }
        return problems
    }

    /// A unit of the agency merged away, as the hand-over sees it.
    public struct Unit: Sendable, Equatable {
        public var id: UUID
        public var isCurrent: Bool

        public init(id: UUID, isCurrent: Bool) {
            self.id = id
            self.isCurrent = isCurrent
        }
    }

    /// What the merge changes besides recording the succession.
    public struct HandOver: Sendable, Equatable {
        /// The agency's last day (`valid_to`).
        public var endsOn: LocalDate
        /// Groups whose membership passes to the successor.
        public var groupsPassed: [UUID]
        /// Groups the successor is in already: the agency's membership is dropped.
        public var groupsDropped: [UUID]
        /// Units that move under the successor.
        public var unitsMoved: [UUID]
    }

    public static func handOver(
        effective: LocalDate, agencyGroups: [UUID], successorGroups: Set<UUID>, units: [Unit]
    ) -> HandOver {
        HandOver(
            endsOn: effective.adding(days: -1),
            groupsPassed: agencyGroups.filter { !successorGroups.contains($0) },
            groupsDropped: agencyGroups.filter { successorGroups.contains($0) },
            unitsMoved: units.filter(\.isCurrent).map(\.id))
    }
}
