import Fluent
import Foundation
import TTDNKit

/// A task (nhiệm vụ) of a plan, at its place in the outline (`II.3.1.a`).
final class PlanTask: Model, @unchecked Sendable {
    static let schema = "plan_tasks"

    enum Status: String, Codable, CaseIterable, Sendable {
        case notStarted, inProgress, completed, cancelled

        /// Done with, either way: no more milestones to chase.
        static let closed: [Status] = [.completed, .cancelled]
        var isOpen: Bool { !Self.closed.contains(self) }
    }

    /// Where the task comes from: a numbered item of the plan's content parts, or a responsibility of
    /// *Tổ chức thực hiện* made a task of the agencies it charges (`ImplementationTasks`).
    enum Origin: String, Codable, CaseIterable, Sendable {
        case content, implementation
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: Plan
    @OptionalParent(key: "parent_id") var parent: PlanTask?
    @Field(key: "ref") var ref: String
    /// Document order within the plan.
    @Field(key: "position") var position: Int
    @Field(key: "title") var title: String
    @Field(key: "content") var content: String
    /// `Origin` raw value.
    @Field(key: "origin") var origin: String
    /// The `Timeframe` as JSON (`ttdn.plan/2` shape), or nil when the plan states none.
    @OptionalField(key: "timeframe") var timeframeJSON: String?
    /// `Timeframe.Kind` raw value, kept apart so the plan table can filter on it in SQL.
    @OptionalField(key: "timeframe_kind") var timeframeKind: String?
    /// `Status` raw value.
    @Field(key: "status") var status: String
    @Field(key: "progress") var progress: Int
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Children(for: \.$task) var agencies: [TaskAgency]
    @Children(for: \.$task) var outputs: [TaskOutput]

    init() {}

    init(
        planID: UUID, parentID: UUID?, ref: String, position: Int, title: String, content: String = "",
        timeframe: Timeframe?, origin: Origin = .content
    ) {
        self.origin = origin.rawValue
        self.$plan.id = planID
        self.$parent.id = parentID
        self.ref = ref
        self.position = position
        self.title = title
        self.content = content
        self.status = Status.notStarted.rawValue
        self.progress = 0
        self.version = 1
        self.timeframe = timeframe
    }

    var timeframe: Timeframe? {
        get {
            guard let json = timeframeJSON else { return nil }
            return try? JSONDecoder().decode(Timeframe.self, from: Data(json.utf8))
        }
        set {
            timeframeJSON = newValue.flatMap { try? String(decoding: JSONEncoder().encode($0), as: UTF8.self) }
            timeframeKind = newValue?.kind.rawValue
        }
    }

    var taskStatus: Status { Status(rawValue: status) ?? .notStarted }
    var taskOrigin: Origin { Origin(rawValue: origin) ?? .content }
}

/// An agency named by a task as lead (chủ trì) or support (phối hợp): the wording as written,
/// and the directory agency or group it resolved to (nil while unresolved).
final class TaskAgency: Model, @unchecked Sendable {
    static let schema = "task_agencies"

    enum Role: String, Codable, CaseIterable, Sendable { case lead, support }

    @ID(key: .id) var id: UUID?
    @Parent(key: "task_id") var task: PlanTask
    /// `Role` raw value.
    @Field(key: "role") var role: String
    @Field(key: "position") var position: Int
    @Field(key: "wording") var wording: String
    @OptionalParent(key: "agency_id") var agency: Agency?
    @OptionalParent(key: "group_id") var group: AgencyGroup?

    init() {}

    init(taskID: UUID, role: Role, position: Int, wording: String, agencyID: UUID?, groupID: UUID?) {
        self.$task.id = taskID
        self.role = role.rawValue
        self.position = position
        self.wording = wording
        self.$agency.id = agencyID
        self.$group.id = groupID
    }
}

/// An expected output with its target number where the plan gives one ("04 số").
final class TaskOutput: Model, @unchecked Sendable {
    static let schema = "task_outputs"

    @ID(key: .id) var id: UUID?
    @Parent(key: "task_id") var task: PlanTask
    @Field(key: "description") var description: String
    @OptionalField(key: "target") var target: Int?
    @OptionalField(key: "unit") var unit: String?

    init() {}

    init(taskID: UUID, description: String, target: Int?, unit: String?) {
        self.$task.id = taskID
        self.description = description
        self.target = target
        self.unit = unit
    }
}
