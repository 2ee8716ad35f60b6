import Foundation

/// Works out how a regime's stored obligations must change so they match who owes what now.
///
/// Obligations are derived, never typed in: the app computes the expected (agency, period) pairs from the
/// regime's reporters (the plan's task leads, every agency of the plan, or chosen agencies and groups) and
/// the period engine, then applies this plan of changes. Rules:
/// - every agency is taken at its current successor, so a task still naming "Sở Thông tin và Truyền thông"
///   expects the report from "Sở Khoa học và Công nghệ";
/// - an obligation of an agency merged away that has nothing submitted moves to the successor (unless the
///   successor already has that period, then it is dropped); one with a submission stays where it is, as
///   history;
/// - an obligation no longer expected is deleted when nothing was written for it, kept otherwise;
/// - expected pairs with no obligation are inserted.
public enum ObligationSync {
    public struct Key: Hashable, Sendable, Comparable {
        public var agency: UUID
        public var period: String

        public init(agency: UUID, period: String) {
            self.agency = agency
            self.period = period
        }

        public static func < (a: Key, b: Key) -> Bool {
            (a.period, a.agency.uuidString) < (b.period, b.agency.uuidString)
        }
    }

    /// A stored obligation as the sync sees it.
    public struct Existing: Sendable, Equatable {
        public var id: UUID
        public var key: Key
        /// Anything written for it (a draft counts: an officer's work is never thrown away).
        public var hasSubmission: Bool

        public init(id: UUID, agency: UUID, period: String, hasSubmission: Bool) {
            self.id = id
            self.key = Key(agency: agency, period: period)
            self.hasSubmission = hasSubmission
        }
    }

    public struct Changes: Sendable, Equatable {
        public var insert: [Key] = []
        /// Obligation id → the agency it now belongs to.
        public var reassign: [UUID: UUID] = [:]
        public var delete: [UUID] = []

        public var isEmpty: Bool { insert.isEmpty && reassign.isEmpty && delete.isEmpty }
    }

    /// - Parameters:
    ///   - agencies: the agencies that must report (as the plan or regime names them; successors are
    ///     followed here).
    ///   - periods: the period keys of the year.
    ///   - successor: the agency an agency was merged into or renamed to, if any.
    public static func changes(
        agencies: [UUID], periods: [String], existing: [Existing], successor: (UUID) -> UUID?
    ) -> Changes {
        func current(_ agency: UUID) -> UUID { Self.current(agency, successor: successor) }
        var expected = Set<Key>()
        for agency in Set(agencies.map(current)) {
            for period in periods { expected.insert(Key(agency: agency, period: period)) }
        }
        var changes = Changes()
        // Keys taken after this sync: first by rows that stay where they are.
        var taken = Set<Key>()
        var movable: [Existing] = []
        for row in existing {
            let target = current(row.key.agency)
            if target == row.key.agency || row.hasSubmission {
                taken.insert(row.key)
            } else {
                movable.append(row)
            }
        }
        for row in movable.sorted(by: { $0.key < $1.key }) {
            let moved = Key(agency: current(row.key.agency), period: row.key.period)
            if expected.contains(moved) && !taken.contains(moved) {
                changes.reassign[row.id] = moved.agency
                taken.insert(moved)
            } else {
                changes.delete.append(row.id)
            }
        }
        for row in existing
        where !row.hasSubmission && changes.reassign[row.id] == nil && !changes.delete.contains(row.id) {
            if !expected.contains(row.key) { changes.delete.append(row.id) }
        }
        changes.insert = expected.subtracting(taken).sorted()
        return changes
    }

    /// Follows the successor chain to today's agency (a cycle, which the directory refuses, stops the walk).
    public static func current(_ agency: UUID, successor: (UUID) -> UUID?) -> UUID {
        var seen: Set<UUID> = [agency]
        var now = agency
        while let next = successor(now), seen.insert(next).inserted { now = next }
        return now
    }
}
