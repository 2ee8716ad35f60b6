import Foundation

/// A group of agencies that documents name as one party: "các sở, ban, ngành", "UBND các xã, phường",
/// "các cơ quan báo chí". Groups are first-class so a plan's task assigned to a group can be fanned out to
/// its members later. A group with no members is allowed: open mentions such as "các cơ quan, đơn vị có
/// liên quan" are resolved to the group, and someone decides its members task by task.
public struct AgencyGroupRecord: Hashable, Codable, Sendable, Identifiable {
    public var id: UUID
    /// Stable key used in CSV files (`cac-so-ban-nganh`).
    public var code: String
    public var name: String
    public var aliases: [String]
    /// Member agencies (never groups: groups are flat).
    public var memberIDs: [UUID]

    public init(id: UUID = UUID(), code: String, name: String, aliases: [String] = [], memberIDs: [UUID] = []) {
        self.id = id
        self.code = code
        self.name = name
        self.aliases = aliases
        self.memberIDs = memberIDs
    }

    /// Every name the group answers to, its name first.
    public var allNames: [String] { [name] + aliases }
}
